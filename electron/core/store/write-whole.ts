import { randomBytes } from 'node:crypto';
import { open, rename } from 'node:fs/promises';

/** The temp file's suffix: `<file>.<pid>.<12 hex>.tmp` (stray-temps.ts finds those a killed writer left). */
export const TEMP_FILE = /\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes a file whole or not at all: a temp file of our own beside it (created new, never following
 * a link already there, with `mode` from its first byte) is written, synced and renamed over it.
 * `sync: false` skips the sync where a lost write is redone anyway and one sync a file would halve
 * the speed of an import (clips' texts, written before the record that names them, like the shards).
 */
export async function writeFileWhole(path: string, data: string | Uint8Array, mode = 0o666, sync = true): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
