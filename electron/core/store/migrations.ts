import { access, readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ClipdeskError } from '../errors.js';
import { mapBounded } from '../map-bounded.js';
import { snapshotInto } from './backups.js';
import { BodyDb } from './body-db.js';
import { moveBodyFilesIn } from './body-files.js';
import { PLAIN_BODY_FILE, SHARD_FILE } from './library-dir.js';
import { SCHEMA_VERSION, newerLibrary, storedRecord } from './schema.js';
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
  {
    from: 2,
    describe: 'texts are stored gzipped (bodies/<id>.<hash>.json.gz), about a third of their plain size',
    migrate: async (dir) => {
      await compressBodies(dir);
      await rewriteShards(dir, 3, (record) => record);
    },
  },
  {
    from: 3,
    describe: 'metadata files leave out the fields a clip has at their defaults (no note, no highlights, nulls): about a fifth smaller',
    migrate: (dir) => rewriteShards(dir, 4, storedRecord),
  },
  {
    from: 4,
    describe: 'texts written from now on are stored text first, which a search inflates without the HTML; older ones read as before',
    migrate: (dir) => rewriteShards(dir, 5, (record) => record),
  },
  {
    from: 5,
    describe: 'texts move from a file each into bodies.sqlite: a file took a whole disk block, twice the size of a short clip\'s text',
    migrate: async (dir) => {
      const bodies = BodyDb.open(dir);
      try {
        await moveBodyFilesIn(dir, bodies);
      } finally {
        bodies.close();
      }
      await rewriteShards(dir, 6, (record) => record);
    },
  },
];

/** Bodies compressed at once: each waits on the disk (a temp file, a sync, a rename) more than on the CPU. */
const BODIES_AT_ONCE = 8;

/**
 * Gzips every plain body in place of itself, byte for byte (a damaged one stays as damaged, for
 * `clipdesk check` to name). The gzipped file lands whole before the plain one goes, so a step cut
 * short leaves every text readable in one form or both, and running it again finishes the rest.
 */
async function compressBodies(dir: string): Promise<void> {
  const folder = join(dir, 'bodies');
  const names = (await readdir(folder).catch(() => [])).filter((name) => PLAIN_BODY_FILE.test(name));
  await mapBounded(names, BODIES_AT_ONCE, async (name) => {
    const plain = join(folder, name);
    const gzipped = `${plain}.gz`;
    if (!(await access(gzipped).then(() => true, () => false))) await writeFileWhole(gzipped, gzipSync(await readFile(plain)));
    await unlink(plain);
  });
}

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
  snapshotInto(dir, join(dir, 'backups', `before-v${version}-to-v${target}-${now.toISOString().replaceAll(':', '')}`), true);
  for (let at = version; at < target; at++) await steps.find((step) => step.from === at)?.migrate(dir);
  return target;
}
