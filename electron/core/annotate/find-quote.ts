import type { TextQuoteSelector } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { CodePointMap } from './code-points.js';

/** A range of a text; code points in the public API, UTF-16 units inside the module. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Every range of `text` that a TextQuoteSelector strictly selects (W3C semantics, as apache-annotator
 * matches): `exact` there, `prefix` right before it and `suffix` right after, overlapping matches
 * included. An empty `exact` selects every position its context allows. Offsets in code points.
 */
export function matchTextQuote(text: string, selector: Pick<TextQuoteSelector, 'exact'> & Partial<TextQuoteSelector>): TextRange[] {
  const { exact, prefix = '', suffix = '' } = selector;
  const map = new CodePointMap(text);
  return unitOccurrences(text, exact)
    .map((start) => ({ start, end: start + exact.length }))
    .filter(({ start, end }) => map.isBoundary(start) && map.isBoundary(end))
    .filter(({ start, end }) => start >= prefix.length && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end))
    .map(({ start, end }) => ({ start: map.toCodePoints(start), end: map.toCodePoints(end) }));
}

/** Every occurrence of `exact` in `text`, overlapping ones too, in code points. */
export function findAllQuotes(text: string, exact: string): TextRange[] {
  return matchTextQuote(text, { exact });
}

/** The `occurrence`-th (1-based) occurrence of `exact` in `text`, in code points, or null. */
export function findQuote(text: string, exact: string, occurrence = 1): TextRange | null {
  if (!Number.isInteger(occurrence) || occurrence < 1) {
    throw new ClipdeskError('BAD_INPUT', `The occurrence must be a whole number from 1, not ${occurrence}.`);
  }
  return findAllQuotes(text, exact)[occurrence - 1] ?? null;
}

/** UTF-16 start of every occurrence of `exact`, overlapping ones too. */
export function unitOccurrences(text: string, exact: string): number[] {
  const starts: number[] = [];
  // Bounded by text.length because indexOf clamps its start, so '' would be found at the end forever.
  for (let from = 0; from <= text.length; ) {
    const start = text.indexOf(exact, from);
    if (start === -1) break;
    starts.push(start);
    from = start + 1;
  }
  return starts;
}
