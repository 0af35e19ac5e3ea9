/**
 * The fields of an entry as every format reads them: the same URL rule, title tidying, tag cleaning
 * and date reading for all, so that two exports of one library import alike.
 */
import { cleanTagName, withTags } from '../tags.js';
import type { ImportEntry, ImportProblem } from './import-entry.js';
import { parseExportDate } from './read/export-date.js';

export type EntryFields = Partial<Omit<ImportEntry, 'source'>>;

export function newEntry(source: string, fields: EntryFields): ImportEntry {
  return {
    source, url: null, title: null, tags: [], note: null, excerpt: null, byline: null, addedAt: null, publishedAt: null,
    readState: null, starred: null, content: null, highlights: [], warnings: [], ...fields,
  };
}

export function problem(source: string, reason: string): ImportProblem {
  return { source, reason };
}

/** The address of a page Clipdesk can fetch (absolute http or https), or why the text is not one. */
export function readHttpUrl(raw: unknown): { url: string } | { reason: string } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { reason: 'it has no URL' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { reason: `"${shorten(text)}" is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: `"${shorten(text)}" is not a web page (http or https) URL` };
  return { url: url.href };
}

/**
 * An entry for a page, or the problem that it has no usable URL. Exporters put the URL where a title
 * is missing (Pocket writes `given_url` as the title), so a title equal to the URL is no title.
 */
export function pageEntry(source: string, rawUrl: unknown, fields: EntryFields): ImportEntry | ImportProblem {
  const read = readHttpUrl(rawUrl);
  if ('reason' in read) return problem(source, read.reason);
  const sameAsUrl = fields.title === read.url || fields.title === (typeof rawUrl === 'string' ? rawUrl.trim() : null);
  return newEntry(source, { ...fields, url: read.url, title: sameAsUrl ? null : (fields.title ?? null) });
}

/** One line of text: exporters keep the newlines and runs of spaces a page's title had. */
export function cleanTitle(raw: unknown): string | null {
  return cleanText(raw)?.replace(/\s+/g, ' ') ?? null;
}

/** A text field trimmed, or null when empty. */
export function cleanText(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text.length > 0 ? text : null;
}

/** Tags tidied and each kept once (Clipdesk's tag identity); a name too long to be a tag is a warning. */
export function cleanTags(names: readonly unknown[], warnings: string[]): string[] {
  let tags: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '') continue;
    const cleaned = cleanTagName(name);
    if (cleaned) tags = withTags(tags, [cleaned]);
    else warnings.push(`the tag "${shorten(name)}" is too long to keep`);
  }
  return tags;
}

/** The date in ISO 8601; one that cannot be read is a warning, and the entry goes on without it. */
export function readDate(raw: unknown, what: string, warnings: string[]): string | null {
  const date = parseExportDate(raw);
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  if (date === null && !blank) warnings.push(`its ${what} "${shorten(String(raw))}" is not a date Clipdesk can read`);
  return date;
}

/** A count for a description: "30,000 items", "1 item". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
