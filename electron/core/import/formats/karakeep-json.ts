/**
 * Karakeep's (formerly Hoarder's) JSON export: `{ bookmarks: [...], lists: [...] }`. A bookmark's
 * content is a link (`url`, and in newer versions `description` and `author`), a text note (its
 * Markdown is the clip's text: there is nothing to fetch) or an uploaded asset, whose file the export
 * does not carry. `createdAt` is Unix seconds; the manual lists it is in become tags, with the lists
 * above them; `favourited` exists only in newer exports.
 */
import { cleanTags, cleanText, cleanTitle, countOf, newEntry, pageEntry, problem, readDate } from '../entry-fields.js';
import type { EntryFields } from '../entry-fields.js';
import type { ExportFile, ImportEntry, ImportProblem } from '../import-entry.js';
import { countJsonItems, jsonItems } from '../read/json-items.js';
import { folderPath, parentIdOf } from './folder-path.js';
import type { Folder } from './folder-path.js';
import { isRecord, jsonEntries } from './json-export.js';

export function openKarakeepJson(bytes: Uint8Array): ExportFile {
  const itemCount = countJsonItems(bytes, ['bookmarks']);
  return {
    format: 'karakeep-json',
    description: `Karakeep export (JSON), ${countOf(itemCount, 'bookmark')}`,
    entries: async function* () {
      const lists = manualLists(bytes);
      yield* jsonEntries(bytes, ['bookmarks'], 'bookmark', (bookmark, source) => entryOf(bookmark, source, lists));
    },
  };
}

function entryOf(bookmark: Record<string, unknown>, source: string, lists: Map<string, Folder>): ImportEntry | ImportProblem {
  const content = isRecord(bookmark.content) ? bookmark.content : {};
  const warnings: string[] = [];
  const listNames = Array.isArray(bookmark.lists) ? bookmark.lists.flatMap((id: unknown) => folderPath(lists, String(id))) : [];
  const fields: EntryFields = {
    title: cleanTitle(bookmark.title),
    tags: cleanTags([...(Array.isArray(bookmark.tags) ? bookmark.tags : []), ...listNames], warnings),
    note: cleanText(bookmark.note),
    excerpt: cleanText(content.description ?? bookmark.description),
    byline: cleanText(content.author),
    addedAt: readDate(bookmark.createdAt, 'creation date', warnings),
    readState: bookmark.archived === true ? 'archived' : 'unread',
    starred: typeof bookmark.favourited === 'boolean' ? bookmark.favourited : null,
    warnings,
  };
  if (content.type === 'link') return pageEntry(source, content.url, fields);
  const text = cleanText(content.text);
  if (content.type === 'text' && text) return newEntry(source, { ...fields, content: { kind: 'markdown', body: text } });
  if (content.type === 'asset') return problem(source, 'it is an uploaded file, which the export does not carry');
  return problem(source, 'it has neither a link nor a text');
}

/** The manual lists by id (smart lists are saved searches, not places a bookmark is put). */
function manualLists(bytes: Uint8Array): Map<string, Folder> {
  const lists = new Map<string, Folder>();
  for (const item of jsonItems(bytes, ['lists'])) {
    const list = 'value' in item && isRecord(item.value) ? item.value : null;
    if (list && list.type !== 'smart' && typeof list.name === 'string') {
      lists.set(String(list.id), { name: list.name, parentId: parentIdOf(list.parentId) });
    }
  }
  return lists;
}
