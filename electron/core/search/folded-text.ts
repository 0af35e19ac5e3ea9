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
  // One scan stops where folding may change the text: at ASCII capitals, lowered as a run, and at runs
  // of characters folded one by one; everything between is copied as it is. (Lowering the whole text
  // first, natively, took 25 of the 64 µs a 14 KB Chinese article's fold cost: V8 lowers a string of
  // two-byte characters through ICU. A callback per capitalized word, or normalizing all of a Chinese
  // text, had cost most of a snippet before.)
  for (let start = stopAt(text, 0), end = 0; start < text.length; start = stopAt(text, end)) {
    if (isAsciiCapital(text.charCodeAt(start))) {
      end = start + 1;
      while (end < text.length && isAsciiCapital(text.charCodeAt(end))) end++;
      folded += text.slice(last, start) + text.slice(start, end).toLowerCase();
      last = end;
      continue;
    }
    end = runEnd(text, start);
    const run = text.slice(start, end);
    const whole = foldRun(run);
    if (whole === run) continue;
    folded += text.slice(last, start);
    last = end;
    if (whole.length === run.length) {
      folded += whole;
      continue;
    }
    let at = start;
    for (const char of run) {
      const piece = foldCached(char);
      if (piece.length !== char.length) {
        resized.push({ folded: at + shift, foldedLength: piece.length, original: at, originalLength: char.length });
        shift += piece.length - char.length;
      }
      folded += piece;
      at += char.length;
    }
  }
  folded += text.slice(last);
  return { original: text, text: folded, origin: (at) => originOf(resized, at) };
}

function isAsciiCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
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
    kind = kindOf(String.fromCharCode(code));
    codeKinds[code] = kind;
  }
  return kind !== INERT;
}

const UNKNOWN = 0;
const INERT = 1;
/** Folded one by one, as part of the run it stands in. */
const FOLDED = 2;
/** Folded one by one, to its lower case (LOWERED) or to itself (KEPT) in any run: see foldsAlike. */
const LOWERED = 3;
const KEPT = 4;
/** What foldsOneByOne found for each UTF-16 code unit, filled as they are met. */
const codeKinds = new Uint8Array(0x10000);

function kindOf(char: string): number {
  if (isInertSeparator(char)) return INERT;
  if (!foldsAlike(char)) return FOLDED;
  return char.toLowerCase() === char ? KEPT : LOWERED;
}

/**
 * Whether a character folds to its lower case, wherever it stands in a run: most letters of Cyrillic,
 * Greek, Arabic or Hangul syllables. A run of such characters then folds to the run's lower case, as
 * no normalization joins them and their case does not depend on their neighbours; except Σ (whose lower
 * case does), a Hangul vowel or final jamo (which joins the one before it into a syllable) and a
 * surrogate half (a pair folds together). Marks fold to nothing, so they never count.
 */
function foldsAlike(char: string): boolean {
  return !/[\u03a3\u1160-\u11ff\ud7b0-\ud7ff\ud800-\udfff]/.test(char) && fold(char) === char.toLowerCase();
}

/** Punctuation, a symbol or a space whose fold holds no letter, digit or mark ('™' -> 'tm' does). */
function isInertSeparator(char: string): boolean {
  return /^[\p{P}\p{S}\p{Z}]$/u.test(char) && !/[\p{L}\p{N}\p{M}]/u.test(fold(char));
}

/** Where the next ASCII capital or run of characters folded one by one starts, from `from` on (the text's length when none does). */
function stopAt(text: string, from: number): number {
  // The regex skips the rest natively; `test` moves lastIndex and makes no match object.
  const stop = stopRegex();
  for (stop.lastIndex = from; stop.test(text); ) {
    const at = stop.lastIndex - 1;
    const code = text.charCodeAt(at);
    if (isAsciiCapital(code) || foldsOneByOne(code)) return at;
  }
  return text.length;
}

/**
 * A character neither ASCII other than a capital, nor a CJK unified ideograph, nor an inert separator
 * of the blocks news text takes its punctuation from (general punctuation, CJK punctuation, full-width
 * forms: '，' '。' '、' '“' '—' '…'; foldsOneByOne's first tests). A Chinese article holds hundreds of
 * those, and stopping at each one took its fold of a 14 KB article from 64 to 77 µs (the bench's
 * excerpts: 11 to 16 µs), for the same folded text. Made on the first fold, as telling them takes about 8 ms.
 */
let stopChar: RegExp | undefined;

function stopRegex(): RegExp {
  stopChar ??= new RegExp(`[^\\u0000-\\u0040\\u005b-\\u007f\\u3400-\\u4dbf\\u4e00-\\u9fff${inertPunctuation()}]`, 'g');
  return stopChar;
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

/**
 * A run folded: as itself or its lower case when each of its characters folds so in any run, else
 * whole, as its characters may join, from the cache when it was folded before. (With every word of
 * more than two characters through fold(), a 53 KB Russian article took 8.3 ms to fold; now 1.6.)
 */
function foldRun(run: string): string {
  let kinds = 0;
  for (let i = 0; i < run.length; i++) kinds |= 1 << (codeKinds[run.charCodeAt(i)] ?? FOLDED);
  if (kinds === 1 << KEPT) return run;
  if ((kinds & ~(1 << KEPT | 1 << LOWERED)) === 0) return run.toLowerCase();
  return foldCached(run);
}

// Texts repeat a small alphabet and vocabulary, so each distinct character or word is normalized once per process.
const foldedPieces = new Map<string, string>();
const CACHED_PIECES = 50_000;
/** Longer runs are folded anew each time: a cache of them could hold whole texts. */
const CACHED_RUN_LENGTH = 64;

/** A character or a run folded, from the cache when it was folded before. */
function foldCached(piece: string): string {
  let folded = foldedPieces.get(piece);
  if (folded === undefined) {
    folded = fold(piece);
    if (foldedPieces.size < CACHED_PIECES && piece.length <= CACHED_RUN_LENGTH) foldedPieces.set(piece, folded);
  }
  return folded;
}
