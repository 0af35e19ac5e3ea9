import { dateLabel } from './date-label.js';
import type { DateLabel } from './date-label.js';
import { findNumericDate } from './dates.js';
import type { PublishedDate } from './dates.js';
import { headlineWords } from './page-region.js';

const AFTER_TITLE_WINDOW = 800;
const TOP_WINDOW = 6000;

/**
 * The publication date a page prints as text (`2005年03月12日 10:30`, `2005-03-12 10:30`): first
 * just below where the headline appears in the body, else the first dated line near the top;
 * a date labelled as published first, then one that gives a time over a bare date (portal
 * headers print today's date). Dates labelled as updates (`更新时间`, `Updated`) are never taken.
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

/** A published-labelled date (`发布时间：…`), else the first with a time, else the first; never one labelled as an edit. */
function firstDate(text: string): PublishedDate | null {
  const dates = text.split('\n').flatMap(labelledDates).filter(({ label }) => label !== 'edited');
  const chosen = dates.find(({ label }) => label === 'published') ?? dates.find(({ date }) => date.iso.includes('T')) ?? dates[0];
  return chosen?.date ?? null;
}

/** Every date in a line with what the words since the previous one call it (`发布时间：… 更新时间：…`). */
function labelledDates(line: string): { date: PublishedDate; label: DateLabel }[] {
  const found: { date: PublishedDate; label: DateLabel }[] = [];
  let rest = line;
  for (let date = findNumericDate(rest); date; date = findNumericDate(rest)) {
    const at = rest.indexOf(date.text);
    if (at < 0) break;
    found.push({ date, label: dateLabel(rest.slice(0, at)) });
    rest = rest.slice(at + date.text.length);
  }
  return found;
}
