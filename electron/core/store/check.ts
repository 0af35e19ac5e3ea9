import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHashOf } from '../clip-record.js';
import { isClipdeskError } from '../errors.js';
import { dailySnapshots } from './backups.js';
import { checkedJsonFile } from './checked-file.js';
import { BODY_FILE, MANIFEST_FILE, shardDoc, shardKey } from './library-dir.js';
import { newestWhole, readWholeShard } from './recovery.js';
import { bodySchema, manifestSchema, shardSchema } from './schema.js';
import type { ClipRecord } from './schema.js';

export type ProblemKind =
  | 'newer-library' // written by a newer Clipdesk: nothing else is judged
  | 'damaged-manifest' // library.json unreadable or missing; opening rebuilds it
  | 'damaged-shard' // a clips/ file unreadable; opening recovers it (see recovery.ts)
  | 'misplaced-clip' // a record in a shard its id does not name; the app would not find it there
  | 'missing-text' // a clip (or one of its revisions) whose body file is gone
  | 'damaged-text' // a body file that does not read, or whose text no longer matches its hash
  | 'orphan-text'; // a body file of a clip no record names, e.g. an import interrupted before saving

export interface Problem {
  kind: ProblemKind;
  /** Relative to the library folder. */
  file: string;
  clipId?: string;
  detail: string;
}

export interface LibraryCheck {
  dir: string;
  clips: number;
  bodies: number;
  backups: { recentVersions: number; dailySnapshots: string[] };
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
  if (!(await checkManifest(dir, problems))) return { dir, clips: 0, bodies: 0, backups, problems };
  const damagedShards = await checkShards(dir, records, problems);
  const bodyNames = (await readdir(join(dir, 'bodies')).catch(() => [])).filter((name) => BODY_FILE.test(name));
  await checkBodies(dir, records, bodyNames, problems);
  for (const name of bodyNames) {
    const id = BODY_FILE.exec(name)?.[1] ?? '';
    // Bodies of a damaged shard's clips are accounted for in its problem: opening rebuilds those clips.
    if (records.has(id) || damagedShards.has(shardKey(id))) continue;
    problems.push({
      kind: 'orphan-text',
      file: `bodies/${name}`,
      clipId: id,
      detail: 'the text of a clip no record names (an import interrupted before it was saved, or a record lost)',
    });
  }
  return { dir, clips: records.size, bodies: bodyNames.length, backups, problems };
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
  const keys = listings.flat().map((name) => /^([0-9a-f]{3})\.(?:\d+\.)?json$/.exec(name)?.[1]).filter((key) => key !== undefined);
  return [...new Set(keys)].sort();
}

async function recoveryPlan(dir: string, doc: string): Promise<string> {
  const backup = await newestWhole(dir, doc, shardSchema);
  return backup
    ? `opening the library restores it from the backup saved ${backup.savedAt}`
    : 'no whole backup: opening the library keeps what reads of it and rebuilds the rest of its clips from their text';
}

/** Every body a record names (its content and each revision) must exist, read whole and match its hash. */
async function checkBodies(dir: string, records: Map<string, ClipRecord>, bodyNames: string[], problems: Problem[]): Promise<void> {
  const present = new Set(bodyNames);
  const wanted = [...records.values()].flatMap((record) => [
    { id: record.id, hash: record.contentHash, what: 'its text' },
    ...record.revisions.map((revision) => ({ id: record.id, hash: revision.contentHash, what: `the text of revision ${revision.n}` })),
  ]);
  for (let i = 0; i < wanted.length; i += BATCH) {
    await Promise.all(wanted.slice(i, i + BATCH).map(async ({ id, hash, what }) => {
      const file = `bodies/${id}.${hash}.json`;
      if (!present.has(`${id}.${hash}.json`)) {
        problems.push({ kind: 'missing-text', file, clipId: id, detail: `${what} is missing` });
        return;
      }
      const problem = await bodyProblem(join(dir, file), hash);
      if (problem) problems.push({ kind: 'damaged-text', file, clipId: id, detail: `${what}: ${problem}` });
    }));
  }
}

async function bodyProblem(path: string, hash: string): Promise<string | null> {
  try {
    const body = await checkedJsonFile(path, bodySchema).read();
    if (!body) return 'missing';
    return body.contentHash === hash && contentHashOf(body) === hash ? null : 'the text does not match the hash it was saved under';
  } catch (error) {
    if (!isClipdeskError(error)) throw error;
    return error.message;
  }
}

async function backupCounts(dir: string): Promise<LibraryCheck['backups']> {
  const recent = await readdir(join(dir, 'backups', 'recent'), { recursive: true }).catch(() => []);
  return { recentVersions: recent.filter((name) => name.endsWith('.json')).length, dailySnapshots: await dailySnapshots(dir) };
}
