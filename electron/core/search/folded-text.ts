/**
 * Text folded for matching ('Café' -> 'cafe', full-width -> ASCII) with a way back to the original
 * offsets, so a snippet can mark the original characters a folded term was found in.
 */
import { fold } from '../../shared/fold.js';

export interface FoldedText {
  original: string;
  text: string;
  /** The original offset of the character a folded one came from (its last code unit for an end). */
  origin: (at: number) => number;
}

/** A stretch whose folded form has another length than the original ('ﬁ' -> 'fi', '…' -> '...'). */
interface Resized {
  folded: number;
  foldedLength: number;
  original: number;
  originalLength: number;
}

/**
 * The folded text with a way back to original offsets. Nearly every run of text folds to the same
 * length ('Café' -> 'cafe', '，' -> ','), and then offsets carry over; only characters that fold to
 * another length are remembered, each shifting the offsets after it.
 */
export function foldWithOrigins(text: string): FoldedText {
  const resized: Resized[] = [];
  let shift = 0;
  let folded = '';
  let last = 0;
  // ASCII and Chinese characters fold by lower case alone: the whole text is lowered natively at once,
  // and only the runs of other characters are folded one by one, most of them to their lower case too.
  // (A callback per capitalized word, or normalizing all of a Chinese text, cost most of a snippet.)
  const lower = text.toLowerCase();
  // Lowering only ever lengthens a character ('İ'), so equal lengths mean every offset lines up.
  const aligned = lower.length === text.length;
  const lowered = (from: number, to: number) => (aligned ? lower.slice(from, to) : text.slice(from, to).toLowerCase());
  // Runs found by char codes, not a regex: a match object per run was a tenth of a search's garbage.
  for (let start = runStart(text, 0), end = 0; start < text.length; start = runStart(text, end)) {
    end = runEnd(text, start);
    const whole = end - start === 1 ? foldCode(text.charCodeAt(start)) : foldRun(text.slice(start, end));
    if (whole.length === end - start && aligned && lower.startsWith(whole, start)) continue;
    folded += lowered(last, start);
    last = end;
    if (whole.length === end - start) {
      folded += whole;
      continue;
    }
    let at = start;
    for (const char of text.slice(start, end)) {
      const piece = foldChar(char);
      if (piece.length !== char.length) {
        resized.push({ folded: at + shift, foldedLength: piece.length, original: at, originalLength: char.length });
        shift += piece.length - char.length;
      }
      folded += piece;
      at += char.length;
    }
  }
  folded += lowered(last, text.length);
  return { original: text, text: folded, origin: (at) => originOf(resized, at) };
}

/**
 * Neither ASCII, nor CJK unified ideographs, nor punctuation, symbols or spaces that fold to no letter,
 * digit or mark. Ideographs are left as they are: no normalization changes them or joins them to a
 * neighbour, and they have no case, so cutting a run at them folds it the same. So are those
 * separators ('，' '’' '…', most of the non-ASCII characters in news text): a snippet looks for letters
 * and digits and only asks whether a character is one, so folding them ('，' -> ',') changes no find,
 * and it cost each of them a slice and two joins.
 */
function foldsOneByOne(code: number): boolean {
  if (code <= 0x7f || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) return false;
  let kind = codeKinds[code];
  if (kind === UNKNOWN) {
    kind = isInertSeparator(String.fromCharCode(code)) ? INERT : FOLDED;
    codeKinds[code] = kind;
  }
  return kind === FOLDED;
}

const UNKNOWN = 0;
const FOLDED = 1;
const INERT = 2;
/** What foldsOneByOne found for each UTF-16 code unit, filled as they are met. */
const codeKinds = new Uint8Array(0x10000);

/** Punctuation, a symbol or a space whose fold holds no letter, digit or mark ('™' -> 'tm' does). */
function isInertSeparator(char: string): boolean {
  return /^[\p{P}\p{S}\p{Z}]$/u.test(char) && !/[\p{L}\p{N}\p{M}]/u.test(fold(char));
}

/** Where the next run of characters folded one by one starts, from `from` on (the text's length when none does). */
function runStart(text: string, from: number): number {
  // The regex skips ASCII and ideographs natively; `test` moves lastIndex and makes no match object.
  const notPlain = notPlainCharRegex();
  for (notPlain.lastIndex = from; notPlain.test(text); ) {
    const at = notPlain.lastIndex - 1;
    if (foldsOneByOne(text.charCodeAt(at))) return at;
  }
  return text.length;
}

/**
 * A character neither ASCII, nor a CJK unified ideograph, nor an inert separator of the blocks news
 * text takes its punctuation from (general punctuation, CJK punctuation, full-width forms: '，' '。'
 * '、' '“' '—' '…'; foldsOneByOne's first tests). A Chinese article holds hundreds of those, and
 * stopping at each one took its fold of a 14 KB article from 64 to 77 µs (the bench's excerpts: 11
 * to 16 µs), for the same folded text. Made on the first fold, as telling them takes about 8 ms.
 */
let notPlainChar: RegExp | undefined;

function notPlainCharRegex(): RegExp {
  notPlainChar ??= new RegExp(`[^\\u0000-\\u007f\\u3400-\\u4dbf\\u4e00-\\u9fff${inertPunctuation()}]`, 'g');
  return notPlainChar;
}

/** The inert separators of those blocks, as a regex class. */
function inertPunctuation(): string {
  return [[0x2000, 0x206f], [0x3000, 0x303f], [0xff00, 0xff65]]
    .flatMap(([first = 0, last = 0]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))
    .filter((code) => isInertSeparator(String.fromCharCode(code)))
    .map((code) => `\\u${code.toString(16).padStart(4, '0')}`)
    .join('');
}

/** Where the run starting at `start` ends. */
function runEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && foldsOneByOne(text.charCodeAt(at))) at++;
  return at;
}

function originOf(resized: readonly Resized[], at: number): number {
  // The last resized stretch starting at or before `at`, by binary search.
  let low = 0;
  let high = resized.length - 1;
  let last: Resized | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const stretch = resized[middle] as Resized;
    if (stretch.folded <= at) {
      last = stretch;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (!last) return at;
  const foldedEnd = last.folded + last.foldedLength;
  if (at < foldedEnd) return at === foldedEnd - 1 ? last.original + last.originalLength - 1 : last.original;
  return at - foldedEnd + last.original + last.originalLength;
}

// Texts repeat a small alphabet, so each distinct character (or pair) is normalized once per process.
const foldedChars = new Map<string, string>();
// A lone character by its code, so looking it up makes no string.
const foldedCodes = new Map<number, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = fold(char);
    if (foldedChars.size < 50_000) foldedChars.set(char, folded);
  }
  return folded;
}

function foldCode(code: number): string {
  let folded = foldedCodes.get(code);
  if (folded === undefined) {
    folded = fold(String.fromCharCode(code));
    foldedCodes.set(code, folded);
  }
  return folded;
}

/** A run of two characters (a surrogate pair, most often) from the cache; longer ones may join, so they fold whole. */
function foldRun(run: string): string {
  return run.length <= 2 ? foldChar(run) : fold(run);
}
