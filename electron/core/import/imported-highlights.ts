import { randomUUID } from 'node:crypto';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../../api.js';
import { CodePointMap, anchor, describeRange } from '../annotate/index.js';
import type { ImportedHighlight } from './import-entry.js';

/**
 * A highlight another app made, as a Clipdesk highlight on `text`: found by its position or its quote
 * (and context); one that cannot be found yet (the article is still to be fetched, or the page changed)
 * is kept as an orphan with its quote, and found again when the text arrives.
 */
export function importedAnnotation(clipId: string, text: string, highlight: ImportedHighlight, now: string): Annotation {
  const { quote: exact, prefix = '', suffix = '' } = highlight;
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix, suffix };
  const position: TextPositionSelector = { type: 'TextPositionSelector', ...codePointsOf(text, highlight.position) };
  const found = text ? anchor(text, quote, position) : null;
  const described = found ? describeRange(text, found.start, found.end) : { quote, position };
  const created = highlight.createdAt ?? now;
  return {
    id: randomUUID(),
    clipId,
    created,
    modified: created,
    color: 'yellow',
    note: highlight.note ?? '',
    target: { source: clipId, selector: [described.quote, described.position] },
    status: found?.status ?? 'orphan',
  };
}

/** The highlights of `added` whose passage `existing` does not already mark, so importing twice adds none. */
export function newHighlights(existing: readonly Annotation[], added: readonly ImportedHighlight[]): ImportedHighlight[] {
  const quotes = new Set(existing.map((annotation) => annotation.target.selector[0].exact.trim()));
  return added.filter((highlight) => !quotes.has(highlight.quote.trim()));
}

/**
 * The passage's offsets in code points, as the W3C model and Clipdesk count. UTF-16 offsets (Hypothesis)
 * are converted against `text`; with no text yet (the article is still to be fetched) they stay as
 * given, a hint that is off only by the astral characters (emoji, rare CJK) before the passage.
 */
function codePointsOf(text: string, position: ImportedHighlight['position']): { start: number; end: number } {
  if (!position) return { start: 0, end: 0 };
  const { start, end, units } = position;
  if (units === 'code-points' || !text) return { start, end };
  const map = new CodePointMap(text);
  // An offset past the text, or inside a surrogate pair (it counted another text), moves to the nearest boundary before it.
  const toCodePoints = (unit: number) => {
    const within = Math.min(unit, text.length);
    return map.toCodePoints(map.isBoundary(within) ? within : within - 1);
  };
  return { start: toCodePoints(start), end: toCodePoints(end) };
}
