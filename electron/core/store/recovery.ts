import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { Low } from 'lowdb';
import { ClipdeskError, isClipdeskError } from '../errors.js';
import { backupsOf } from './backups.js';
import { checkedJsonFile, parseChecked, readShardFile, shardJsonFile } from './checked-file.js';
import { LOCK_FILE, MANIFEST_FILE, SHARD_FILE, shardDoc, shardKey } from './library-dir.js';
import { RECOVERED_TAG, parseOrNull, recordFromText, textsOfShard, salvageRecords } from './salvage.js';
import { SCHEMA_VERSION, manifestSchema, newerLibrary, shardSchema } from './schema.js';
import type { ClipRecord, Manifest, Shard } from './schema.js';
import { WriteLock } from './write-lock.js';

/**
 * What opening a damaged document did, for the user: nothing is dropped without being named here.
 * Clip lists hold ids; `fromBackup` clips lost any edit made after `backup.savedAt`.
 */
export interface RecoveryReport {
  /** The damaged document, relative to the library folder: `library.json` or `clips/<key>.json`. */
  doc: string;
  problem: string;
  /** A copy of the damaged bytes, never changed; null when the file was missing altogether. */
  keptAt: string | null;
  /**
   * The newest backup that was whole (a file, or a line of a file of recent versions), and when that
   * version was saved; null if there was none.
   */
  backup: { path: string; line?: number | undefined; savedAt: string } | null;
  /** Read back from the intact start of the damaged file: as last saved. */
  fromDamaged: string[];
  /** Taken from the backup. */
  fromBackup: string[];
  /** Known only from their stored text: title, tags, note and highlights are lost; tagged `recovered`. */
  fromText: string[];
  /** Recovered clips whose current text is missing, so they can be re-clipped or deleted. */
  withoutText: string[];
}

export interface Recovered<T> {
  data: T;
  /** Null when there was nothing to recover (or another process had just repaired the document). */
  report: RecoveryReport | null;
}

interface Damaged {
  text: string;
  keptAt: string | null;
  problem: string;
}

/**
 * A shard as stored; or recovered when its file is damaged, or missing although backups of it exist:
 * the app never deletes a shard file (one emptied of clips stays as `{}`), so such a file was lost.
 */
export async function readShard(dir: string, key: string): Promise<Recovered<Shard>> {
  try {
    return { data: await readWholeShard(dir, key), report: null };
  } catch (error) {
    return recoverShard(dir, key, error);
  }
}

