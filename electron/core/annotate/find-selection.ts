import { CodePointMap } from './code-points.js';
import type { TextRange } from './find-quote.js';

/**
 * Where a browser selection sits in a clip's text, in code points, or null. The two break lines
 * differently (a form post sends CRLF; a selection across paragraphs has one newline where the text
 * has two), so any run of whitespace in the selection matches any run in the text.
 */
export function findSelection(text: string, selection: string): TextRange | null {
  const words = selection.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const match = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u').exec(text);
  if (!match) return null;
  const map = new CodePointMap(text);
  return { start: map.toCodePoints(match.index), end: map.toCodePoints(match.index + match[0].length) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
