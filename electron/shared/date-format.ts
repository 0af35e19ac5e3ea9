import type { ClipSummary } from '../api.js';

/**
 * Dates as the reader's locale writes them (`locale` undefined means the browser's; tests pass one,
 * and a `timeZone`, so they read the same everywhere). Never a machine timestamp: what does not parse
 * shows as nothing.
 */
export interface DateLocale {
  locale?: string;
  timeZone?: string;
}

type Style = 'month' | 'date' | 'dateTime';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  month: { year: 'numeric', month: 'long' },
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
};

/** `2023-08`, `2023-08-26`, `2023-08-26T13:36`, `2019-11-20T01:50:59.403`, `2019-11-19 02:24:00+08:00`. */
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string | null, where: DateLocale = {}): string {
  return formatInstant(iso, 'date', where);
}

/** With the time of day, for what often happens more than once a day (a page's versions). */
export function formatDateTime(iso: string | null, where: DateLocale = {}): string {
  return formatInstant(iso, 'dateTime', where);
}

/**
 * A published date, as precise as the page stated it: a month, a day, or a day and time. A time with
 * an offset is an instant, shown in the reader's time zone; one without is the page's own clock, shown
 * as the page read it (a Chinese page's `2023-08-26 13:36` stays 13:36 wherever it is read). Midnight
 * sharp is how many pages write "no time", so it shows as the day alone.
 */
export function formatPublished(value: string | null, where: DateLocale = {}): string | null {
  const text = value?.trim() ?? '';
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  const wall = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0)));
  if (wall.getUTCMonth() !== Number(month) - 1 || wall.getUTCDate() !== Number(day ?? 1) || wall.getUTCHours() !== Number(hour ?? 0)) {
    return null; // 2023-02-30 or 25:00: not a date, whatever Date.UTC makes of it
  }
  const asWritten = { ...where, timeZone: 'UTC' };
  if (day === undefined) return formatter('month', asWritten).format(wall);
  if (hour === undefined || (Number(hour) === 0 && Number(minute) === 0 && Number(second ?? 0) === 0)) {
    return formatter('date', asWritten).format(wall);
  }
  if (zone === undefined) return formatter('dateTime', asWritten).format(wall);
  const instant = new Date(text.replace(' ', 'T'));
  return Number.isNaN(instant.getTime()) ? null : formatter('dateTime', where).format(instant);
}

/**
 * The published date when known, else when it was clipped. The page's own wording stands only where
 * there is no date to format and it is not a machine timestamp.
 */
export function displayDate(clip: ClipSummary, where: DateLocale = {}): string {
  return publishedDate(clip, where) ?? `Clipped ${formatDate(clip.clippedAt, where)}`;
}

export function publishedDate(clip: Pick<ClipSummary, 'publishedAt' | 'publishedText'>, where: DateLocale = {}): string | null {
  const { publishedAt, publishedText } = clip;
  const formatted = formatPublished(publishedAt, where) ?? formatPublished(publishedText, where);
  if (formatted) return formatted;
  return publishedText && !/^\d{4}-\d{2}-\d{2}T/.test(publishedText) ? publishedText : null;
}

/** Under this many seconds ago, it happened "now"; from a week on, the date says more than "9 days ago". */
const AGO_UNITS: Array<[unit: Intl.RelativeTimeFormatUnit, seconds: number, below: number]> = [
  ['minute', 60, 3600], ['hour', 3600, 86_400], ['day', 86_400, 7 * 86_400],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * How long ago `iso` was, as the reader's language says it ("now", "5 minutes ago", "yesterday",
 * "vor 3 Stunden"); a week or more ago, the date. For things that happen often (the last sync).
 */
export function formatAgo(iso: string | null, now: number = Date.now(), where: DateLocale = {}): string {
  const then = iso ? new Date(iso).getTime() : Number.NaN;
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, (now - then) / 1000);
  let relative = relativeFormats.get(where.locale ?? '');
  if (!relative) {
    relative = new Intl.RelativeTimeFormat(where.locale, { numeric: 'auto' });
    relativeFormats.set(where.locale ?? '', relative);
  }
  if (seconds < 60) return relative.format(0, 'second');
  const span = AGO_UNITS.find(([, , below]) => seconds < below);
  return span ? relative.format(-Math.floor(seconds / span[1]), span[0]) : formatDate(iso, where);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function formatInstant(iso: string | null, style: Style, where: DateLocale): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatter(style, where).format(date);
}

/** Building a format costs far more than using one, and a list formats a date per row. */
function formatter(style: Style, { locale, timeZone }: DateLocale): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formats.set(key, format);
  }
  return format;
}
