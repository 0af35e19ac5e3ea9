import { copyFile, link, mkdir, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, SHARD_FILE, shardDoc } from './library-dir.js';
import { localDay } from '../../shared/local-day.js';

/**
 * Earlier versions of the library's documents (the manifest and the metadata shards), kept beside it:
 *   backups/recent/<doc>.<n>.json       the versions before the last RECENT_VERSIONS writes of each
 *                                       document, 1 the newest
 *   backups/daily/YYYY-MM-DD/<doc>      every document as it was before the first write of that day,
 *                                       for the last DAILY_SNAPSHOTS days something was written
 * Both are hard links where the file system allows: steno replaces a document by renaming a new file
 * over it, so the inode a link keeps is never written again and keeping a version copies nothing.
 * Bodies and pictures are not kept here: a body is rewritten only to mark more of its pictures kept
 * (its text never changes), a picture never; both are removed only when the trash is emptied.
 * Whatever writes here runs under the library's write lock (commit, opening the manifest).
 */
export const RECENT_VERSIONS = 3;
export const DAILY_SNAPSHOTS = 7;

const DAY_DIR = /^\d{4}-\d{2}-\d{2}$/;
/** Codes of file systems without hard links (FAT, some network shares) or across devices: copy instead. */
const NO_LINKS = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);
/** Links made at once while taking a snapshot: fast, and well under any open-files limit. */
const BATCH = 64;

/** Keeps the current version of `doc` (relative to `dir`, e.g. `clips/3fa.json`) before it is replaced. */
export async function keepVersion(dir: string, doc: string, now = new Date()): Promise<void> {
  await takeDailySnapshot(dir, now);
  if (!(await preserve(join(dir, doc), recentVersion(dir, doc, 0)))) return;
  // Slot 0 is a staging name: once the link exists, shifting the older ones up never loses one.
  for (let n = RECENT_VERSIONS - 1; n >= 0; n--) {
    await rename(recentVersion(dir, doc, n), recentVersion(dir, doc, n + 1)).catch(ignoreMissing);
  }
}

export function recentVersion(dir: string, doc: string, n: number): string {
  return join(dir, 'backups', 'recent', doc.replace(/\.json$/, `.${n}.json`));
}

/** The days with a snapshot, oldest first. */
export async function dailySnapshots(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'backups', 'daily')).catch(emptyIfMissing);
  return names.filter((name) => DAY_DIR.test(name)).sort();
}

/** Every kept version of `doc`, the most recently saved first. */
export async function backupsOf(dir: string, doc: string): Promise<Array<{ path: string; savedAt: Date }>> {
  const recent = Array.from({ length: RECENT_VERSIONS }, (_, i) => recentVersion(dir, doc, i + 1));
  const daily = (await dailySnapshots(dir)).map((day) => join(dir, 'backups', 'daily', day, doc));
  const existingBackup = (path: string) => stat(path).then((info) => ({ path, savedAt: info.mtime }), () => null);
  const found = await Promise.all([...recent, ...daily].map(existingBackup));
  return found.filter((backup) => backup !== null).sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime());
}

/**
 * Once a day, before the first write, links every document into backups/daily/<day> (a library being
 * created has none yet). It is built under a dot-name and renamed into place, so a crash halfway
 * leaves no snapshot that looks complete.
 */
export async function takeDailySnapshot(dir: string, now: Date): Promise<void> {
  const daily = join(dir, 'backups', 'daily');
  const day = localDay(now);
  if (!(await exists(join(dir, MANIFEST_FILE))) || (await exists(join(daily, day)))) return;
  const partial = join(daily, `.${day}.partial`);
  await rm(partial, { recursive: true, force: true });
  await snapshotInto(dir, partial);
  await rename(partial, join(daily, day));
  await pruneDaily(daily);
}

/**
 * The manifest and every shard of `dir`, laid out as in the library, linked (or copied) into `to`. The
 * manifest is always copied: it is tiny and almost never rewritten, so a link would share its inode with
 * the live file for good, and a damage done in place (not by rename) would reach both.
 */
export async function snapshotInto(dir: string, to: string, copy = false): Promise<void> {
  const shards = (await readdir(join(dir, 'clips')).catch(emptyIfMissing)).filter((name) => SHARD_FILE.test(name));
  const docs = shards.map((name) => shardDoc(name.slice(0, -'.json'.length)));
  await mkdir(join(to, 'clips'), { recursive: true });
  await preserve(join(dir, MANIFEST_FILE), join(to, MANIFEST_FILE), true);
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(docs.slice(i, i + BATCH).map((doc) => preserve(join(dir, doc), join(to, doc), copy)));
  }
}

/**
 * Makes `to` a hard link to `from`, or a copy with the same modification time where links are not
 * possible (the time is when that version was saved; recovery orders and reports backups by it).
 * Returns false when `from` does not exist, i.e. there is nothing to keep yet.
 */
export async function preserve(from: string, to: string, copy = false): Promise<boolean> {
  try {
    await (copy ? copyWithTimes(from, to) : link(from, to));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      await unlink(to); // a staging link left by a crash
      return preserve(from, to, copy);
    }
    if (code === 'ENOENT') {
      if (!(await exists(from))) return false;
      await mkdir(dirname(to), { recursive: true });
      return preserve(from, to, copy);
    }
    if (!copy && NO_LINKS.has(code)) return preserve(from, to, true);
    throw error;
  }
}

async function copyWithTimes(from: string, to: string): Promise<void> {
  const { atime, mtime } = await stat(from);
  await copyFile(from, to);
  await utimes(to, atime, mtime);
}

/** Keeps the newest DAILY_SNAPSHOTS days; also clears half-built snapshots a crash left behind. */
async function pruneDaily(daily: string): Promise<void> {
  const names = await readdir(daily);
  const keep = new Set(names.filter((name) => DAY_DIR.test(name)).sort().slice(-DAILY_SNAPSHOTS));
  await Promise.all(names.filter((name) => !keep.has(name)).map((name) => rm(join(daily, name), { recursive: true, force: true })));
}

/** The user's calendar day: "yesterday's backup" means their yesterday, not UTC's. */
function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

function emptyIfMissing(error: NodeJS.ErrnoException): string[] {
  if (error.code !== 'ENOENT') throw error;
  return [];
}
