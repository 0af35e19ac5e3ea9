/**
 * Wallabag's JSON export: an array of entries with the article's HTML as `content` (the clip's
 * text: nothing to fetch), `is_archived` and `is_starred` as 0/1 (booleans in some versions), tags as
 * names (objects with a `label` from the API), dates as `2023-05-01T14:03:22+0200`, `published_by` a
 * list of authors, and annotations (`quote`, `text` for the note, `ranges`). The ranges are XPaths
 * into Wallabag's own rendering of the page, so they are dropped: the quote finds the passage again.
 */
import { cleanTags, cleanText, cleanTitle, countOf, pageEntry, readDate } from '../entry-fields.js';
import type { ExportFile, ImportedHighlight, ImportEntry, ImportProblem } from '../import-entry.js';
import { countJsonItems } from '../read/json-items.js';
import { isRecord, jsonEntries, namesOf } from './json-export.js';

export function openWallabagJson(bytes: Uint8Array): ExportFile {
  const itemCount = countJsonItems(bytes, []);
  return {
    format: 'wallabag-json',
    description: `Wallabag export (JSON), ${countOf(itemCount, 'entry', 'entries')}`,
    entries: async function* () {
      yield* jsonEntries(bytes, [], 'entry', entryOf);
    },
  };
}

function entryOf(entry: Record<string, unknown>, source: string): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  const content = cleanText(entry.content);
  const authors = Array.isArray(entry.published_by) ? entry.published_by.filter((name) => typeof name === 'string') : [entry.published_by];
  return pageEntry(source, entry.url ?? entry.given_url, {
    title: cleanTitle(entry.title),
    tags: cleanTags(namesOf(entry.tags), warnings),
    byline: cleanText(authors.join(', ')),
    addedAt: readDate(entry.created_at, 'creation date', warnings),
    publishedAt: readDate(entry.published_at, 'published date', warnings),
    readState: isSet(entry.is_archived) ? 'archived' : 'unread',
    starred: isSet(entry.is_starred),
    content: content ? { kind: 'html', body: content } : null,
    highlights: Array.isArray(entry.annotations) ? entry.annotations.flatMap((annotation) => highlightOf(annotation, warnings)) : [],
    warnings,
  });
}

/** 1, true and "1" (each version of Wallabag wrote one of them). */
function isSet(flag: unknown): boolean {
  return flag === true || flag === 1 || flag === '1' || flag === 'true';
}

function highlightOf(annotation: unknown, warnings: string[]): ImportedHighlight[] {
  const quote = isRecord(annotation) ? cleanText(annotation.quote) : null;
  if (!isRecord(annotation) || !quote) {
    warnings.push('one of its annotations quotes no text; it is left out');
    return [];
  }
  return [{ quote, note: cleanText(annotation.text), createdAt: readDate(annotation.created_at, 'annotation date', warnings), tags: [] }];
}
