import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ClipdeskError } from '../errors.js';
import { snapshotInto } from './backups.js';
import { SHARD_FILE } from './library-dir.js';
import { SCHEMA_VERSION, newerLibrary } from './schema.js';
import { writeFileWhole } from './write-whole.js';

/**
 * One step of the on-disk shape: rewrites a library of version `from` into version `from + 1`. A step
 * stamps every document it rewrites with the new schemaVersion (recovery reads a library's version from
 * its shards) and ships with a fixture library tests/fixtures/libraries/v<from> (store-migrations.test.ts).
 */
export interface Migration {
  from: number;
  describe: string;
  migrate(dir: string): Promise<void>;
}

/**
 * Every step from the first released shape to SCHEMA_VERSION, in order; each change of shape appends
 * its step here with a fixture test.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    describe: 'clips get a read state (every clip of an older library is unread) and may be pending (none of an older library is)',
    migrate: (dir) => rewriteShards(dir, 2, (record) => ({ readState: 'unread', pending: null, ...record })),
  },
];

type RawRecord = Record<string, unknown>;
type RawShard = { schemaVersion?: unknown; clips: Record<string, RawRecord> };

/**
 * Rewrites every shard as version `version`, each record through `change`. The files are read as
 * plain JSON, not through the current schema, so a field this app does not know survives the step;
 * all are read before any is written, so a shard from a newer Clipdesk stops the step with none changed.
 */
async function rewriteShards(dir: string, version: number, change: (record: RawRecord) => RawRecord): Promise<void> {
  const folder = join(dir, 'clips');
  const names = (await readdir(folder)).filter((file) => SHARD_FILE.test(file));
  const shards = await Promise.all(names.map(async (name) => {
    const shard = JSON.parse(await readFile(join(folder, name), 'utf8')) as RawShard;
    if (typeof shard.schemaVersion === 'number' && shard.schemaVersion > version) {
      throw newerLibrary(join(folder, name), `library version ${shard.schemaVersion}`);
    }
    return { name, shard };
  }));
  for (const { name, shard } of shards) {
    const clips = Object.fromEntries(Object.entries(shard.clips).map(([id, record]) => [id, change(record)]));
    await writeFileWhole(join(folder, name), JSON.stringify({ ...shard, schemaVersion: version, clips }));
  }
}

/**
 * Brings a library of `version` up to `target`, step by step; refuses libraries from a newer Clipdesk
 * without touching them. Before the first step, copies the manifest and shards to
 * backups/before-v<version>-to-v<target>-<time>/, so a failed or regretted upgrade can be undone by hand.
 * Runs under the library's write lock.
 */
export async function migrate(
  dir: string,
  version: number,
  steps = MIGRATIONS,
  target = SCHEMA_VERSION,
  now = new Date(),
): Promise<number> {
  if (version > target) {
    throw newerLibrary(dir, `library version ${version}`, target);
  }
  const missing = Array.from({ length: target - version }, (_, i) => version + i).find((from) => !steps.some((step) => step.from === from));
  if (missing !== undefined) throw new ClipdeskError('CORRUPT_LIBRARY', `no migration from library version ${missing} to ${missing + 1}`);
  if (version === target) return target;
  // Copies, not links: a step is free to rewrite files in place, which would change a linked backup too.
  await snapshotInto(dir, join(dir, 'backups', `before-v${version}-to-v${target}-${now.toISOString().replaceAll(':', '')}`), true);
  for (let at = version; at < target; at++) await steps.find((step) => step.from === at)?.migrate(dir);
  return target;
}