/** The shard's data; CORRUPT_LIBRARY when it does not read or is lost (see readShard). */
export async function readWholeShard(dir: string, key: string): Promise<Shard> {
  const path = join(dir, shardDoc(key));
  const found = readShardFile(path);
  if (found) return found;
  if ((await backupsOf(dir, shardDoc(key))).length > 0) {
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} is missing, though backups of it exist`);
  }
  return { schemaVersion: SCHEMA_VERSION, clips: {} };
}

/**
 * When the write lock is free the recovered shard replaces the damaged one at once; when it is held (by
 * a commit of this process that is about to write the shard anyway, or by another process) it is
 * recovered in memory only, and the damaged file is replaced at the shard's next write.
 */
async function recoverShard(dir: string, key: string, error: unknown): Promise<Recovered<Shard>> {
  if (!isClipdeskError(error) || error.code !== 'CORRUPT_LIBRARY') throw error;
  try {
    return await new WriteLock(join(dir, LOCK_FILE), 0).withLock(() => repairShard(dir, key));
  } catch (failure) {
    if (!isClipdeskError(failure) || failure.code !== 'LOCKED') throw failure;
    return rebuildShard(dir, key, error);
  }
}

/** Under the lock: read again (another process may have repaired it meanwhile), else rebuild and write. */
async function repairShard(dir: string, key: string): Promise<Recovered<Shard>> {
  try {
    return { data: await readWholeShard(dir, key), report: null };
  } catch (error) {
    const recovered = await rebuildShard(dir, key, error);
    // No keepVersion: the damaged bytes are already kept in damaged/, and a backup slot is worth more.
    await new Low(shardJsonFile(join(dir, shardDoc(key))), recovered.data).write();
    return recovered;
  }
}

/**
 * A shard rebuilt from, by priority: whole records at the start of the damaged file, the newest whole
 * backup, and the text of clips in bodies.sqlite that neither holds. Reads only, apart from keeping the
 * damaged bytes aside.
 */
async function rebuildShard(dir: string, key: string, error: unknown): Promise<Recovered<Shard> & { report: RecoveryReport }> {
  const doc = shardDoc(key);
  const damaged = await keepDamaged(dir, doc, error);
  const backup = await newestWhole(dir, doc, shardSchema);
  const salvaged = salvageRecords(damaged.text).filter((record) => shardKey(record.id) === key);
  const clips: Record<string, ClipRecord> = { ...backup?.data.clips };
  for (const record of salvaged) clips[record.id] = record;
  const bodies = textsOfShard(dir, key);
  const fromText: string[] = [];
  for (const [id, texts] of bodies) {
    if (clips[id]) continue;
    const record = recordFromText(id, texts, doc);
    if (!record) continue;
    clips[id] = record;
    fromText.push(id);
  }
  const fromDamaged = new Set(salvaged.map((record) => record.id));
  const report: RecoveryReport = {
    doc, problem: damaged.problem, keptAt: damaged.keptAt,
    backup: backup && { path: backup.path, line: backup.line, savedAt: backup.savedAt },
    fromDamaged: [...fromDamaged],
    fromBackup: Object.keys(backup?.data.clips ?? {}).filter((id) => !fromDamaged.has(id)),
    fromText,
    withoutText: Object.values(clips).filter((r) => !bodies.get(r.id)?.some((f) => f.hash === r.contentHash)).map((r) => r.id),
  };
  return { data: { schemaVersion: SCHEMA_VERSION, clips }, report };
}

/**
 * The manifest; null for a library being created. One that is damaged, or missing from a folder that
 * has clips, is rebuilt (see recoverManifest); the caller writes it, being under the lock.
 */
export async function readManifest(dir: string): Promise<Recovered<Manifest | null>> {
  const path = join(dir, MANIFEST_FILE);
  try {
    const found = await checkedJsonFile(path, manifestSchema).read();
    if (found || !(await hasShards(dir))) return { data: found, report: null };
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} is missing, though the library has clips`);
  } catch (error) {
    return recoverManifest(dir, error);
  }
}

/**
 * Rebuilds a manifest that failed to read. Its version is taken from the shards, which carry theirs,
 * rather than from a backup that may predate a migration; a library the shards say is newer is refused.
 */
async function recoverManifest(dir: string, error: unknown): Promise<Recovered<Manifest>> {
  if (!isClipdeskError(error) || error.code !== 'CORRUPT_LIBRARY') throw error;
  const version = await versionOfShards(dir);
  if (version > SCHEMA_VERSION) {
    throw newerLibrary(dir, `its clips are library version ${version}`);
  }
  const damaged = await keepDamaged(dir, MANIFEST_FILE, error);
  const backup = await newestWhole(dir, MANIFEST_FILE, manifestSchema);
  const data: Manifest = { app: 'clipdesk', createdAt: backup?.data.createdAt ?? new Date().toISOString(), schemaVersion: version };
  const report: RecoveryReport = {
    doc: MANIFEST_FILE, problem: damaged.problem, keptAt: damaged.keptAt,
    backup: backup && { path: backup.path, line: backup.line, savedAt: backup.savedAt },
    fromDamaged: [], fromBackup: [], fromText: [], withoutText: [],
  };
  return { data, report };
}

/** One paragraph for a person: what was damaged, where it is kept, what came back from where. */
export function describeRecovery(report: RecoveryReport): string {
  const parts = [`${report.doc} was damaged (${report.problem})${report.keptAt ? `; the damaged file is kept at ${report.keptAt}` : ''}.`];
  if (report.backup) parts.push(`Restored from the backup saved ${report.backup.savedAt} (${describeKept(report.backup)}).`);
  else parts.push('No whole backup of it was found.');
  const count = (ids: string[], what: string) => {
    const clips = ids.length === 1 ? 'clip' : 'clips';
    if (ids.length > 0) parts.push(`${ids.length} ${clips} ${what}: ${ids.join(', ')}.`);
  };
  count(report.fromDamaged, 'read back intact from the damaged file');
  count(report.fromBackup, 'taken from the backup (later edits to them are lost)');
  count(report.fromText, `rebuilt from their text only, tagged "${RECOVERED_TAG}" (title, tags, note and highlights are lost)`);
  count(report.withoutText, 'have no stored text any more');
  return parts.join(' ');
}

