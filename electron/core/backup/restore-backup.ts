import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentHashOf } from '../clip-record.js';
import { ClipdeskError, isClipdeskError } from '../errors.js';
import { BODIES_FILE, MANIFEST_FILE, PICTURES_DIR, pictureDoc, shardDoc } from '../store/library-dir.js';
import { encodeBody } from '../store/body-codec.js';
import { BodyDb } from '../store/body-db.js';
import { sqliteFiles } from '../sqlite-driver.js';
import { bodySchema } from '../store/schema.js';
import type { Body } from '../store/schema.js';
import { openByteSource } from '../zip/byte-source.js';
import type { ByteSource } from '../zip/byte-source.js';
import { zipMembers } from '../zip/zip-directory.js';
import { readMember } from '../zip/zip-reader.js';
import { BACKUP_MANIFEST } from './backup-format.js';
import type { BackupCounts } from './backup-format.js';
import { altered, parseJson, planRestore } from './restore-plan.js';
import type { RestorePlan } from './restore-plan.js';

/** Texts restored in one commit, as a batch import writes them: a few MB of log at most. */
const TEXTS_PER_COMMIT = 500;

export interface RestoredBackup extends BackupCounts {
  /** The library version the backup was made at (opening the library migrates an older one). */
  schemaVersion: number;
}

/** Whether `file` is a zip whose table of contents lists a backup's manifest; read from its end, never whole. */
export async function isBackupArchive(file: string): Promise<boolean> {
  const source = await openByteSource(file).catch(() => null);
  if (!source) return false;
  try {
    return (await zipMembers(source)).some((member) => member.name === BACKUP_MANIFEST);
  } catch {
    return false;
  } finally {
    await source.close();
  }
}

/**
 * Writes the library a backup archive (a file, or its bytes) holds into `intoDir`, which must be empty
 * or not exist yet: a backup never mixes with a library already there. Everything but the texts and
 * pictures is checked before the first write; those are checked as they are written, texts and
 * pictures before the shards that name them and library.json last. Whatever fails, the folder is left
 * as it was found. The caller then opens the library, which rebuilds the catalog and migrates an older one.
 */
export async function restoreBackup(archive: string | Uint8Array, intoDir: string): Promise<RestoredBackup> {
  const existed = await refuseNonEmpty(intoDir);
  const source = await openByteSource(archive);
  try {
    const plan = await planRestore(source);
    await mkdir(intoDir, { recursive: true });
    try {
      await writeLibrary(plan, source, intoDir);
    } catch (error) {
      await undoRestore(intoDir, existed);
      throw error;
    }
    return { ...plan.manifest.counts, schemaVersion: plan.manifest.schemaVersion };
  } catch (error) {
    if (!isClipdeskError(error)) throw error;
    throw new ClipdeskError(error.code, `${error.message}; nothing was restored`, { cause: error });
  } finally {
    await source.close();
  }
}

async function writeLibrary(plan: RestorePlan, source: ByteSource, dir: string): Promise<void> {
  const bodies = BodyDb.open(dir);
  try {
    for (let i = 0; i < plan.bodies.length; i += TEXTS_PER_COMMIT) {
      const rows = [];
      for (const { member, id, hash } of plan.bodies.slice(i, i + TEXTS_PER_COMMIT)) {
        const body = checkText(await readMember(source, member), hash, member.name);
        rows.push({ id, contentHash: hash, savedAt: Date.now(), bytes: encodeBody(body) });
      }
      bodies.put(rows);
    }
  } finally {
    bodies.close();
  }
  for (const { member, name } of plan.pictures) {
    const bytes = await readMember(source, member);
    if (createHash('sha256').update(bytes).digest('hex') !== name.slice(0, name.indexOf('.'))) {
      throw altered(`${member.name} does not hash to its name`);
    }
    await writeNew(join(dir, pictureDoc(name)), bytes);
  }
  for (const { key, bytes } of plan.shards) await writeNew(join(dir, shardDoc(key)), bytes);
  await writeNew(join(dir, MANIFEST_FILE), plan.library);
}

/**
 * A text must read whole and still hash to the version it is filed under (bodies have had one shape since
 * version 1; an archive holds them as plain JSON, the library gzipped).
 */
function checkText(bytes: Uint8Array, hash: string, name: string): Body {
  const body = bodySchema.safeParse(parseJson(bytes, name));
  if (!body.success || body.data.contentHash !== hash || contentHashOf(body.data) !== hash) {
    throw altered(`${name} is not the text it is filed as`);
  }
  return body.data;
}

async function writeNew(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes, { flag: 'wx' });
}

/** True when the folder exists (and is empty); BAD_INPUT when it holds anything. */
async function refuseNonEmpty(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (entries && entries.length > 0) {
    throw new ClipdeskError('BAD_INPUT', `${dir} is not empty: a backup is restored into an empty folder only, never over a library`);
  }
  return entries !== null;
}

/** Removes what the restore wrote: the folder was empty (or not there) before it began. */
async function undoRestore(dir: string, existed: boolean): Promise<void> {
  const written = [MANIFEST_FILE, 'clips', ...sqliteFiles(BODIES_FILE), PICTURES_DIR];
  for (const name of written) await rm(join(dir, name), { recursive: true, force: true });
  if (!existed) await rmdir(dir).catch(() => undefined);
}
