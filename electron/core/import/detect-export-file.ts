/**
 * What an export file is, told by its content: a zip by its members' names, JSON by its shape, HTML
 * by its doctype or title, CSV by its header's names, a list of links by its lines. The file's name
 * only breaks ties (an empty JSON list). A file that is none of these is refused with what it looks
 * like and what Clipdesk imports.
 */
import { binaryKind } from '../clip/decode/binary-sniff.js';
import { decodeText } from '../clip/decode/charset.js';
import { ClipdeskError } from '../errors.js';
import type { ExportFile } from './import-entry.js';
import { hypothesisPath, openHypothesisJson } from './formats/hypothesis-json.js';
import { hasColumns, openCsvExport } from './formats/csv-export.js';
import { instapaperCsv } from './formats/instapaper-csv.js';
import { isRecord } from './formats/json-export.js';
import { openKarakeepJson } from './formats/karakeep-json.js';
import { openLinkwardenJson } from './formats/linkwarden-json.js';
import { isNetscapeBookmarks, openNetscapeBookmarks } from './formats/netscape-bookmarks.js';
import { isOmnivoreZip, openOmnivoreZip } from './formats/omnivore-zip.js';
import { pocketCsv } from './formats/pocket-csv.js';
import { isPocketHtml, openPocketHtml } from './formats/pocket-html.js';
import { isPocketZip, openPocketZip } from './formats/pocket-zip.js';
import { raindropCsv } from './formats/raindrop-csv.js';
import { readwiseCsv } from './formats/readwise-csv.js';
import { isUrlList, openUrlList } from './formats/url-list.js';
import { openWallabagJson } from './formats/wallabag-json.js';
import { csvHeader } from './read/csv-rows.js';
import { firstJsonItem, jsonRoot } from './read/json-items.js';
import { BACKUP_MANIFEST } from '../backup/backup-format.js';
import { isZip, openZip } from '../zip/zip-reader.js';

export const ACCEPTED_FORMATS =
  'Pocket (the export zip, one of its CSV parts, or ril_export.html), Omnivore (the export zip), Instapaper, Readwise Reader ' +
  'and Raindrop.io CSV, browser bookmarks (HTML), Karakeep, Wallabag, Linkwarden and Hypothesis JSON, and text or Markdown lists of links';

const CSV_FORMATS = [pocketCsv, readwiseCsv, raindropCsv, instapaperCsv];

/** Enough of the start of a file to tell its kind by: doctypes, titles, headers and first lines. */
const SNIFF_BYTES = 64 * 1024;

export async function detectExportFile(bytes: Uint8Array, fileName: string): Promise<ExportFile> {
  if (bytes.length === 0) throw new ClipdeskError('BAD_INPUT', `"${fileName}" is empty.`);
  if (isZip(bytes)) return fromZip(bytes);
  const binary = binaryKind(bytes);
  if (binary) throw unsupported(binary);
  const head = decodeText(bytes.subarray(0, SNIFF_BYTES)).text.replace(/^\uFEFF/, '');
  // A Markdown list of links may start with "[title](url)" too: JSON is told by what follows its bracket.
  if (JSON_START.test(head)) return fromJson(bytes, fileName);
  if (head.trimStart().startsWith('<')) return fromHtml(bytes, head, fileName);
  return fromText(bytes, head);
}

const JSON_START = /^\s*(?:\{\s*(?:"|\})|\[\s*(?:[{["\]]|-?\d|true\b|false\b|null\b))/;

async function fromZip(bytes: Uint8Array): Promise<ExportFile> {
  const zip = await openZip(bytes);
  if (isPocketZip(zip)) return openPocketZip(zip);
  if (isOmnivoreZip(zip)) return openOmnivoreZip(zip);
  if (zip.names.includes(BACKUP_MANIFEST)) {
    throw new ClipdeskError('UNSUPPORTED', 'This is a Clipdesk backup: it restores a whole library into an empty folder '
      + '(clipdesk import-library FILE --library NEW_FOLDER), and is not merged into a library that has clips.');
  }
  const shown = zip.names.slice(0, 4).map((name) => `"${name}"`).join(', ');
  const more = zip.names.length > 4 ? ' and more' : '';
  throw unsupported(zip.names.length === 0 ? 'an empty zip archive' : `a zip archive of ${shown}${more}`);
}

function fromJson(bytes: Uint8Array, fileName: string): ExportFile {
  const root = jsonRoot(bytes);
  if (root.kind === 'object') {
    if (root.keys.includes('bookmarks')) return openKarakeepJson(bytes);
    if (root.keys.includes('collections')) return openLinkwardenJson(bytes);
    const path = hypothesisPath(root.keys);
    if (path.length > 0 && isAnnotation(firstJsonItem(bytes, path))) return openHypothesisJson(bytes, path);
    throw unsupported(`JSON (an object with the keys ${root.keys.slice(0, 6).join(', ')})`);
  }
  const first = firstJsonItem(bytes, []);
  if (first === undefined && /wallabag/i.test(fileName)) return openWallabagJson(bytes);
  if (first === undefined && /hypothes/i.test(fileName)) return openHypothesisJson(bytes, []);
  if (!isRecord(first)) throw unsupported(first === undefined ? 'an empty JSON list' : 'a JSON list of plain values');
  if (isAnnotation(first)) return openHypothesisJson(bytes, []);
  if (['is_archived', 'is_starred', 'given_url', 'domain_name'].some((key) => key in first)) return openWallabagJson(bytes);
  if ('url' in first && /wallabag/i.test(fileName)) return openWallabagJson(bytes);
  throw unsupported(jsonListHint(first));
}

/** A Hypothesis annotation names its page (`uri`) and what on it it marks (`target`). */
function isAnnotation(item: unknown): boolean {
  return item === undefined || (isRecord(item) && 'uri' in item && 'target' in item);
}

/** Parts of a zip export unzipped and picked alone: say which export to import instead. */
function jsonListHint(first: Record<string, unknown>): string {
  if ('slug' in first && 'savedAt' in first) return 'the metadata file of an Omnivore export (import the whole zip it came in)';
  if ('highlights' in first && 'url' in first) return 'the highlights file of a Pocket export (import the whole zip it came in)';
  return `a JSON list of items with the fields ${Object.keys(first).slice(0, 6).join(', ')}`;
}

function fromHtml(bytes: Uint8Array, head: string, fileName: string): ExportFile {
  if (isPocketHtml(head) || (/ril_export/i.test(fileName) && /\btime_added=/i.test(head))) return openPocketHtml(bytes);
  if (isNetscapeBookmarks(head)) return openNetscapeBookmarks(bytes);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1]?.trim();
  throw unsupported(title ? `a web page ("${title}"), not an export` : 'a web page, not an export');
}

function fromText(bytes: Uint8Array, head: string): ExportFile {
  const header = csvHeader(head);
  const csvFormat = CSV_FORMATS.find((format) => hasColumns(format, header));
  if (csvFormat) return openCsvExport(csvFormat, bytes);
  if (isUrlList(head)) return openUrlList(bytes);
  throw unsupported(header.length > 2 ? `a CSV file with the columns ${header.slice(0, 6).join(', ')}` : 'text with no links in it');
}

function unsupported(what: string): ClipdeskError {
  return new ClipdeskError('UNSUPPORTED', `This file looks like ${what}. Clipdesk imports ${ACCEPTED_FORMATS}.`);
}
