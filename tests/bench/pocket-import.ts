import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makePocketExport } from '../helpers/make-pocket-export.js';

const CHILD = fileURLToPath(new URL('pocket-import-child.ts', import.meta.url));
// `--import tsx` resolves from the working directory: the project root, where tsx is installed.
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface PocketRun {
  entries: number;
  seconds: number;
  peakMb: number;
  /** The most memory in use after a collection, sampled along the import. */
  liveMb: number;
}

/**
 * A generated Pocket export of `entries` items (tests/helpers/make-pocket-export.ts: parts of 10,000
 * rows, highlights on every 50th) imported without fetching into a fresh library in `dir`; next to it,
 * the same file only read (the parsing floor) and a tenth of it imported (memory that stays flat
 * grows far less than tenfold). Each runs in its own process, so its peak memory is its own.
 */
export async function pocketImportCosts(dir: string, entries: number): Promise<{ full: PocketRun; readOnly: PocketRun; tenth: PocketRun }> {
  const tenthEntries = Math.max(1, Math.round(entries / 10));
  const [fullZip, tenthZip] = [join(dir, 'pocket.zip'), join(dir, 'pocket-tenth.zip')];
  await writeFile(fullZip, makePocketExport({ items: entries }));
  await writeFile(tenthZip, makePocketExport({ items: tenthEntries }));
  const readOnly = await runChild(fullZip, join(dir, 'unused'), 'read', entries);
  const tenth = await runChild(tenthZip, join(dir, 'tenth'), 'import', tenthEntries);
  const full = await runChild(fullZip, join(dir, 'full'), 'import', entries);
  return { full, readOnly, tenth };
}

async function runChild(zip: string, libraryDir: string, mode: 'read' | 'import', entries: number): Promise<PocketRun> {
  const args = ['--expose-gc', '--import', 'tsx', CHILD, zip, libraryDir, mode, String(entries)];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: REPO });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as PocketRun;
}
