import { findNumericDate } from './dates.js';
import type { PublishedDate } from './dates.js';
import { headlineWords } from './page-region.js';

const AFTER_TITLE_WINDOW = 800;
const TOP_WINDOW = 6000;

/**
 * The publication date a page prints as text (`2005年03月12日 10:30`, `2005-03-12 10:30`): first
 * just below where the headline appears in the body, else the first dated line near the top,
 * preferring one that gives a time over a bare date (portal headers print today's date).
 */
export function findVisibleDate(bodyText: string, title: string): PublishedDate | null {
  const words = headlineWords(title);
  const start = words ? bodyText.indexOf(words) : -1;
  if (start >= 0) {
    const below = firstDate(bodyText.slice(start, start + AFTER_TITLE_WINDOW));
    if (below) return below;
  }
  return firstDate(bodyText.slice(0, TOP_WINDOW));
}

function firstDate(text: string): PublishedDate | null {
  let fallback: PublishedDate | null = null;
  for (const line of text.split('\n')) {
    const found = findNumericDate(line);
    if (found?.iso.includes('T')) return found;
    fallback ??= found;
  }
  return fallback;
}
