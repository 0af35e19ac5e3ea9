import { Chrono, configuration, strict } from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node/en';
import { formatOffset } from './dates.js';
import type { PublishedDate } from './dates.js';

/** How a page orders the day and month of a numeric date (`3/7/2020`); null when its locale does not say. */
export type NumericOrder = 'month-first' | 'day-first' | null;

/** A date written in a line, where it stands in it. */
export interface WrittenDate {
  date: PublishedDate;
  index: number;
  end: number;
}

const monthFirst = strict;
const dayFirst = new Chrono(configuration.createConfiguration(true, true));
/** A year written out: relative dates (`3 hours ago`) and bare days (`March 3`) state none. */
const YEAR = /\b(?:1[89]|20)\d\d\b/;
/** What names a zone in a date: an abbreviation, an offset, or ISO 8601's `Z`. */
const ZONE_WORDS = /\b[A-Z]{1,5}\b|[+-]\d\d:?\d\d\b|(?<=\d)Z\b/g;
/** Abbreviations that name one zone; others (AMT, IST, …) name several, so their dates keep no zone. */
const ONE_ZONE = new Set([
  'Z', 'GMT', 'UTC', 'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT', 'PT', 'PST', 'PDT', 'AKST', 'AKDT',
  'HST', 'BST', 'WET', 'WEST', 'CET', 'CEST', 'EET', 'EEST', 'MSK', 'JST', 'KST', 'HKT', 'SGT', 'AEST', 'AEDT', 'NZST', 'NZDT',
]);

/**
 * Every English date in a line that states its year, month and day (`Mar. 3, 2020 10:15 a.m. ET`,
 * `Tuesday 3 March 2020 14.02 GMT`), with the time and zone when it states them. A numeric date
 * read both ways (`3/7/2020`) is taken only in the order the page's locale gives; ranges are not dates.
 */
export function findEnglishDates(line: string, order: NumericOrder): WrittenDate[] {
  return monthFirst.parse(line).flatMap((result) => {
    const read = result.end || !YEAR.test(result.text) ? null : inOrder(result, order);
    const date = read && statedDate(read);
    return date ? [{ date, index: result.index, end: result.index + result.text.length }] : [];
  });
}

/** The reading of a numeric date in the page's order, or the one reading both orders agree on. */
function inOrder(result: ParsedResult, order: NumericOrder): ParsedResult | null {
  if (order === 'month-first' || !result.tags().has('parser/SlashDateFormatParser')) return result;
  const other = dayFirst.parse(result.text)[0];
  if (!other) return null;
  const agree = (['year', 'month', 'day'] as const).every((part) => other.start.get(part) === result.start.get(part));
  return agree || order === 'day-first' ? other : null;
}

function statedDate(result: ParsedResult): PublishedDate | null {
  const { start } = result;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const text = result.text.replace(/^on\s+/i, '').trim();
  let iso = `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`;
  if (start.isCertain('hour')) {
    iso += `T${pad(start.get('hour'))}:${pad(start.get('minute'))}${start.isCertain('second') ? `:${pad(start.get('second'))}` : ''}`;
    const offset = start.get('timezoneOffset');
    if (start.isCertain('timezoneOffset') && offset !== null && namesOneZone(text)) iso += formatOffset(offset);
  }
  return { iso, text };
}

function namesOneZone(text: string): boolean {
  return (text.match(ZONE_WORDS) ?? []).some((word) => /\d/.test(word) || ONE_ZONE.has(word));
}

function pad(value: number | null): string {
  return String(value ?? 0).padStart(2, '0');
}
