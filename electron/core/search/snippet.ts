/**
 * A short plain-text excerpt around the densest cluster of matched terms, with the stretches to mark
 * (see Snippet in api.ts). Matching is folded ('cafe' marks 'Café') and mapped back to the original
 * characters (see folded-text.ts).
 */
import type { Snippet } from '../../api.js';
import { fold } from '../../shared/fold.js';
import type { ParsedQuery } from './query.js';
import { foldWithOrigins } from './folded-text.js';
import type { FoldedText } from './folded-text.js';
import { CJK_SCRIPTS, isCjk } from './tokenize.js';

const DEFAULT_MAX_LENGTH = 200;
/** How far a cut may move to land between words instead of inside one. */
const WORD_SNAP = 20;

/** A stretch of the text: [start, end) plus the terms found there, one bit each (see termBit). */
interface Span {
  start: number;
  end: number;
  terms: number;
}

export interface SnippetOptions {
  maxLength?: number;
  /** Beginnings of words (the word being typed): every word starting with one is marked whole. */
  prefixes?: string[];
}

/** A term folded, and whether it is the beginning of a word (the word being typed). */
type Wanted = ReadonlyArray<readonly [term: string, isPrefix: boolean]>;

/**
 * A search's snippets, one a hit: the query's words marked, and every word the word being typed
 * starts. The query's terms are folded once for all its hits; each hit's text comes folded, so a
 * text shown again (typing a query one key at a time) is not folded again.
 */
export function hitSnippets(query: ParsedQuery): (text: FoldedText) => Snippet {
  const terms = query.groups.flat();
  const wanted = wantedTerms(
    terms.flatMap((term) => (term.prefix ? term.terms.slice(0, -1) : term.terms)),
    terms.flatMap((term) => (term.prefix ? term.terms.slice(-1) : [])),
  );
  return (text) => snippetOf(text, wanted, DEFAULT_MAX_LENGTH);
}

export function makeSnippet(text: string, terms: string[], options: SnippetOptions = {}): Snippet {
  const asked = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxLength = Number.isFinite(asked) && asked >= 1 ? Math.floor(asked) : DEFAULT_MAX_LENGTH;
  return snippetOf(foldWithOrigins(text), wantedTerms(terms, options.prefixes ?? []), maxLength);
}

/** Each term folded, once (a word typed as a beginning and whole is marked whole); empty ones left out. */
function wantedTerms(terms: readonly string[], prefixes: readonly string[]): Wanted {
  const wanted = new Map([...prefixes.map((term) => [fold(term), true] as const), ...terms.map((term) => [fold(term), false] as const)]);
  wanted.delete('');
  return [...wanted];
}

function snippetOf(folded: FoldedText, wanted: Wanted, maxLength: number): Snippet {
  const text = folded.original;
  const marks = findMarks(folded, wanted);
  const cluster = densestCluster(marks, maxLength) ?? { start: 0, end: 0, terms: 0 };
  const { start, end } = widen(text, cluster, maxLength);
  const inside = marks.filter((mark) => mark.start >= start && mark.end <= end);
  return withEllipses(excerpt(text, start, end, inside), start > 0, end < text.length);
}

/** Where the terms occur, in original-text offsets, overlapping finds merged (吉林 + 林高 -> 吉林高). */
function findMarks(folded: FoldedText, wanted: Wanted): Span[] {
  const found: Span[] = [];
  for (const [i, [term, isPrefix]] of wanted.entries()) {
    const terms = termBit(i);
    forEachOccurrence(folded.text, term, isPrefix, (at, end) => {
      found.push({ start: folded.origin(at), end: folded.origin(end - 1) + 1, terms });
    });
  }
  return merge(found);
}

/**
 * The i-th term's bit: a bit set rather than a Set of strings per find, as every hit of a search
 * gets a snippet and the sets were a tenth of the garbage a search leaves. Past 31 terms (no real
 * query has them) the last bit is shared, which can only undercount how many a stretch holds.
 */
function termBit(i: number): number {
  return 2 ** Math.min(i, 30);
}

/** How many terms a bit set holds. */
function termCount(terms: number): number {
  let count = 0;
  for (let rest = terms; rest !== 0; rest &= rest - 1) count++;
  return count;
}

// Letters and digits that make up a word; CJK characters do not, as CJK words touch each other.
const WORD_CLASS = String.raw`[[\p{L}\p{N}]--[${CJK_SCRIPTS}]]`;
const WORD_CHAR = new RegExp(WORD_CLASS, 'v');
// Sticky: the rest of the word from where it is set, and whether a word character stands there.
const REST_OF_WORD = new RegExp(`${WORD_CLASS}*`, 'yv');
const WORD_CHAR_AT = new RegExp(WORD_CLASS, 'yv');

