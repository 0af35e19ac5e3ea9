/**
 * Linkwarden's JSON export (its backup): the user's record with `collections`, each holding its
 * `links` (tags as `{ name }`), and `pinnedLinks`. A collection nests in another by `parentId`; the
 * collections a link sits in become tags, outermost first. A pinned link is starred; a link's
 * description is the user's note; `textContent` is the article's text Linkwarden kept. Uploaded PDFs
 * and images have no URL, and the export does not carry their files.
 */
import { cleanTags, cleanText, cleanTitle, countOf, pageEntry, problem, readDate } from '../entry-fields.js';
import type { ExportFile, ImportEntry, ImportProblem } from '../import-entry.js';
import { countJsonItems, jsonItems } from '../read/json-items.js';
import type { JsonItem } from '../read/json-items.js';
import { folderPath, parentIdOf } from './folder-path.js';
import type { Folder } from './folder-path.js';
import { isRecord, namesOf } from './json-export.js';

export function openLinkwardenJson(bytes: Uint8Array): ExportFile {
  const links = countJsonItems(bytes, ['collections', '*', 'links']);
  const collections = countJsonItems(bytes, ['collections']);
  return {
    format: 'linkwarden-json',
    description: `Linkwarden export (JSON), ${countOf(links, 'link')} in ${countOf(collections, 'collection')}`,
    entries: async function* () {
      const pinned = pinnedUrls(bytes);
      const tree = collectionTree(bytes);
      for (const item of jsonItems(bytes, ['collections'])) yield* collectionEntries(item, tree, pinned);
    },
  };
}

function* collectionEntries(item: JsonItem, tree: Map<string, Folder>, pinned: Set<string>): Generator<ImportEntry | ImportProblem> {
  if (!('value' in item) || !isRecord(item.value)) {
    yield problem(`collection ${item.index}`, 'it is not a collection Clipdesk can read');
    return;
  }
  const folders = folderPath(tree, String(item.value.id));
  const links: unknown[] = Array.isArray(item.value.links) ? item.value.links : [];
  for (const [index, link] of links.entries()) {
    const source = `collection "${String(item.value.name)}" link ${index + 1}`;
    yield isRecord(link) ? entryOf(link, source, folders, pinned) : problem(source, 'it is not a link Clipdesk can read');
  }
}

function entryOf(link: Record<string, unknown>, source: string, folders: string[], pinned: Set<string>): ImportEntry | ImportProblem {
  if (!cleanText(link.url) && link.type !== 'url' && typeof link.type === 'string') {
    return problem(source, `it is an uploaded ${link.type} file, which the export does not carry`);
  }
  const warnings: string[] = [];
  const text = cleanText(link.textContent);
  const isPinned = (Array.isArray(link.pinnedBy) && link.pinnedBy.length > 0) || pinned.has(String(link.url));
  return pageEntry(source, link.url, {
    title: cleanTitle(link.name),
    note: cleanText(link.description),
    tags: cleanTags([...folders, ...namesOf(link.tags)], warnings),
    addedAt: readDate(link.importDate ?? link.createdAt, 'date added', warnings),
    starred: isPinned,
    content: text ? { kind: 'text', body: text } : null,
    warnings,
  });
}

function pinnedUrls(bytes: Uint8Array): Set<string> {
  const urls = new Set<string>();
  for (const item of jsonItems(bytes, ['pinnedLinks'])) if ('value' in item && isRecord(item.value)) urls.add(String(item.value.url));
  return urls;
}

/** Every collection's name and parent, read first: a collection may come before the one it sits in. */
function collectionTree(bytes: Uint8Array): Map<string, Folder> {
  const tree = new Map<string, Folder>();
  for (const item of jsonItems(bytes, ['collections'])) {
    if (!('value' in item) || !isRecord(item.value) || typeof item.value.name !== 'string') continue;
    tree.set(String(item.value.id), { name: item.value.name, parentId: parentIdOf(item.value.parentId) });
  }
  return tree;
}
