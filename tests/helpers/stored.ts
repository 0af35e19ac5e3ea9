import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, SHARD_FILE, bodyDoc, shardDoc, shardKey } from '../../electron/core/store/library-dir.js';
import { decodeBody } from '../../electron/core/store/body-file.js';
import { readVersion } from '../../electron/core/store/backups.js';
import type { Body, ClipRecord, Manifest, Shard } from '../../electron/core/store/schema.js';

/**
 * A library's files as they lie on disk, for tests that look behind the store or damage it on purpose:
 * paths come from the store's own naming (library-dir.ts), and documents are parsed as written, without
 * the store's validation or recovery, so a test sees exactly what is there.
 */

/** Shard `key` of the library in `dir`. */
export function shardPath(dir: string, key: string): string {
  return join(dir, shardDoc(key));
}

/** The shard that holds clip `id`. */
export function shardPathOf(dir: string, id: string): string {
  return shardPath(dir, shardKey(id));
}

/** The keys of the shard files present, sorted. */
export async function shardKeys(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, dirname(shardDoc(''))));
  return names.filter((name) => SHARD_FILE.test(name)).map((name) => name.replace(/\.json$/, '')).sort();
}

/** A shard file (the live one, or a backup of it, plain or gzipped) as written. */
export async function readShard(path: string): Promise<Shard> {
  return JSON.parse(await readVersion(path)) as Shard;
}

/** Clip `id`'s record as its shard holds it; undefined when the shard has none. */
export async function readStoredRecord(dir: string, id: string): Promise<ClipRecord | undefined> {
  return (await readShard(shardPathOf(dir, id))).clips[id];
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}

/** The text file of one content version of a clip. */
export function bodyPathOf(dir: string, record: Pick<ClipRecord, 'id' | 'contentHash'>): string {
  return join(dir, bodyDoc(record.id, record.contentHash));
}

/** A body file as stored, in either form (the store's own decoding, without its checks). */
export async function readBody(path: string): Promise<Body> {
  return decodeBody(path, await readFile(path));
}
