import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { countWords, detectLanguage, makeExcerpt } from '../text-stats.js';
import { readBodyAt } from './body-file.js';
import { BODY_FILE, shardKey } from './library-dir.js';
import { clipRecordSchema } from './schema.js';
import type { Body, ClipRecord } from './schema.js';

/**
 * What can still be read of a shard that is damaged or lost: the whole records before a tear, and the
 * clips whose text survives in bodies/ although their record does not.
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

export interface BodyFile {
  hash: string;
  path: string;
  savedAt: Date;
}

/** The body files in bodies/ of clips that belong to shard `key`, by clip id, oldest first. */
export async function bodiesOfShard(dir: string, key: string): Promise<Map<string, BodyFile[]>> {
  const byId = new Map<string, BodyFile[]>();
  for (const name of await readdir(join(dir, 'bodies')).catch(() => [])) {
    const [, id, hash] = BODY_FILE.exec(name) ?? [];
    if (!id || !hash || shardKey(id) !== key) continue;
    const path = join(dir, 'bodies', name);
    const known = byId.get(id) ?? [];
    // Both forms of one version (a migration cut short) are one version: either holds the same text.
    if (!known.some((file) => file.hash === hash)) byId.set(id, [...known, { hash, path, savedAt: (await stat(path)).mtime }]);
  }
  for (const files of byId.values()) files.sort((a, b) => a.savedAt.getTime() - b.savedAt.getTime());
  return byId;
}

/**
 * A clip rebuilt from its body files when its record is gone: the newest readable text is its content,
 * older ones its revisions. What only the record held (title, tags, note, highlights) is lost.
 */
export async function recordFromText(id: string, files: BodyFile[], doc: string): Promise<ClipRecord | null> {
  const readable: Array<BodyFile & { body: Body }> = [];
  for (const file of files) {
    const body = await readBodyAt(file.path).catch(() => null);
    if (body?.contentHash === file.hash) readable.push({ ...file, body });
  }
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
    revisions: readable.slice(0, -1).map((file, i) => ({ n: i + 1, savedAt: file.savedAt.toISOString(), title, contentHash: file.hash })),
    annotations: [],
  };
}
