import type { TextPositionSelector, TextQuoteSelector } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { CodePointMap } from './code-points.js';

/**
 * Code points of context kept on each side of a quote. Hypothesis' client keeps 32 too: enough to tell
 * repeated phrases apart and to re-find a highlight after nearby edits, small enough to store.
 */
export const CONTEXT_LENGTH = 32;

/** The selectors of the range [start, end) of `text`, offsets in code points. */
export function describeRange(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const map = new CodePointMap(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > map.length || start >= end) {
    throw new ClipdeskError(
      'BAD_INPUT',
      `Cannot highlight [${start}, ${end}): a highlight needs 0 <= start < end <= ${map.length}, the length of the text.`,
    );
  }
  const at = (codePoint: number) => map.toUnits(codePoint);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(at(start), at(end)),
      prefix: text.slice(at(Math.max(0, start - CONTEXT_LENGTH)), at(start)),
      suffix: text.slice(at(end), at(Math.min(map.length, end + CONTEXT_LENGTH))),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
