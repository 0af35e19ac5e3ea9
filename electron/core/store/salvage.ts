import { countWords, detectLanguage, makeExcerpt } from '../text-stats.js';
import { decodeBody } from './body-codec.js';
import { BodyDb } from './body-db.js';
import { bodyRow } from './library-dir.js';
import { clipRecordSchema } from './schema.js';
import type { Body, ClipRecord } from './schema.js';

/**
 * What can still be read of a shard that is damaged or lost: the whole records before a tear, and the
 * clips whose text survives in bodies.sqlite although their record does not.
 */

/** The tag put on clips rebuilt from their text alone, so they can be found and completed by hand. */
export const RECOVERED_TAG = 'recovered';
/** A rebuilt clip's title is the start of its text, about as long as a headline. */
const TITLE_LENGTH = 80;

/**
 * The whole clip records at the start of a torn or garbled shard, up to the first damaged one: a file
 * cut short by a crash or a full disk still holds everything written before the cut.
 */
export function salvageRecords(text: string): ClipRecord[] {
  const start = /"clips"\s*:\s*\{/.exec(text);
  if (!start) return [];
  const entry = /\s*,?\s*"((?:[^"\\]|\\.)*)"\s*:\s*(?=\{)/y;
  const records: ClipRecord[] = [];
  entry.lastIndex = start.index + start[0].length;
  for (let match = entry.exec(text); match; match = entry.exec(text)) {
    const end = objectEnd(text, entry.lastIndex);
    const parsed = end > 0 ? clipRecordSchema.safeParse(parseOrNull(text.slice(entry.lastIndex, end))) : null;
    if (!parsed?.success || parsed.data.id !== match[1]) break;
    records.push(parsed.data);
    entry.lastIndex = end;
  }
  return records;
}

/** Index just past the brace that closes the object opening at `from`; -1 when the text ends first. */
function objectEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) return i + 1;
  }
  return -1;
}

export function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface SavedText {
  hash: string;
  savedAt: Date;
  /** Null when it no longer reads. */
  body: Body | null;
}

/** The stored texts of the clips that belong to shard `key`, by clip id, oldest first. */
export function textsOfShard(dir: string, key: string): Map<string, SavedText[]> {
  const byId = new Map<string, SavedText[]>();
  const bodies = readableTexts(dir);
  try {
    for (const { id, contentHash, savedAt } of bodies?.keys(key) ?? []) {
      const body = decodedOrNull(bodyRow(id, contentHash), bodies?.get(id, contentHash));
      byId.set(id, [...(byId.get(id) ?? []), { hash: contentHash, savedAt: new Date(savedAt), body }]);
    }
  } finally {
    bodies?.close();
  }
  return byId;
}

/** The texts' file, or null when there is none or SQLite cannot read it (opening the library sets it aside). */
function readableTexts(dir: string): BodyDb | null {
  try {
    return BodyDb.openIfExists(dir);
  } catch {
    return null;
  }
}

function decodedOrNull(where: string, bytes: Uint8Array | undefined): Body | null {
  try {
    return bytes ? decodeBody(where, bytes) : null;
  } catch {
    return null;
  }
}

/**
 * A clip rebuilt from its stored texts when its record is gone: the newest readable text is its content,
 * older ones its revisions. What only the record held (title, tags, note, highlights) is lost.
 */
export function recordFromText(id: string, texts: readonly SavedText[], doc: string): ClipRecord | null {
  const readable = texts.filter((saved): saved is SavedText & { body: Body } => saved.body?.contentHash === saved.hash);
  const newest = readable.at(-1);
  if (!newest) return null;
  const { text } = newest.body;
  const firstLine = text.split('\n').map((line) => line.trim()).find(Boolean);
  const title = firstLine ? makeExcerpt(firstLine, TITLE_LENGTH) : `Recovered clip ${id}`;
  return {
    id, url: null, canonicalUrl: null, title, byline: null, source: null, publishedAt: null, publishedText: null,
    language: detectLanguage(text), excerpt: makeExcerpt(text), wordCount: countWords(text),
    clippedAt: (readable[0] ?? newest).savedAt.toISOString(), updatedAt: newest.savedAt.toISOString(),
    tags: [RECOVERED_TAG],
    note: `Rebuilt from its saved text after ${doc} was damaged or lost: title, tags, note and highlights were lost.`,
    starred: false, readState: 'unread', pending: null, deletedAt: null, contentHash: newest.hash, stamps: {}, history: [],
    revisions: readable.slice(0, -1).map((old, i) => ({ n: i + 1, savedAt: old.savedAt.toISOString(), title, contentHash: old.hash })),
    annotations: [],
  };
}