/**
 * The [start, end) of each find of a term in folded text, left to right without overlaps: a term that
 * ends where its word does ('art' not in 'arts'), the word being typed marking the whole word it
 * starts, a CJK term just itself. Found by indexOf, cheaper than a regex per term (and no patterns to
 * cache); 'art' inside 'start' is passed over (CJK words have no edges), but still consumes its letters.
 */
function forEachOccurrence(text: string, term: string, isPrefix: boolean, found: (at: number, end: number) => void): void {
  const cjk = isCjk(term);
  for (let at = text.indexOf(term); at !== -1; ) {
    let end = at + term.length;
    if (!cjk && isPrefix) end = wordEnd(text, end);
    else if (!cjk && wordCharAt(text, end)) {
      at = text.indexOf(term, at + 1);
      continue;
    }
    if (cjk || at === 0 || !WORD_CHAR.test(text.charAt(at - 1))) found(at, end);
    at = text.indexOf(term, end);
  }
}

function wordEnd(text: string, from: number): number {
  REST_OF_WORD.lastIndex = from;
  REST_OF_WORD.test(text);
  return REST_OF_WORD.lastIndex;
}

function wordCharAt(text: string, at: number): boolean {
  WORD_CHAR_AT.lastIndex = at;
  return WORD_CHAR_AT.test(text);
}

/** The spans in order, overlapping ones joined (into the first of them: the spans are findMarks' own). */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.terms |= span.terms;
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** The run of marks fitting in maxLength with the most distinct terms, then the most marks. */
function densestCluster(marks: Span[], maxLength: number): Span | null {
  let best: Span | null = null;
  let bestDistinct = -1;
  let bestCount = 0;
  for (const [i, first] of marks.entries()) {
    let terms = 0;
    let end = first.end;
    let count = 0;
    for (let j = i; j < marks.length; j++) {
      const mark = marks[j] as Span;
      if (mark.end - first.start > maxLength) break;
      terms |= mark.terms;
      end = mark.end;
      count++;
    }
    const distinct = termCount(terms);
    if (distinct > bestDistinct || (distinct === bestDistinct && count > bestCount)) {
      best = { start: first.start, end, terms };
      bestDistinct = distinct;
      bestCount = count;
    }
  }
  return best;
}

/** Grows a cluster to maxLength around its marks, then moves each cut to a space when one is near. */
function widen(text: string, cluster: Span, maxLength: number): { start: number; end: number } {
  const slack = Math.max(0, maxLength - (cluster.end - cluster.start));
  let start = Math.max(0, cluster.start - Math.floor(slack / 2));
  let end = Math.min(text.length, start + maxLength);
  start = Math.max(0, Math.min(start, end - maxLength));
  if (start > 0) {
    const space = text.slice(start, Math.min(cluster.start, start + WORD_SNAP)).search(/\s/);
    start = space === -1 ? start : start + space + 1;
  }
  if (end < text.length) {
    const before = text.slice(Math.max(cluster.end, end - WORD_SNAP), end);
    const space = before.search(/\s\S*$/);
    end = space === -1 ? end : end - before.length + space;
  }
  return { start: avoidSplitPair(text, start), end: avoidSplitPair(text, end) };
}

/** Moves a cut off the middle of a surrogate pair, which would print as garbage. */
function avoidSplitPair(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at + 1 : at;
}

/** The text from start to end, made plain, with the marks' offsets moved into it. */
function excerpt(text: string, start: number, end: number, marks: Span[]): Snippet {
  let out = '';
  const marked: Snippet['marks'] = [];
  let at = start;
  for (const mark of marks) {
    out += plain(text.slice(at, mark.start));
    const from = out.length;
    out += plain(text.slice(mark.start, mark.end));
    marked.push([from, out.length]);
    at = mark.end;
  }
  return { text: out + plain(text.slice(at, end)), marks: marked };
}

/** Trimmed, with '…' where the excerpt starts or ends inside the text. */
function withEllipses(snippet: Snippet, cutStart: boolean, cutEnd: boolean): Snippet {
  const trimmed = snippet.text.trim();
  const shift = (cutStart ? 1 : 0) - snippet.text.indexOf(trimmed);
  const within = (at: number) => Math.min(Math.max(at + shift, 0), trimmed.length + shift);
  return {
    text: (cutStart ? '…' : '') + trimmed + (cutEnd ? '…' : ''),
    marks: snippet.marks.map(([from, to]) => [within(from), within(to)]),
  };
}

/** Whitespace other than a single space: a line break, an NBSP indent, two spaces. */
const NOT_ONE_SPACE = /[^\S ]| {2}/;
const WHITESPACE_RUN = /\s+/g;

/** Whitespace collapsed (line breaks, NBSP indents), lone surrogates replaced. */
function plain(text: string): string {
  // Most stretches have no whitespace to change, and looking costs less than replacing; a text of
  // Latin-1 characters alone is well formed without a look, and others are checked natively.
  const spaced = NOT_ONE_SPACE.test(text) ? text.replace(WHITESPACE_RUN, ' ') : text;
  return spaced.toWellFormed();
}
