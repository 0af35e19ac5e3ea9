export interface PublishedDate {
  /** ISO 8601: with the offset when the source states one, local time without offset otherwise. */
  iso: string;
  /** The date as written. */
  text: string;
}

const NUMERIC_DATE =
  /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s*T\s*|\s+|\s*(?:[,，]\s*)?)(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})(?:[.,]\d+)?)?)?(?:\s*(Z|[+-]\d{2}:?\d{2})(?!\d))?/u;
const EXPLICIT_ZONE = /\b(?:GMT|UTC|Z)\b|[+-]\d{4}\b|[+-]\d{2}:\d{2}\b/;

/** Reads a date as pages write it: ISO 8601, `2005-03-12 10:30`, `2005年03月12日 10:30`, RFC 2822. */
export function parsePublished(raw: string | null | undefined): PublishedDate | null {
  const text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return parseNumeric(text) ?? parseWithDate(text);
}

/** The first numeric date in a longer text, e.g. a by-line under a Chinese headline. */
export function findNumericDate(text: string): PublishedDate | null {
  const match = NUMERIC_DATE.exec(text);
  return match ? fromMatch(match) : null;
}

function parseNumeric(text: string): PublishedDate | null {
  const match = NUMERIC_DATE.exec(text);
  if (!match || match.index > 3) return null;
  return fromMatch(match);
}

function fromMatch(match: RegExpExecArray): PublishedDate | null {
  const [written, year, month, day, hour, minute, second, zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let iso = `${year}-${pad(mo)}-${pad(d)}`;
  if (hour !== undefined && minute !== undefined) {
    if (Number(hour) > 23 || Number(minute) > 59) return null;
    iso += `T${pad(Number(hour))}:${minute}${second !== undefined ? `:${second}` : ''}`;
    if (zone) iso += zone === 'Z' ? 'Z' : normalizeZone(zone);
  }
  return { iso, text: written.trim() };
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

function normalizeZone(zone: string): string {
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
