import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHashOf } from '../clip-record.js';
import { isClipdeskError } from '../errors.js';
import { dailySnapshots } from './backups.js';
import { decodeBody } from './body-codec.js';
import { BodyDb } from './body-db.js';
import { checkedJsonFile } from './checked-file.js';
import { keptPictures } from '../../shared/content-pictures.js';
import { PictureStore } from '../pictures/picture-store.js';
import { BODIES_FILE, BODY_FILE, MANIFEST_FILE, bodyRow, pictureDoc, shardDoc, shardKey } from './library-dir.js';
import { isLegacyVersionFile, versionCount } from './recent-versions.js';
import { newestWhole, readWholeShard } from './recovery.js';
import { strayTemps } from './stray-temps.js';
import { manifestSchema, shardSchema } from './schema.js';
import type { ClipRecord } from './schema.js';

export type ProblemKind =
  | 'newer-library' // written by a newer Clipdesk: nothing else is judged
  | 'damaged-manifest' // library.json unreadable or missing; opening rebuilds it
  | 'damaged-shard' // a clips/ file unreadable; opening recovers it (see recovery.ts)
  | 'misplaced-clip' // a record in a shard its id does not name; the app would not find it there
  | 'missing-text' // a clip (or one of its revisions) whose text is gone
  | 'damaged-text' // a text that does not read, or no longer matches its hash
  | 'orphan-text' // the text of a clip no record names, e.g. an import interrupted before saving
  | 'missing-picture' // a clip's text shows a stored picture whose file is gone
  | 'damaged-picture'; // a picture file whose bytes no longer hash to its name

export interface Problem {
  kind: ProblemKind;
  /** Relative to the library folder; a text is named by its row (bodyRow). */
  file: string;
  clipId?: string;
  detail: string;
}

export interface LibraryCheck {
  dir: string;
  clips: number;
  bodies: number;
  /**
   * Picture files stored, and how many of them no clip shows (collected when the trash is emptied):
   * null when the texts, which say which pictures the clips show, did not read.
   */
  pictures: { stored: number; unused: number | null };
  backups: { recentVersions: number; dailySnapshots: string[] };
  /** Half-written files killed writers left (stray-temps.ts): not damage, and the app removes them. */
  strayTemps: string[];
  problems: Problem[];
}

/** Bodies read at once while checking: fast on SSDs, and well under any open-files limit. */
const BATCH = 64;

/**
 * Reads every document and body of the library and says what is wrong, changing nothing (safe while
 * the app runs: every write lands by rename). For `clipdesk check`; opening the library repairs what
 * can be repaired and reports it (RecoveryReport), and this names what opening would find.
 */
export async function checkLibrary(dir: string): Promise<LibraryCheck> {
  const problems: Problem[] = [];
  const records = new Map<string, ClipRecord>();
  const backups = await backupCounts(dir);
  const stray = await strayTemps(dir);
  if (!(await checkManifest(dir, problems))) {
    return { dir, clips: 0, bodies: 0, pictures: { stored: 0, unused: 0 }, backups, strayTemps: stray, problems };
  }
  const damagedShards = await checkShards(dir, records, problems);
  let bodies: BodyDb | null;
  try {
    bodies = BodyDb.openIfExists(dir);
  } catch (error) {
    if (!isClipdeskError(error)) throw error;
    const detail = `${error.message}; opening the library moves it to damaged/, and every clip's text is then missing`;
    problems.push({ kind: 'damaged-text', file: BODIES_FILE, detail });
    const pictures = await checkPictures(dir, null, problems);
    return { dir, clips: records.size, bodies: 0, pictures, backups, strayTemps: stray, problems };
  }
  try {
    const texts = await storedTexts(dir, bodies);
    const shown = await checkBodies(records, texts, problems);
    const pictures = await checkPictures(dir, shown, problems);
    for (const [key, { file }] of texts) {
      const id = key.slice(0, key.indexOf('.'));
      // Texts of a damaged shard's clips are accounted for in its problem: opening rebuilds those clips.
      if (records.has(id) || damagedShards.has(shardKey(id))) continue;
      problems.push({
        kind: 'orphan-text',
        file,
        clipId: id,
        detail: 'the text of a clip no record names (an import interrupted before it was saved, or a record lost)',
      });
    }
    return { dir, clips: records.size, bodies: texts.size, pictures, backups, strayTemps: stray, problems };
  } finally {
    bodies?.close();
  }
}

