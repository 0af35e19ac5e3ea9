/**
 * Omnivore's export (late 2024): a zip of `metadata_0_to_20.json`, `metadata_20_to_40.json`... (20
 * items each: title, url, labels, state, readingProgress, savedAt, publishedAt, description, author,
 * slug), `content/<slug>.html` for each article it had read, and `highlights/<slug>.md` for each one
 * with highlights. The article's HTML is the clip's text, so nothing needs fetching.
 */
import { decodeHtml, decodeText } from '../../clip/decode/charset.js';
import { cleanTags, cleanText, cleanTitle, countOf, pageEntry, problem, readDate } from '../entry-fields.js';
import type { ExportFile, ImportedReadState, ImportEntry, ImportProblem } from '../import-entry.js';
import { countJsonItems, jsonItems } from '../read/json-items.js';
import type { ZipArchive } from '../../zip/zip-reader.js';
import { namesOf } from './json-export.js';
import { parseOmnivoreHighlights } from './omnivore-highlights.js';

interface OmnivoreItem {
  slug?: unknown;
  title?: unknown;
  url?: unknown;
  labels?: unknown;
  state?: unknown;
  readingProgress?: unknown;
  savedAt?: unknown;
  publishedAt?: unknown;
  description?: unknown;
  author?: unknown;
}

const METADATA = /(?:^|\/)metadata_(\d+)_to_\d+\.json$/;

export function isOmnivoreZip(zip: ZipArchive): boolean {
  return zip.names.some((name) => METADATA.test(name));
}

export async function openOmnivoreZip(zip: ZipArchive): Promise<ExportFile> {
  const files = metadataFiles(zip);
  let items = 0;
  for (const name of files) items += countJsonItems(await zip.read(name) ?? new Uint8Array(), []);
  const archive = `zip of ${countOf(files.length, 'metadata file')} with articles and highlights`;
  return {
    format: 'omnivore-zip',
    description: `Omnivore export (${archive}), ${countOf(items, 'item')}`,
    entries: async function* () {
      for (const name of files) yield* metadataEntries(zip, name);
    },
  };
}

/** The metadata files in the order Omnivore wrote them (by the first item's number, not as text sorts them). */
function metadataFiles(zip: ZipArchive): string[] {
  const first = (name: string): number => Number(METADATA.exec(name)?.[1]);
  return zip.names.filter((name) => METADATA.test(name)).sort((a, b) => first(a) - first(b));
}

async function* metadataEntries(zip: ZipArchive, name: string): AsyncGenerator<ImportEntry | ImportProblem> {
  const folder = name.slice(0, name.lastIndexOf('/') + 1);
  const label = name.slice(folder.length);
  for (const item of jsonItems(await zip.read(name) ?? new Uint8Array(), [])) {
    const source = `${label} item ${item.index}`;
    yield 'error' in item ? problem(source, item.error) : await entryOf(zip, folder, source, item.value as OmnivoreItem);
  }
}

async function entryOf(zip: ZipArchive, folder: string, source: string, item: OmnivoreItem): Promise<ImportEntry | ImportProblem> {
  const warnings: string[] = [];
  const slug = typeof item.slug === 'string' ? item.slug : null;
  const html = slug ? await zip.read(`${folder}content/${slug}.html`) : null;
  const markdown = slug ? await zip.read(`${folder}highlights/${slug}.md`) : null;
  const notes = markdown ? parseOmnivoreHighlights(decodeText(markdown).text) : { highlights: [], pageNotes: [] };
  return pageEntry(source, item.url, {
    title: cleanTitle(item.title),
    tags: cleanTags(namesOf(item.labels), warnings),
    note: notes.pageNotes.length > 0 ? notes.pageNotes.join('\n\n') : null,
    excerpt: cleanText(item.description),
    byline: cleanText(item.author),
    addedAt: readDate(item.savedAt, 'saved date', warnings),
    publishedAt: readDate(item.publishedAt, 'published date', warnings),
    readState: readStateOf(item),
    content: html ? { kind: 'html', body: decodeHtml(html).text } : null,
    highlights: notes.highlights.map((highlight) => ({ ...highlight, createdAt: null })),
    warnings,
  });
}

/** ARCHIVED is the archive; otherwise Omnivore kept how far down the article the reader got (0 to 100). */
function readStateOf(item: OmnivoreItem): ImportedReadState {
  if (item.state === 'ARCHIVED') return 'archived';
  return typeof item.readingProgress === 'number' && item.readingProgress >= 100 ? 'read' : 'unread';
}
