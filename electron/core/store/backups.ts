import {
  copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, utimesSync,
  writeFileSync,
} from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzipSync } from 'node:zlib';
import { MANIFEST_FILE, SHARD_FILE, shardDoc } from './library-dir.js';
import { keepRecentVersion, legacyFiles, recentVersions, recentVersionsFile } from './recent-versions.js';
import { localDay } from '../../shared/local-day.js';

/**
 * Earlier versions of the library's documents (the manifest and the metadata shards), kept beside it:
 *   backups/recent/<doc>.gz             the versions before the last RECENT_VERSIONS writes of each
 *                                       document, in one gzip file (recent-versions.ts)
 *   backups/daily/YYYY-MM-DD/<doc>[.gz] every document as it was before the first write of that day,
 *                                       for the last DAILY_SNAPSHOTS days something was written
 * The daily snapshots are hard links where the file system allows: the store replaces a document by
 * renaming a new file over it (lowdb's adapters), so the inode a link keeps is never written again
 * and keeping a version copies nothing. A link costs the whole version once the live file moves on,
 * though, and a shard of 16 KB gzips to about 5 KB: so a daily link is gzipped (`<doc>.gz`) when the
 * document it shares is about to be replaced.
 * Bodies and pictures are not kept here: a body is rewritten only to mark more of its pictures kept
 * (its text never changes), a picture never; both are removed only when the trash is emptied.
 * Whatever writes here runs under the library's write lock (commit, opening the manifest).
 * Writing here is synchronous: keeping a version deflates the kept versions again and renames one file,
 * about a millisecond for a full 16 KB shard, and as trips through the thread pool the steps would cost
 * an edit about 0.8 ms more of waiting.
 * The daily snapshot is a link per metadata file, about 60 ms for 4,096 of them, once a day.
 */
export const DAILY_SNAPSHOTS = 7;

const DAY_DIR = /^\d{4}-\d{2}-\d{2}$/;
/** Codes of file systems without hard links (FAT, some network shares) or across devices: copy instead. */
const NO_LINKS = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);
const gunzipBytes = promisify(gunzip);

/** A kept version of a document: a file, or a line of a file of recent versions (1 the newest). */
export interface KeptVersion {
  path: string;
  line?: number;
  savedAt: Date;
  /** Its JSON text: a recent version's as listed (its file may have been rewritten since), a file's read now. */
  read: () => Promise<string>;
}

/** Keeps the current version of `doc` (relative to `dir`, e.g. `clips/3fa.json`) before it is replaced. */
export function keepVersion(dir: string, doc: string, now = new Date()): void {
  takeDailySnapshot(dir, now);
  gzipDailyLinks(dir, doc);
  keepRecentVersion(dir, doc);
}

/** The JSON text of a file of one kept version, gzipped (`.gz`) or plain. */
export async function readVersionFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.endsWith('.gz') ? await gunzipBytes(bytes) : bytes).toString('utf8');
}

/**
 * Gzips the daily snapshots' links to `doc`, which is about to be replaced: until now they cost nothing,
 * from now on the whole version. Every day whose snapshot links it holds the same version, so the
 * first is gzipped and the others are linked to that.
 */
function gzipDailyLinks(dir: string, doc: string): void {
  const live = statSync(join(dir, doc), { throwIfNoEntry: false });
  if (!live) return;
  const daily = join(dir, 'backups', 'daily');
  const days = existsSync(daily) ? snapshotDays(readdirSync(daily)) : [];
  const linked = days.map((day) => join(daily, day, doc)).filter((path) => {
    const kept = statSync(path, { throwIfNoEntry: false });
    return kept !== undefined && kept.ino === live.ino && kept.dev === live.dev;
  });
  const [first, ...others] = linked;
  if (first === undefined) return;
  gzipInPlace(first, live);
  for (const path of others) {
    preserve(`${first}.gz`, `${path}.gz`);
    unlinkSync(path);
  }
}

/**
 * Replaces a plain version by `<path>.gz` with the same modification time, to the millisecond (when
 * that version was saved: recovery orders backups by it). The copy is whole under its name before the
 * plain file goes, so a crash leaves the version in one form or both. Not synced: like the shards, a
 * backup lost with the power is a loss of one version, never of the library.
 */
function gzipInPlace(plain: string, times: { atime: Date; mtime: Date }): void {
  const gzipped = `${plain}.gz`;
  // One name per version, under the write lock: a temp file a crash left is overwritten, not piled up.
  const temp = `${gzipped}.tmp`;
  writeFileSync(temp, gzipSync(readFileSync(plain)));
  utimesSync(temp, times.atime, times.mtime);
  renameSync(temp, gzipped);
  unlinkSync(plain);
}