/** A stored text: where it is (as problems name it), and its bytes (undefined when gone). */
interface StoredText {
  file: string;
  read: () => Promise<Uint8Array | undefined>;
}

/** The stored texts by `<id>.<hash>`. */
type StoredTexts = Map<string, StoredText>;

/**
 * The rows of bodies.sqlite, and the files of a library from before version 6 (not opened since, or
 * its upgrade cut short). A check changes nothing, so an older library is judged as it is stored.
 */
async function storedTexts(dir: string, bodies: BodyDb | null): Promise<StoredTexts> {
  const texts: StoredTexts = new Map();
  // Sorted, `<key>.json` before `<key>.json.gz`: of a version in both forms, the gzipped (newer) one is read.
  const names = (await readdir(join(dir, 'bodies')).catch(() => [])).filter((name) => BODY_FILE.test(name)).sort();
  for (const name of names) {
    const read = () => readFile(join(dir, 'bodies', name)).catch(undefinedIfMissing);
    texts.set(name.replace(/\.json(?:\.gz)?$/, ''), { file: `bodies/${name}`, read });
  }
  for (const { id, contentHash } of bodies?.keys() ?? []) {
    texts.set(`${id}.${contentHash}`, { file: bodyRow(id, contentHash), read: async () => bodies?.get(id, contentHash) });
  }
  return texts;
}

/**
 * Every stored picture must match its hash, and every picture a clip shows (`shown`, with a clip that
 * shows it) must be stored; `shown` is null when the texts did not read, and only the files are checked.
 */
async function checkPictures(
  dir: string,
  shown: ReadonlyMap<string, string> | null,
  problems: Problem[],
): Promise<LibraryCheck['pictures']> {
  const store = new PictureStore(dir);
  const stored = await store.names();
  const present = new Set(stored);
  for (const [name, clipId] of shown ?? []) {
    if (present.has(name)) continue;
    problems.push({ kind: 'missing-picture', file: pictureDoc(name), clipId, detail: 'a picture its text shows is gone' });
  }
  for (const name of stored) {
    const bytes = await store.get(name);
    if (bytes && createHash('sha256').update(bytes).digest('hex') !== name.slice(0, name.indexOf('.'))) {
      problems.push({ kind: 'damaged-picture', file: pictureDoc(name), detail: 'its bytes no longer match the hash it is named by' });
    }
  }
  return { stored: stored.length, unused: shown && stored.filter((name) => !shown.has(name)).length };
}

/** False when nothing else should be judged: the library is newer than this app. */
async function checkManifest(dir: string, problems: Problem[]): Promise<boolean> {
  try {
    const manifest = await checkedJsonFile(join(dir, MANIFEST_FILE), manifestSchema).read();
    if (!manifest) {
      problems.push({ kind: 'damaged-manifest', file: MANIFEST_FILE, detail: 'missing: this folder may not be a Clipdesk library' });
    }
    return true;
  } catch (error) {
    if (!isClipdeskError(error)) throw error;
    const kind = error.code === 'NEWER_LIBRARY' ? 'newer-library' : 'damaged-manifest';
    problems.push({ kind, file: MANIFEST_FILE, detail: error.message });
    return kind !== 'newer-library';
  }
}

/** Fills `records` from every readable shard; returns the keys of the damaged or lost ones. */
async function checkShards(dir: string, records: Map<string, ClipRecord>, problems: Problem[]): Promise<Set<string>> {
  const damaged = new Set<string>();
  for (const key of await shardKeys(dir)) {
    const doc = shardDoc(key);
    try {
      for (const record of Object.values((await readWholeShard(dir, key)).clips)) {
        records.set(record.id, record);
        const ownKey = shardKey(record.id);
        if (ownKey !== key) {
          problems.push({ kind: 'misplaced-clip', file: doc, clipId: record.id, detail: `belongs in ${shardDoc(ownKey)}` });
        }
      }
    } catch (error) {
      if (!isClipdeskError(error)) throw error;
      damaged.add(key);
      const kind = error.code === 'NEWER_LIBRARY' ? 'newer-library' : 'damaged-shard';
      problems.push({ kind, file: doc, detail: `${error.message}; ${await recoveryPlan(dir, doc)}` });
    }
  }
  return damaged;
}

