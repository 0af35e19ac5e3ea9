/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder,Timestamp,Tags` (older exports stop after
 * Folder). `Folder` is Unread, Archive, Starred or a folder of the user's own (kept as a tag);
 * `Timestamp` is Unix seconds; `Tags` is a JSON array; `Selection` is the text Instapaper kept as the
 * article's summary (the page text selected when it was saved, or its description).
 */
import type { ImportEntry, ImportProblem } from '../import-entry.js';
import { cleanTags, cleanText, cleanTitle, pageEntry, readDate } from '../entry-fields.js';
import type { CsvRow } from '../read/csv-rows.js';
import type { CsvFormat } from './csv-export.js';

export const instapaperCsv: CsvFormat = {
  format: 'instapaper-csv',
  name: 'Instapaper export (CSV)',
  columns: ['url', 'title', 'selection', 'folder'],
  entryOf,
};

function entryOf({ source, values }: CsvRow): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  const folder = cleanTitle(values.folder) ?? '';
  const kind = folder.toLowerCase();
  const ownFolder = !['unread', 'archive', 'starred', ''].includes(kind);
  return pageEntry(source, values.url, {
    title: cleanTitle(values.title),
    excerpt: cleanText(values.selection),
    tags: cleanTags([...(ownFolder ? [folder] : []), ...tagsOf(values.tags ?? '', warnings)], warnings),
    addedAt: readDate(values.timestamp, 'timestamp', warnings),
    readState: kind === 'archive' ? 'archived' : kind === 'unread' ? 'unread' : null,
    starred: kind === 'starred' ? true : null,
    warnings,
  });
}

/** A JSON array of names; anything else is read as a comma-separated list, with a warning. */
function tagsOf(raw: string, warnings: string[]): unknown[] {
  if (raw.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // falls through to the comma-separated reading below
  }
  warnings.push(`its tags ${JSON.stringify(raw)} are not the JSON list Instapaper writes; read as a comma-separated list`);
  return raw.split(',');
}
