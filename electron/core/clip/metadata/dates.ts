export interface PublishedDate {
  /** ISO 8601: with the offset when the source states one, local time without offset otherwise. */
  iso: string;
  /** The date as written. */
  text: string;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: string;
  second?: string;
  zone?: string;
}

const NUMERIC_DATE =
  /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s*T\s*|\s+|\s*(?:[,，]\s*)?)(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})(?:[.,]\d+)?)?)?(?:\s*(Z|[+-]\d{2}:?\d{2})(?!\d))?/u;
/** `9/17/2004 5:54:13 AM` (US) or `17/09/2004 05:54` (most elsewhere): read only when the order is certain. */
const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)(?:(?:\s*[-–,]\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\b\.?)?)?/u;
/** `1998年3月`, `2003年5月号`: magazines and reports give only the month. */
const YEAR_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/u;
const EXPLICIT_ZONE = /\b(?:GMT|UTC|Z)\b|[+-]\d{4}\b|[+-]\d{2}:\d{2}\b/;

/** Reads a date as pages write it: ISO 8601, `2005-03-12 10:30`, `2005年03月12日 10:30`, RFC 2822. */
export function parsePublished(raw: string | null | undefined): PublishedDate | null {
  const text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return parseNumeric(text) ?? parseWithDate(text);
}

/** The first numeric date in a longer text, e.g. a by-line under a Chinese headline. */
export function findNumericDate(text: string): PublishedDate | null {
  const numeric = NUMERIC_DATE.exec(text);
  const slash = SLASH_DATE.exec(text);
  if (numeric && (!slash || numeric.index < slash.index)) return fromNumeric(numeric);
  return slash ? fromSlash(slash) : null;
}

/** A year and month with no day, as an ISO 8601 month (`1998-03`). */
export function findYearMonth(text: string): PublishedDate | null {
  const match = YEAR_MONTH.exec(text);
  if (!match) return null;
  const [written, year, month] = match;
  const mo = Number(month);
  return mo >= 1 && mo <= 12 ? { iso: `${year}-${pad(mo)}`, text: written } : null;
}

/**
 * Wall-clock readings (as if UTC, in ms) of every date with a time in the text, an ambiguous
 * `06/02/2022 13:48` both ways: candidates to match against an instant the page declares.
 */
export function clockReadings(text: string): number[] {
  const readings: number[] = [];
  for (const match of text.matchAll(new RegExp(NUMERIC_DATE, 'gu'))) {
    const [, year, month, day, hour, minute] = match;
    if (hour !== undefined) readings.push(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)));
  }
  for (const match of text.matchAll(new RegExp(SLASH_DATE, 'gu'))) {
    const [, first, second, year, hour, minute, , meridiem] = match;
    if (hour === undefined) continue;
    const clock = to24Hour(Number(hour), meridiem);
    for (const [month, day] of [[first, second], [second, first]]) {
      readings.push(Date.UTC(Number(year), Number(month) - 1, Number(day), clock, Number(minute)));
    }
  }
  return readings;
}

function parseNumeric(text: string): PublishedDate | null {
  const match = NUMERIC_DATE.exec(text);
  if (!match || match.index > 3) return null;
  return fromNumeric(match);
}

function fromNumeric(match: RegExpExecArray): PublishedDate | null {
  const [written, year, month, day, hour, minute, second, zone] = match;
  return build(written, { year: Number(year), month: Number(month), day: Number(day), hour: optionalNumber(hour), minute, second, zone });
}

/**
 * Month first when a day above 12 or an AM/PM clock says so (US style), day first when the first
 * number is above 12; `06/02/2022` alone could be either, so it is not read.
 */
function fromSlash(match: RegExpExecArray): PublishedDate | null {
  const [written, first, second, year, hour, minute, seconds, meridiem] = match;
  const a = Number(first);
  const b = Number(second);
  const dayFirst = a > 12 && b <= 12;
  const monthFirst = b > 12 || (a <= 12 && meridiem !== undefined);
  if (!dayFirst && !monthFirst && a !== b) return null;
  const clock = hour === undefined ? undefined : to24Hour(Number(hour), meridiem);
  return build(written, { year: Number(year), month: dayFirst ? b : a, day: dayFirst ? a : b, hour: clock, minute, second: seconds });
}

function build(written: string, parts: DateParts): PublishedDate | null {
  const { year, month, day, hour, minute, second, zone } = parts;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  let iso = `${year}-${pad(month)}-${pad(day)}`;
  if (hour !== undefined && minute !== undefined) {
    if (hour > 23 || Number(minute) > 59) return null;
    iso += `T${pad(hour)}:${minute}${second !== undefined ? `:${second}` : ''}`;
    if (zone) iso += zone === 'Z' ? 'Z' : normalizeZone(zone);
  }
  return { iso, text: written.trim() };
}

function to24Hour(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  return (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}

function parseWithDate(text: string): PublishedDate | null {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  if (EXPLICIT_ZONE.test(text)) return { iso: date.toISOString().replace('.000Z', 'Z'), text };
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const hasTime = /\d:\d\d/.test(text);
  return { iso: hasTime ? `${local}T${pad(date.getHours())}:${pad(date.getMinutes())}` : local, text };
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function normalizeZone(zone: string): string {
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
