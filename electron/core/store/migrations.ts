import { ClipdeskError } from '../errors.js';
import { SCHEMA_VERSION } from './schema.js';

/** One step of the on-disk shape: rewrites a library of version `from` into version `from + 1`. */
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

/** Brings a library of `version` up to `target`, step by step; refuses libraries from a newer Clipdesk. */
export async function migrate(dir: string, version: number, steps = MIGRATIONS, target = SCHEMA_VERSION): Promise<number> {
  if (version > target) {
    throw new ClipdeskError('NEWER_LIBRARY', `${dir} was written by a newer Clipdesk (library version ${version}, this app reads up to ${target}); update Clipdesk to open it`);
  }
  for (let at = version; at < target; at++) {
    const step = steps.find((candidate) => candidate.from === at);
    if (!step) throw new ClipdeskError('CORRUPT_LIBRARY', `no migration from library version ${at} to ${at + 1}`);
    await step.migrate(dir);
  }
  return target;
}
