/**
 * Pocket's export since 2024: a zip of `part_000000.csv`, `part_000001.csv`... (up to 10,000 rows
 * each) and `annotations/part_000000.json`, a list of `{ url, title, highlights: [{ quote,
 * created_at }] }` for the items that have highlights. The parts are read one at a time, a row at a
 * time; the highlights (only those of highlighted items) are read first and joined to rows by URL.
 */
import { decodeText } from '../../clip/decode/charset.js';
import { tryCanonicalizeUrl } from '../../clip/metadata/canonical-url.js';
import { cleanText, cleanTitle, countOf, newEntry, pageEntry, problem, readDate } from '../entry-fields.js';
import { isImportProblem } from '../import-entry.js';
import type { ExportFile, ImportedHighlight, ImportEntry, ImportProblem } from '../import-entry.js';
import { countCsvRows } from '../read/csv-rows.js';
import { jsonItems } from '../read/json-items.js';
import type { ZipArchive } from '../../zip/zip-reader.js';
import { isRecord } from './json-export.js';
import { pocketRows } from './pocket-csv.js';

interface Highlighted {
  source: string;
  title: string | null;
  url: string;
  highlights: ImportedHighlight[];
  warnings: string[];
}

const PART = /(?:^|\/)part_\d+\.csv$/;
const ANNOTATIONS_PART = /(?:^|\/)annotations\/part_\d+\.json$/;

export function isPocketZip(zip: ZipArchive): boolean {
  return csvParts(zip).length > 0;
}

export async function openPocketZip(zip: ZipArchive): Promise<ExportFile> {
  const parts = csvParts(zip);
  let items = 0;
  for (const name of parts) items += countCsvRows(await partText(zip, name));
  const annotated = zip.names.some((name) => ANNOTATIONS_PART.test(name)) ? ' with highlights' : '';
  return {
    format: 'pocket-zip',
    description: `Pocket export (zip of ${countOf(parts.length, 'CSV part')}${annotated}), ${countOf(items, 'item')}`,
    entries: () => readZip(zip, parts),
  };
}

async function* readZip(zip: ZipArchive, parts: string[]): AsyncGenerator<ImportEntry | ImportProblem> {
  const highlighted = new Map<string, Highlighted>();
  for await (const read of annotations(zip)) {
    if (isImportProblem(read)) yield read;
    else highlighted.set(keyOf(read.url), read);
  }
  const highlightsFor = (url: string): Highlighted | null => {
    const found = highlighted.get(keyOf(url)) ?? null;
    highlighted.delete(keyOf(url));
    return found;
  };
  for (const part of parts) yield* pocketRows(await partText(zip, part), baseName(part), highlightsFor);
  // Highlights whose item is in no part still make an entry: nothing the export holds is dropped.
  for (const { source, ...fields } of highlighted.values()) yield newEntry(source, fields);
}

async function* annotations(zip: ZipArchive): AsyncGenerator<Highlighted | ImportProblem> {
  for (const name of zip.names.filter((member) => ANNOTATIONS_PART.test(member)).sort()) {
    const label = name.slice(name.indexOf('annotations/'));
    for (const item of jsonItems(await zip.read(name) ?? new Uint8Array(), [])) {
      const source = `${label} item ${item.index}`;
      yield 'error' in item ? problem(source, item.error) : highlightedOf(source, item.value);
    }
  }
}

function highlightedOf(source: string, item: unknown): Highlighted | ImportProblem {
  if (!isRecord(item)) return problem(source, 'it is not an item with highlights');
  const entry = pageEntry(source, item.url, { title: cleanTitle(item.title) });
  if (isImportProblem(entry)) return entry;
  if (!Array.isArray(item.highlights)) return problem(source, 'it has no list of highlights');
  const warnings: string[] = [];
  const highlights = item.highlights.flatMap((highlight: unknown): ImportedHighlight[] => {
    const quote = isRecord(highlight) ? cleanText(highlight.quote) : null;
    if (!isRecord(highlight) || !quote) {
      warnings.push('one of its highlights quotes no text; it is left out');
      return [];
    }
    return [{ quote, note: null, createdAt: readDate(highlight.created_at, 'highlight date', warnings), tags: [] }];
  });
  return { source, url: entry.url as string, title: entry.title, highlights, warnings };
}

function csvParts(zip: ZipArchive): string[] {
  return zip.names.filter((name) => PART.test(name) && !name.includes('annotations/')).sort();
}

async function partText(zip: ZipArchive, name: string): Promise<string> {
  return decodeText(await zip.read(name) ?? new Uint8Array()).text;
}

function keyOf(url: string): string {
  return tryCanonicalizeUrl(url) ?? url;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
