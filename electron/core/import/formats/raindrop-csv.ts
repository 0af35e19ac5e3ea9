/**
 * Raindrop.io's CSV export: `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`.
 * The folder is a path (`Reading / Longform`, "Unsorted" when none) whose names become tags; tags
 * are comma-separated; `created` is ISO 8601; the excerpt keeps HTML entities (`&nbsp;`); highlights
 * are `Highlight:` paragraphs, each with an optional `Note:` line.
 */
import type { ImportedHighlight, ImportEntry, ImportProblem } from '../import-entry.js';
import { cleanTags, cleanText, cleanTitle, pageEntry, readDate } from '../entry-fields.js';
import type { CsvRow } from '../read/csv-rows.js';
import { decodeHtmlText } from '../read/html-tree.js';
import type { CsvFormat } from './csv-export.js';

export const raindropCsv: CsvFormat = {
  format: 'raindrop-csv',
  name: 'Raindrop.io export (CSV)',
  columns: ['title', 'note', 'excerpt', 'url', 'folder', 'tags', 'created'],
  entryOf,
};

function entryOf({ source, values }: CsvRow): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  const folders = (values.folder ?? '').split(/\s*\/\s*/).filter((name) => name.trim() !== 'Unsorted');
  const excerpt = cleanText(values.excerpt);
  return pageEntry(source, values.url, {
    title: cleanTitle(values.title),
    note: cleanText(values.note),
    excerpt: excerpt && cleanText(decodeHtmlText(excerpt)),
    tags: cleanTags([...folders, ...(values.tags ?? '').split(',')], warnings),
    addedAt: readDate(values.created, 'creation date', warnings),
    starred: values.favorite === undefined || values.favorite === '' ? null : values.favorite.trim().toLowerCase() === 'true',
    highlights: highlightsOf(values.highlights ?? ''),
    warnings,
  });
}

function highlightsOf(text: string): ImportedHighlight[] {
  return text
    .split(/^\s*Highlight:/m)
    .slice(1)
    .flatMap((part) => {
      const [quote = '', note] = part.split(/^\s*Note:/m);
      const cleaned = cleanText(quote);
      return cleaned ? [{ quote: cleaned, note: cleanText(note), createdAt: null, tags: [] }] : [];
    });
}
