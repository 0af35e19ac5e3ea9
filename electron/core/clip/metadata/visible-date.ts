import { dateLabel, isCopyrightLine, notPublication } from './date-label.js';
import type { DateLabel } from './date-label.js';
import { outsideDatedLists } from './dated-list.js';
import { findNumericDate } from './dates.js';
import type { PublishedDate } from './dates.js';
import { headlineWords } from './page-region.js';

const AFTER_TITLE_WINDOW = 800;
const TOP_WINDOW = 6000;
/** A Han character: a date written between two of them sits inside a sentence (`新站自2020年2月10日起启用`). */
const HAN = /\p{Script=Han}/u;

type LabelledDates = { date: PublishedDate; label: DateLabel }[];

/**
 * The publication date a page prints as text (`2005年03月12日 10:30`, `2005-03-12 10:30`): first
 * just below where the headline appears in the body, else the first dated line near the top;
 * a date labelled as published first, then one that gives a time over a bare date (portal
 * headers print today's date). Dates labelled as updates (`更新时间`, `Updated`) or as the page's
 * clock (`今天是`) are never taken, nor dates in copyright lines or inside the story's sentences.
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

/**
 * A published-labelled date (`发布时间：…`), else the first with a time, else the first; never an
 * edit, the clock, or a date from a copyright line or a dated list.
 */
function firstDate(text: string): PublishedDate | null {
  const lines = text.split('\n').filter((line) => line.trim() && !isCopyrightLine(line));
  const dates = outsideDatedLists(lines.map(labelledDates)).filter(({ label }) => !notPublication(label));
  const chosen = dates.find(({ label }) => label === 'published') ?? dates.find(({ date }) => date.iso.includes('T')) ?? dates[0];
  return chosen?.date ?? null;
}

/**
 * Every date in a line with what the words since the previous one call it (`发布时间：… 更新时间：…`),
 * leaving out unlabelled days the story's sentences mention.
 */
function labelledDates(line: string): LabelledDates {
  const found: LabelledDates = [];
  let rest = line;
  for (let date = findNumericDate(rest); date; date = findNumericDate(rest)) {
    const at = rest.indexOf(date.text);
    if (at < 0) break;
    const label = dateLabel(rest.slice(0, at));
    const after = rest.slice(at + date.text.length);
    if (label !== null || date.iso.includes('T') || !inSentence(rest.slice(0, at), after)) found.push({ date, label });
    rest = after;
  }
  return found;
}

/**
 * A day with Han text right against it on both sides is part of a sentence; a dateline sets it
 * apart. A day with a clock time is a dateline however tightly its row is printed (`新华网2022年02月13日 09:57来源`).
 */
function inSentence(before: string, after: string): boolean {
  return HAN.test(before.slice(-1)) && HAN.test(after.charAt(0));
}
