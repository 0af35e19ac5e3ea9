import { readdir, stat, unlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { TEMP_FILE } from './write-whole.js';

/**
 * Temp files that writeFileWhole began and never renamed into place: a writer killed mid-write (the
 * crash harness leaves them by the dozen) or a full disk. Nothing reads them, so they are harmless,
 * but they would pile up. A write takes milliseconds, so one this old is abandoned; age rather than
 * "its pid is gone" also holds for a library another machine writes to over a shared folder.
 */
const ABANDONED_AFTER_MS = 10 * 60_000;
/** Kept versions are never written through temp files, and a large library keeps many of them. */
const SKIPPED = new Set(['backups']);

/** The abandoned temp files of a library, relative to its folder with `/` on every platform. */
export async function strayTemps(dir: string, now = Date.now()): Promise<string[]> {
  const candidates = (await namesIn(dir)).filter((name) => TEMP_FILE.test(name));
  const ages = await Promise.all(candidates.map((name) => stat(join(dir, name)).then((info) => now - info.mtimeMs, () => 0)));
  return candidates.filter((_, i) => (ages[i] ?? 0) > ABANDONED_AFTER_MS).map((name) => name.split(sep).join('/'));
}

/** Every file name under `dir` (relative), less the SKIPPED folders. */
async function namesIn(dir: string): Promise<string[]> {
  const top = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(top.filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name)).map(async ({ name }) => {
    const inside = await readdir(join(dir, name), { recursive: true }).catch(() => [] as string[]);
    return inside.map((path) => join(name, path));
  }));
  return [...top.filter((entry) => entry.isFile()).map((entry) => entry.name), ...nested.flat()];
}

/** Removes them; one that is gone already (another process swept first) is not an error. */
export async function removeStrayTemps(dir: string): Promise<number> {
  const stray = await strayTemps(dir);
  await Promise.all(stray.map((name) => unlink(join(dir, name)).catch(() => undefined)));
  return stray.length;
}
