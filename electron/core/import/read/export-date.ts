/**
 * The dates export files write, read into ISO 8601. Exporters write Unix seconds (Pocket, Instapaper,
 * Karakeep, bookmark files), ISO with `Z`, `+02:00` or `+0200` (Omnivore, Wallabag), or with a space
 * and microseconds (Readwise's `2022-12-20 19:47:00.442000+00:00`). The offset is kept as written; a
 * time without one stays local time without one, as clips keep it.
 */

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
/** A month name (RFC 2822 and its cousins): only then is Date.parse trusted, as it reads "1" as the year 2001. */
const NAMED_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
// Epoch counts by size: seconds until the year 5138, milliseconds, then microseconds (Firefox's PRTime).
const MILLISECONDS_FROM = 1e11;
const MICROSECONDS_FROM = 1e14;

/** The date in ISO 8601, or null when there is none or it cannot be read. */
export function parseExportDate(raw: unknown): string | null {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const iso = ISO_LIKE.exec(text);
  if (iso) return fromIsoParts(iso);
  return NAMED_MONTH.test(text) ? fromTime(Date.parse(text)) : null;
}

function fromEpoch(count: number): string | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  const ms = count >= MICROSECONDS_FROM ? count / 1000 : count >= MILLISECONDS_FROM ? count : count * 1000;
  return fromTime(ms);
}

function fromTime(ms: number): string | null {
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function fromIsoParts(match: RegExpExecArray): string | null {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  if (!isRealDay(Number(year), Number(month), Number(day))) return null;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  const millis = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
  return `${date}T${hour}:${minute}:${second ?? '00'}${millis}${zoneOf(zone)}`;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function zoneOf(zone: string | undefined): string {
  if (zone === undefined) return '';
  if (/^(?:z|utc|gmt)$/i.test(zone)) return 'Z';
  const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}
