import type { Adapter } from 'lowdb';
import { DataFile, DataFileSync } from 'lowdb/node';
import type { z } from 'zod';
import { ClipdeskError } from '../errors.js';
import { describeInvalid } from '../validation.js';
import { SCHEMA_VERSION, newerLibrary, shardSchema, storedShard } from './schema.js';
import type { Shard } from './schema.js';

/**
 * A lowdb adapter that refuses to hand corrupt data to the app: JSON that does not parse or does not
 * match the schema becomes CORRUPT_LIBRARY naming the file (recovery.ts decides what happens next; this
 * never changes the file), and a file stamped with a newer schemaVersion becomes NEWER_LIBRARY.
 * Writes go through steno (temp file + rename), so a crash never leaves a torn document.
 */
export function checkedJsonFile<T>(path: string, schema: z.ZodType<T>, stringify: (data: T) => string = JSON.stringify): DataFile<T> {
  return new DataFile<T>(path, checkedFormat(path, schema, stringify));
}

/**
 * A metadata shard's file: its records are written without their fields at the defaults (schema.ts
 * storedShard). Written synchronously, as lowdb's synchronous adapter does (a temp file renamed over
 * it): every edit writes a shard, and steno's trips through the thread pool kept it waiting about
 * 1.5 ms of its 7 on the bench's 10,000 clips. A write that fails so (on Windows a virus scanner may
 * hold the file a moment) is made again through steno, which retries the rename.
 */
export function shardJsonFile(path: string): Adapter<Shard> {
  const format = checkedFormat(path, shardSchema, storedShard);
  const retrying = new DataFile<Shard>(path, format);
  const direct = new DataFileSync<Shard>(path, format);
  return {
    read: () => retrying.read(),
    write: async (shard) => {
      try {
        direct.write(shard);
      } catch {
        await retrying.write(shard);
      }
    },
  };
}

/**
 * A metadata shard read and checked at once, null when there is none. Every edit reads one: a few KB,
 * about 50 µs read, parsed and checked, where the trips of an asynchronous read through the thread
 * pool took four times that and kept the edit waiting behind whatever else was queued.
 */
export function readShardFile(path: string): Shard | null {
  return new DataFileSync<Shard>(path, checkedFormat(path, shardSchema, storedShard)).read();
}

/** How lowdb's file adapters turn the file's text into checked data and back. */
function checkedFormat<T>(path: string, schema: z.ZodType<T>, stringify: (data: T) => string) {
  return { parse: (text: string) => parseChecked(path, text, schema), stringify };
}

/** Checks `text` read from `path` as checkedJsonFile does; also for backups, which may be gzipped (backups.ts). */
export function parseChecked<T>(path: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} is not valid JSON`, { cause });
  }
  refuseNewer(path, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problem = describeInvalid(parsed.error, 'top level');
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} does not have the shape of a Clipdesk file at ${problem}`);
  }
  return parsed.data;
}

/** Checked before the shape: a newer Clipdesk may have changed the shape, which is not damage to repair. */
function refuseNewer(path: string, json: unknown): void {
  const version = typeof json === 'object' && json !== null && 'schemaVersion' in json ? json.schemaVersion : undefined;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw newerLibrary(path, `library version ${version}`);
  }
}
