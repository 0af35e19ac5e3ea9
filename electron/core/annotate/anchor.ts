import type { TextPositionSelector, TextQuoteSelector } from '../../api.js';
import { CodePointMap } from './code-points.js';
import { unitOccurrences } from './find-quote.js';
import { fuzzySearch, similarity, type FuzzyMatch } from './fuzzy-search.js';

/** Where a highlight was found again, in code points, and how. */
export interface Anchor {
  start: number;
  end: number;
  status: 'exact' | 'quote' | 'fuzzy';
}

/**
 * A candidate whose prefix and suffix agree at least this well on average is the highlight, not the
 * same words elsewhere: one intact side is enough, two sides of unrelated prose score about 0.3.
 */
const MIN_CONTEXT_SIMILARITY = 0.5;

/** A quote that agrees on this many characters is evidence enough on its own, whatever its context. */
const SELF_EVIDENT_LENGTH = 32;

/** Weights of the agreement of quote, prefix, suffix and old position when choosing (Hypothesis'). */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/**
 * Finds a highlight in a possibly edited text, like Hypothesis' client: at its old position if the quote
 * is still there ('exact'), else the occurrence of the quote whose context agrees best ('quote'), else
 * the closest approximate match whose context agrees ('fuzzy'). Null means orphaned.
 */
export function anchor(text: string, quote: TextQuoteSelector, position: TextPositionSelector): Anchor | null {
  if (quote.exact === '') return null;
  const map = new CodePointMap(text);
  if (isAtPosition(text, map, quote.exact, position)) {
    return { start: position.start, end: position.end, status: 'exact' };
  }
  const hint = map.toUnits(Number.isInteger(position.start) ? clamp(position.start, 0, map.length) : 0);
  const verbatim = unitOccurrences(text, quote.exact)
    .map((start) => ({ start, end: start + quote.exact.length, errors: 0 }))
    .filter(({ start, end }) => map.isBoundary(start) && map.isBoundary(end));
  const byQuote = bestCandidate(text, quote, hint, verbatim);
  if (byQuote) return toAnchor(map, byQuote, 'quote');
  const approximate = fuzzyCandidates(text, quote).map((match) => snapToCodePoints(map, alignEdges(text, quote, match)));
  const byFuzzy = bestCandidate(text, quote, hint, approximate);
  return byFuzzy ? toAnchor(map, byFuzzy, 'fuzzy') : null;
}

function isAtPosition(text: string, map: CodePointMap, exact: string, { start, end }: TextPositionSelector): boolean {
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= map.length;
  return valid && text.slice(map.toUnits(start), map.toUnits(end)) === exact;
}

/**
 * The error budget of an approximate search: a quarter of the pattern, beyond which unrelated prose
 * starts to match, and at most 32, since the search time grows with the budget.
 */
function maxErrors(pattern: string): number {
  return Math.min(32, Math.floor(pattern.length / 4));
}

/**
 * Approximate matches of the quote alone, plus the quote located inside approximate matches of the
 * whole passage (prefix + quote + suffix). The search only returns the matches with the fewest errors,
 * so the quote alone can lose to its old wording surviving elsewhere; its context cannot.
 */
function fuzzyCandidates(text: string, quote: TextQuoteSelector): FuzzyMatch[] {
  const budget = maxErrors(quote.exact);
  if (budget === 0) return [];
  const passage = quote.prefix + quote.exact + quote.suffix;
  const inPassages = fuzzySearch(text, passage, maxErrors(passage)).flatMap((found) => {
    const inner = fuzzySearch(text.slice(found.start, found.end), quote.exact, budget);
    const closest = minBy(inner, (match) => Math.abs(match.start - quote.prefix.length));
    return closest ? [{ ...closest, start: found.start + closest.start, end: found.start + closest.end }] : [];
  });
  return [...fuzzySearch(text, quote.exact, budget), ...inPassages];
}

/** The acceptable candidate that agrees best with the quote, its context and its old position. */
function bestCandidate(text: string, quote: TextQuoteSelector, hint: number, candidates: FuzzyMatch[]): FuzzyMatch | undefined {
  const scored = candidates.flatMap((match) => {
    const score = scoreCandidate(text, quote, hint, match);
    return score === null ? [] : [{ match, score }];
  });
  return minBy(scored, ({ score }) => -score)?.match;
}

/** The weighted agreement of a candidate, or null when nothing says it is the highlight. */
function scoreCandidate(text: string, quote: TextQuoteSelector, hint: number, match: FuzzyMatch): number | null {
  const quoteScore = 1 - match.errors / quote.exact.length;
  const prefixScore = similarity(quote.prefix, text.slice(Math.max(0, match.start - quote.prefix.length), match.start));
  const suffixScore = similarity(quote.suffix, text.slice(match.end, match.end + quote.suffix.length));
  const positionScore = 1 - Math.abs(match.start - hint) / Math.max(1, text.length);
  const contextAgrees = (prefixScore + suffixScore) / 2 >= MIN_CONTEXT_SIMILARITY;
  const selfEvident = quote.exact.length - match.errors >= SELF_EVIDENT_LENGTH;
  if (!contextAgrees && !selfEvident) return null;
  return (
    WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore
  );
}

/**
 * Edit distance alone blurs the edges of a match (a fixed "Zoen" matches "Zone" best as "Zon"), so each
 * edge moves, within the error budget, to where the old context resumes verbatim for longest.
 */
function alignEdges(text: string, quote: TextQuoteSelector, match: FuzzyMatch): FuzzyMatch {
  const { prefix, suffix } = quote;
  const budget = maxErrors(quote.exact);
  const start = bestEdge(text, match.start, budget, (at) => commonSuffixLength(prefix, text.slice(Math.max(0, at - prefix.length), at)));
  const end = bestEdge(text, match.end, budget, (at) => commonPrefixLength(suffix, text.slice(at, at + suffix.length)));
  return { ...match, start, end };
}

/** The offset within `budget` of `edge` with the most agreement, the closest one on ties. */
function bestEdge(text: string, edge: number, budget: number, agreement: (at: number) => number): number {
  let best = edge;
  let bestAgreement = agreement(edge);
  for (let distance = 1; distance <= budget; distance++) {
    for (const at of [edge - distance, edge + distance]) {
      if (at < 0 || at > text.length) continue;
      const atAgreement = agreement(at);
      if (atAgreement > bestAgreement) [best, bestAgreement] = [at, atAgreement];
    }
  }
  return best;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

/** Widens a UTF-16 match that cuts an astral character in half to include it. */
function snapToCodePoints(map: CodePointMap, match: FuzzyMatch): FuzzyMatch {
  const start = map.isBoundary(match.start) ? match.start : match.start - 1;
  const end = map.isBoundary(match.end) ? match.end : match.end + 1;
  return { ...match, start, end };
}

function toAnchor(map: CodePointMap, { start, end }: FuzzyMatch, status: Anchor['status']): Anchor {
  return { start: map.toCodePoints(start), end: map.toCodePoints(end), status };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function minBy<T>(items: T[], key: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestKey = Infinity;
  for (const item of items) {
    const itemKey = key(item);
    if (itemKey < bestKey) {
      best = item;
      bestKey = itemKey;
    }
  }
  return best;
}