/** The shards in clips/ and those of which only backups are left (a lost shard file). */
async function shardKeys(dir: string): Promise<string[]> {
  const newestDay = (await dailySnapshots(dir)).at(-1);
  const listings = await Promise.all([
    join(dir, 'clips'), join(dir, 'backups', 'recent', 'clips'), ...(newestDay ? [join(dir, 'backups', 'daily', newestDay, 'clips')] : []),
  ].map((folder) => readdir(folder).catch(() => [])));
  const keys = listings.flat().map((name) => /^([0-9a-f]{3})\.(?:\d+\.)?json(?:\.gz)?$/.exec(name)?.[1]).filter((key) => key !== undefined);
  return [...new Set(keys)].sort();
}

async function recoveryPlan(dir: string, doc: string): Promise<string> {
  const backup = await newestWhole(dir, doc, shardSchema);
  return backup
    ? `opening the library restores it from the backup saved ${backup.savedAt}`
    : 'no whole backup: opening the library keeps what reads of it and rebuilds the rest of its clips from their text';
}

/**
 * Every body a record names (its content and each revision) must exist, read whole and match its hash.
 * Returns the stored pictures the bodies show, each with a clip that shows it.
 */
async function checkBodies(records: Map<string, ClipRecord>, texts: StoredTexts, problems: Problem[]): Promise<Map<string, string>> {
  const shown = new Map<string, string>();
  const wanted = [...records.values()].flatMap((record) => [
    { id: record.id, hash: record.contentHash, what: 'its text' },
    ...record.revisions.map((revision) => ({ id: record.id, hash: revision.contentHash, what: `the text of revision ${revision.n}` })),
  ]);
  for (let i = 0; i < wanted.length; i += BATCH) {
    await Promise.all(wanted.slice(i, i + BATCH).map(async ({ id, hash, what }) => {
      const stored = texts.get(`${id}.${hash}`);
      if (!stored) {
        problems.push({ kind: 'missing-text', file: bodyRow(id, hash), clipId: id, detail: `${what} is missing` });
        return;
      }
      const { problem, pictures } = await readBody(stored, hash);
      if (problem) problems.push({ kind: 'damaged-text', file: stored.file, clipId: id, detail: `${what}: ${problem}` });
      for (const name of pictures) if (!shown.has(name)) shown.set(name, id);
    }));
  }
  return shown;
}

/** What is wrong with a stored text, if anything, and the stored pictures it shows. */
async function readBody(stored: StoredText, hash: string): Promise<{ problem: string | null; pictures: string[] }> {
  try {
    const bytes = await stored.read();
    if (!bytes) return { problem: 'missing', pictures: [] };
    const body = decodeBody(stored.file, bytes);
    const matches = body.contentHash === hash && contentHashOf(body) === hash;
    return { problem: matches ? null : 'the text does not match the hash it was saved under', pictures: keptPictures(body.content) };
  } catch (error) {
    if (!isClipdeskError(error)) throw error;
    return { problem: error.message, pictures: [] };
  }
}

function undefinedIfMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code !== 'ENOENT') throw error;
  return undefined;
}

async function backupCounts(dir: string): Promise<LibraryCheck['backups']> {
  const folder = join(dir, 'backups', 'recent');
  const names = await readdir(folder, { recursive: true }).catch(() => []);
  // A file of recent versions says how many it holds; a library from before it has a file a version.
  const counts = await Promise.all(names.map(async (name) => {
    if (isLegacyVersionFile(name)) return 1;
    return name.endsWith('.json.gz') ? versionCount(await readFile(join(folder, name))) : 0;
  }));
  return { recentVersions: counts.reduce((sum, count) => sum + count, 0), dailySnapshots: await dailySnapshots(dir) };
}
