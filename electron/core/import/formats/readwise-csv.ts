/**
 * Readwise Reader's CSV export: `Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`.
 * Tags are a Python-printed list (`['a', "it's"]`), the saved date `2022-12-20 19:47:00.442000+00:00`,
 * the progress a fraction (1 is read to the end), the location new, later, shortlist, archive or feed.
 * Feed items are documents from the user's subscriptions, never saved: they are kept, tagged "feed",
 * so they can be told apart (and removed together) after the import.
 */
import type { ImportedReadState, ImportEntry, ImportProblem } from '../import-entry.js';
import { cleanTags, cleanTitle, pageEntry, readDate } from '../entry-fields.js';
import type { CsvRow } from '../read/csv-rows.js';
import { parsePythonList } from '../read/python-list.js';
import type { CsvFormat } from './csv-export.js';

export const readwiseCsv: CsvFormat = {
  format: 'readwise-csv',
  name: 'Readwise Reader export (CSV)',
  columns: ['title', 'url', 'document tags', 'saved date', 'location'],
  entryOf,
};

function entryOf({ source, values }: CsvRow): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  const location = (values.location ?? '').trim().toLowerCase();
  const tags = [...tagsOf(values['document tags'] ?? '', warnings), ...(location === 'feed' ? ['feed'] : [])];
  return pageEntry(source, values.url, {
    title: cleanTitle(values.title),
    tags: cleanTags(tags, warnings),
    addedAt: readDate(values['saved date'], 'saved date', warnings),
    readState: readStateOf(location, Number(values['reading progress'])),
    starred: location === 'shortlist' ? true : null,
    warnings,
  });
}

function readStateOf(location: string, progress: number): ImportedReadState {
  if (location === 'archive') return 'archived';
  return progress >= 1 ? 'read' : 'unread';
}

function tagsOf(raw: string, warnings: string[]): string[] {
  if (raw.trim() === '') return [];
  const tags = parsePythonList(raw);
  if (tags) return tags;
  warnings.push(`its tags ${JSON.stringify(raw)} are not the list Readwise writes; read as a comma-separated list`);
  return raw.replace(/^\[|\]$/g, '').split(',');
}
