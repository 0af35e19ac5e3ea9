import { join } from 'node:path';
import { ClipdeskError } from '../errors.js';
import { snapshotInto } from './backups.js';
import { SCHEMA_VERSION, newerLibrary } from './schema.js';

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
 * Every step from the first released shape to SCHEMA_VERSION, in order. Empty while version 1 is the
 * only shape that ever shipped; each later change of shape appends its step here with a fixture test.
 */
export const MIGRATIONS: readonly Migration[] = [];

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
