import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PictureStore } from '../pictures/picture-store.js';
import { checkedJsonFile } from '../store/checked-file.js';
import { contentHashesOf } from '../store/clip-texts.js';
import type { ClipStore } from '../store/clip-store.js';
import { MANIFEST_FILE, pictureDoc, plainBodyDoc, shardDoc } from '../store/library-dir.js';
import { SCHEMA_VERSION, manifestSchema, storedShard } from '../store/schema.js';
import { ClipdeskError } from '../errors.js';
import { ZipWriter } from '../zip/zip-writer.js';
import { BACKUP_FORMAT, BACKUP_MANIFEST, BACKUP_VERSION } from './backup-format.js';
import type { BackupCounts, BackupManifest } from './backup-format.js';

/**
 * Writes the whole library, the trash included, to a zip at `file` (see backup-format.ts): each shard
 * after the texts its clips name, then every stored picture, the library's manifest, and last the
 * backup's own manifest with the counts. Everything is read through the store, so a damaged file stops
 * the backup with its name rather than ending up in it. The zip is written beside `file` and renamed
 * onto it when whole: a failed backup leaves no half archive under that name.
 */
export async function writeBackup(store: ClipStore, pictures: PictureStore, file: string, now = new Date()): Promise<BackupCounts> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const zip = await ZipWriter.create(temp);
  try {
    const counts = await addClips(store, zip);
    counts.pictures = await addPictures(pictures, zip);
    const library = await checkedJsonFile(join(store.dir, MANIFEST_FILE), manifestSchema).read();
    if (!library) throw new ClipdeskError('CORRUPT_LIBRARY', `${join(store.dir, MANIFEST_FILE)} is missing`);
    await zip.add(MANIFEST_FILE, JSON.stringify(library));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, backupVersion: BACKUP_VERSION, schemaVersion: library.schemaVersion, createdAt: now.toISOString(), counts,
    };
    await zip.add(BACKUP_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    await zip.finish();
    await rename(temp, file);
    return counts;
  } catch (error) {
    await zip.abandon();
    await rm(temp, { force: true });
    throw error;
  }
}

/** Shard by shard: the texts of its clips (current and revisions), then the shard as the store writes it. */
async function addClips(store: ClipStore, zip: ZipWriter): Promise<BackupCounts> {
  const counts: BackupCounts = { shards: 0, clips: 0, trashed: 0, bodies: 0, pictures: 0 };
  for (const key of [...store.shardStamps().keys()].sort()) {
    const records = await store.shardRecords(key);
    for (const record of records) {
      // Plain JSON under the older name: the zip compresses it, and unzipped it is still a readable library.
      for (const hash of contentHashesOf(record)) {
        await zip.add(plainBodyDoc(record.id, hash), JSON.stringify(await store.texts.readBody(record.id, hash)));
        counts.bodies++;
      }
    }
    const clips = Object.fromEntries(records.map((record) => [record.id, record]));
    await zip.add(shardDoc(key), storedShard({ schemaVersion: SCHEMA_VERSION, clips }));
    counts.shards++;
    counts.clips += records.length;
    counts.trashed += records.filter((record) => record.deletedAt).length;
  }
  return counts;
}

/** Every stored picture, stored as it is (it is compressed already). */
async function addPictures(pictures: PictureStore, zip: ZipWriter): Promise<number> {
  let added = 0;
  for (const name of await pictures.names()) {
    const bytes = await pictures.get(name);
    // Gone since it was listed: only a picture no clip shows is ever deleted.
    if (!bytes) continue;
    await zip.add(pictureDoc(name), bytes, false);
    added++;
  }
  return added;
}
