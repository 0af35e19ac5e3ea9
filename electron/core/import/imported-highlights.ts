import { randomUUID } from 'node:crypto';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../../api.js';
import { anchor, describeRange } from '../annotate/index.js';
import type { ImportedHighlight } from './import-entry.js';

/**
 * A highlight another app made, as a Clipdesk highlight on `text`: found by its position or its quote
 * (and context); one that cannot be found yet (the article is still to be fetched, or the page changed)
 * is kept as an orphan with its quote, and found again when the text arrives.
 */
export function importedAnnotation(clipId: string, text: string, highlight: ImportedHighlight, now: string): Annotation {
  const { quote: exact, prefix = '', suffix = '', position: at = { start: 0, end: 0 } } = highlight;
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix, suffix };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: at.start, end: at.end };
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