/** The days with a snapshot, oldest first. */
export async function dailySnapshots(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'backups', 'daily')).catch(emptyIfMissing);
  return snapshotDays(names);
}

/** Every kept version of `doc`, the most recently saved first. */
export async function backupsOf(dir: string, doc: string): Promise<KeptVersion[]> {
  const file = recentVersionsFile(dir, doc);
  const recent = recentVersions(dir, doc).map(({ bytes, savedAt }, i): KeptVersion => (
    { path: file, line: i + 1, savedAt: new Date(savedAt), read: () => Promise.resolve(bytes.toString('utf8')) }
  ));
  // A library from before the one file, or a crash before its files were folded in, leaves a file a version.
  const legacy = legacyFiles(dir, doc);
  // A daily copy is plain while a link to the file, gzipped once that changed (gzipDailyLinks).
  const daily = (await dailySnapshots(dir)).flatMap((day) => [doc, `${doc}.gz`].map((form) => join(dir, 'backups', 'daily', day, form)));
  const existingBackup = (path: string) => stat(path).then(
    (info): KeptVersion => ({ path, savedAt: info.mtime, read: () => readVersionFile(path) }),
    () => null,
  );
  const found = (await Promise.all([...legacy, ...daily].map(existingBackup))).filter((backup) => backup !== null);
  return [...recent, ...found].sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime());
}

/**
 * Once a day, before the first write, links every document into backups/daily/<day> (a library being
 * created has none yet). It is built under a dot-name and renamed into place, so a crash halfway
 * leaves no snapshot that looks complete.
 */
export function takeDailySnapshot(dir: string, now: Date): void {
  const daily = join(dir, 'backups', 'daily');
  const day = localDay(now);
  if (!existsSync(join(dir, MANIFEST_FILE)) || existsSync(join(daily, day))) return;
  const partial = join(daily, `.${day}.partial`);
  rmSync(partial, { recursive: true, force: true });
  snapshotInto(dir, partial);
  renameSync(partial, join(daily, day));
  pruneDaily(daily);
}

/**
 * The manifest and every shard of `dir`, laid out as in the library, linked (or copied) into `to`. The
 * manifest is always copied: it is tiny and almost never rewritten, so a link would share its inode with
 * the live file for good, and a damage done in place (not by rename) would reach both.
 */
export function snapshotInto(dir: string, to: string, copy = false): void {
  const shards = (existsSync(join(dir, 'clips')) ? readdirSync(join(dir, 'clips')) : []).filter((name) => SHARD_FILE.test(name));
  mkdirSync(join(to, 'clips'), { recursive: true });
  preserve(join(dir, MANIFEST_FILE), join(to, MANIFEST_FILE), true);
  for (const doc of shards.map((name) => shardDoc(name.slice(0, -'.json'.length)))) preserve(join(dir, doc), join(to, doc), copy);
}

/**
 * Makes `to` a hard link to `from`, or a copy with the same modification time where links are not
 * possible (the time is when that version was saved; recovery orders and reports backups by it).
 * Returns false when `from` does not exist, i.e. there is nothing to keep yet.
 */
export function preserve(from: string, to: string, copy = false): boolean {
  try {
    if (copy) copyWithTimes(from, to);
    else linkSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      unlinkSync(to); // a staging link left by a crash
      return preserve(from, to, copy);
    }
    if (code === 'ENOENT') {
      if (!existsSync(from)) return false;
      mkdirSync(dirname(to), { recursive: true });
      return preserve(from, to, copy);
    }
    if (!copy && NO_LINKS.has(code)) return preserve(from, to, true);
    throw error;
  }
}

function copyWithTimes(from: string, to: string): void {
  const { atime, mtime } = statSync(from);
  copyFileSync(from, to);
  utimesSync(to, atime, mtime);
}

/** The day snapshots among a listing of backups/daily, oldest first (a half-built one is a dot-name). */
function snapshotDays(names: readonly string[]): string[] {
  return names.filter((name) => DAY_DIR.test(name)).sort();
}

/** Keeps the newest DAILY_SNAPSHOTS days; also clears half-built snapshots a crash left behind. */
function pruneDaily(daily: string): void {
  const names = readdirSync(daily);
  const keep = new Set(snapshotDays(names).slice(-DAILY_SNAPSHOTS));
  for (const name of names.filter((found) => !keep.has(found))) rmSync(join(daily, name), { recursive: true, force: true });
}

function emptyIfMissing(error: NodeJS.ErrnoException): string[] {
  if (error.code !== 'ENOENT') throw error;
  return [];
}