/** One sentence for a person: clips the catalog listed that the store no longer has. */
export function describeLostClips(lost: ReadonlyArray<{ id: string; title: string }>): string {
  const count = `${lost.length} ${lost.length === 1 ? 'clip is' : 'clips are'}`;
  const which = lost.map((clip) => `"${clip.title}" (${clip.id})`).join(', ');
  return `${count} no longer in the library (its metadata came back from an older backup or went missing): ${which}.`;
}

/** One sentence for a person: texts a search could not read, whose clips it showed with their excerpts. */
export function describeUnreadableTexts(unreadable: ReadonlyMap<string, string>): string {
  const count = `${unreadable.size} ${unreadable.size === 1 ? 'clip\'s text is' : 'clips\' texts are'}`;
  const which = [...unreadable].map(([where, id]) => `${id} (${where})`).join(', ');
  return `${count} missing or damaged, so searches show their excerpts instead: ${which}.`;
}

/**
 * Copies the damaged bytes (if the file is there at all) to damaged/<doc>.<saved time>.<hash>.json before
 * anything else happens. The name comes from the content, so reopening a library that is still damaged
 * does not pile up copies.
 */
async function keepDamaged(dir: string, doc: string, error: unknown): Promise<Damaged> {
  if (!isClipdeskError(error) || error.code !== 'CORRUPT_LIBRARY') throw error;
  const path = join(dir, doc);
  const found = await Promise.all([readFile(path), stat(path)]).catch((failure: NodeJS.ErrnoException) => {
    if (failure.code !== 'ENOENT') throw failure;
    return null;
  });
  if (!found) return { text: '', keptAt: null, problem: error.message };
  const [bytes, info] = found;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  const keptAt = join(dir, 'damaged', `${doc.replace(/\.json$/, '')}.${fileStamp(info.mtime)}.${hash}.json`);
  await mkdir(dirname(keptAt), { recursive: true });
  await writeFile(keptAt, bytes, { flag: 'wx' }).catch((failure: NodeJS.ErrnoException) => {
    if (failure.code !== 'EEXIST') throw failure;
  });
  return { text: bytes.toString('utf8'), keptAt, problem: error.message };
}

/**
 * The newest backup of `doc` that reads whole and is of this app's version (older ones predate a
 * migration). A daily snapshot may be a link to the damaged file itself; it fails to read like it.
 */
export async function newestWhole<T extends { schemaVersion: number }>(
  dir: string, doc: string, schema: z.ZodType<T>,
): Promise<{ path: string; line: number | undefined; savedAt: string; data: T } | null> {
  for (const { path, line, savedAt, read } of await backupsOf(dir, doc)) {
    const data = await read().then((text) => parseChecked(path, text, schema)).catch(() => null);
    if (data?.schemaVersion === SCHEMA_VERSION) return { path, line, savedAt: savedAt.toISOString(), data };
  }
  return null;
}

/** Where a kept version is, as a person finds it: `zcat FILE | sed -n LINEp` prints a line of a file of recent versions. */
function describeKept({ path, line }: { path: string; line?: number | undefined }): string {
  return line === undefined ? path : `line ${line} of ${path}`;
}

async function hasShards(dir: string): Promise<boolean> {
  return (await readdir(join(dir, 'clips')).catch(() => [])).some((name) => SHARD_FILE.test(name));
}

/** The highest schemaVersion any readable shard carries, or this app's when none can be read. */
async function versionOfShards(dir: string): Promise<number> {
  let version = 0;
  for (const name of (await readdir(join(dir, 'clips')).catch(() => [])).filter((file) => SHARD_FILE.test(file))) {
    const stamped = parseOrNull(await readFile(join(dir, 'clips', name), 'utf8')) as { schemaVersion?: unknown } | null;
    if (typeof stamped?.schemaVersion === 'number') version = Math.max(version, stamped.schemaVersion);
  }
  return version || SCHEMA_VERSION;
}

/** `20240503T101500` (UTC): sortable and valid in file names on every platform (no colons). */
function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '').replaceAll('-', '');
}
