/**
 * A part of Pocket's export: `title,url,time_added,tags,status`, read by name because some exports
 * add a `cursor` column. Pocket writes the URL as the title when there is none, joins tags with `|`,
 * gives `time_added` in Unix seconds and the status as unread or archive; titles keep their newlines.
 * The export has no favourites: Pocket left them out.
 */
import { cleanTags, cleanTitle, pageEntry, readDate } from '../entry-fields.js';
import { isImportProblem } from '../import-entry.js';
import type { ImportedHighlight, ImportedReadState, ImportEntry, ImportProblem } from '../import-entry.js';
import { csvRows } from '../read/csv-rows.js';
import type { CsvRow } from '../read/csv-rows.js';
import type { CsvFormat } from './csv-export.js';

const STATUSES: Record<string, ImportedReadState> = { unread: 'unread', archive: 'archived' };

/** The highlights Pocket kept for a URL (with what of them could not be read), taken once. */
export type HighlightsFor = (url: string) => { highlights: ImportedHighlight[]; warnings: string[] } | null;

/** A part taken out of the zip alone: its rows, without the highlights the zip keeps apart. */
export const pocketCsv: CsvFormat = {
  format: 'pocket-csv',
  name: 'Pocket export (one CSV part of the zip)',
  columns: ['title', 'url', 'time_added', 'tags', 'status'],
  entryOf: (row) => entryOf(row, () => null),
};

/** The entries of one CSV part; `label` names the part in each entry's source. */
export async function* pocketRows(text: string, label: string, highlightsFor: HighlightsFor): AsyncGenerator<ImportEntry | ImportProblem> {
  for await (const row of csvRows(text, label)) yield isImportProblem(row) ? row : entryOf(row, highlightsFor);
}

function entryOf({ source, values }: CsvRow, highlightsFor: HighlightsFor): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  const status = values.status?.trim().toLowerCase() ?? '';
  if (status && !STATUSES[status]) warnings.push(`its status "${status}" is neither unread nor archive`);
  const entry = pageEntry(source, values.url, {
    title: cleanTitle(values.title),
    tags: cleanTags((values.tags ?? '').split('|'), warnings),
    addedAt: readDate(values.time_added, 'time added', warnings),
    readState: STATUSES[status] ?? null,
    warnings,
  });
  const highlighted = !isImportProblem(entry) && entry.url ? highlightsFor(entry.url) : null;
  if (!isImportProblem(entry) && highlighted) {
    entry.highlights = highlighted.highlights;
    entry.warnings.push(...highlighted.warnings);
  }
  return entry;
}
