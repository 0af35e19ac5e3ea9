export interface PublishedDate {
  /** ISO 8601: with the offset when the source states one, local time without offset otherwise. */
  iso: string;
  /** The date as written. */
  text: string;
}

interface ClockFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
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
/** A zone after the clock: `GMT`, `UTC+02:00`, `-0600`, or a North American abbreviation (`EST`), which Date.parse knows. */
const ZONE_AFTER_CLOCK = /^(?:GMT|UTC|Z\b)?\s*(?:([+-])(\d{2}):?(\d{2})\b|\b([ECMP])([SD])T\b)?/;
const CLOCK = /\d:\d\d(?::\d\d)?(?:\.\d+)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*/;
const NAMED_ZONE_HOURS: Record<string, number> = { E: -5, C: -6, M: -7, P: -8 };

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

/**
 * Dates written out (`Mon, 18 Nov 2019 16:07:38 -0600`, `November 19, 2019, 07:47 PM EST`), kept in
 * the zone they state; placeholders such as `0001-01-01` are no date.
 */
function parseWithDate(text: string): PublishedDate | null {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const offset = statedOffsetMinutes(text);
  const date = new Date(offset === null ? time : time + offset * 60_000);
  const read = offset === null ? localFields(date) : utcFields(date);
  if (read.year < 1900) return null;
  const day = `${read.year}-${pad(read.month)}-${pad(read.day)}`;
  if (!/\d:\d\d/.test(text)) return { iso: day, text };
  const clock = `${day}T${pad(read.hour)}:${pad(read.minute)}${/\d:\d\d:\d\d/.test(text) ? `:${pad(read.second)}` : ''}`;
  return { iso: offset === null ? clock : `${clock}${formatOffset(offset)}`, text };
}

/** Minutes east of UTC that the text states after its clock (`GMT` alone is 0); null when it states none. */
function statedOffsetMinutes(text: string): number | null {
  const clock = CLOCK.exec(text);
  const match = clock ? ZONE_AFTER_CLOCK.exec(text.slice(clock.index + clock[0].length)) : null;
  if (!match?.[0].trim()) return null;
  const [, sign, hours, minutes, region, season] = match;
  if (region && season) return (NAMED_ZONE_HOURS[region]! + (season === 'D' ? 1 : 0)) * 60;
  if (!sign) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

function localFields(date: Date): ClockFields {
  return {
    year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(),
    hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(),
  };
}

function utcFields(date: Date): ClockFields {
  return {
    year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
    hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(),
  };
}

/** `Z`, `+08:00`, `-05:30`. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
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
