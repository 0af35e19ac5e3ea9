import { readFile, readdir, unlink, utimes, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, SHARD_FILE, bodyRow, shardDoc, shardKey } from '../../electron/core/store/library-dir.js';
import { BodyDb } from '../../electron/core/store/body-db.js';
import { decodeBody } from '../../electron/core/store/body-codec.js';
import { readVersionFile } from '../../electron/core/store/backups.js';
import { recentVersions, recentVersionsFile } from '../../electron/core/store/recent-versions.js';
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
  return JSON.parse(await readVersionFile(path)) as Shard;
}

/** Clip `id`'s record as its shard holds it; undefined when the shard has none. */
export async function readStoredRecord(dir: string, id: string): Promise<ClipRecord | undefined> {
  return (await readShard(shardPathOf(dir, id))).clips[id];
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}

/** Runs `use` on a library's texts (bodies.sqlite) through a connection of its own, closed after. */
export function withStoredBodies<T>(dir: string, use: (bodies: BodyDb) => T): T {
  const bodies = BodyDb.open(dir);
  try {
    return use(bodies);
  } finally {
    bodies.close();
  }
}

/** A content version's body as stored (the store's own decoding, without its checks). */
export function readStoredBody(dir: string, { id, contentHash }: Pick<ClipRecord, 'id' | 'contentHash'>): Body {
  const bytes = withStoredBodies(dir, (bodies) => bodies.get(id, contentHash));
  if (!bytes) throw new Error(`no ${bodyRow(id, contentHash)}`);
  return decodeBody(bodyRow(id, contentHash), bytes);
}

/** Stores `bytes` as a content version's text, whatever they hold (damage done behind the app's back). */
export function writeStoredBody(dir: string, { id, contentHash }: Pick<ClipRecord, 'id' | 'contentHash'>, bytes: Uint8Array): void {
  withStoredBodies(dir, (bodies) => bodies.put([{ id, contentHash, savedAt: Date.now(), bytes }]));
}

/**
 * Turns the one file of `doc`'s recent versions into the files of one version each that a library
 * before it kept (`<key>.<n>.json`, gzipped or plain), each with its saved time; returns them, newest first.
 */
export async function splitIntoVersionFiles(dir: string, doc: string, plain: boolean): Promise<string[]> {
  const file = recentVersionsFile(dir, doc);
  const versions = recentVersions(dir, doc);
  const paths = versions.map((_, i) => file.replace(/\.json\.gz$/, `.${i + 1}.json${plain ? '' : '.gz'}`));
  for (const [i, { bytes, savedAt }] of versions.entries()) {
    await writeFile(paths[i]!, plain ? bytes : gzipSync(bytes));
    await utimes(paths[i]!, new Date(savedAt), new Date(savedAt));
  }
  await unlink(file);
  return paths;
}
