import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../../electron/core/library.js';

export const SEED_FILE = new URL('../../../shared/fixtures/seed-article.txt', import.meta.url).pathname;
export const SHARED_DIR = new URL('../../../shared/', import.meta.url).pathname;

/** A fresh, real library folder in the OS temp dir; `cleanup` removes it. */
export async function tempLibrary(): Promise<{ dir: string; library: Library; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'clipdesk-test-'));
  const library = await Library.open(dir);
  return { dir, library, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A small English article as plain text, distinct per `n`, for filling libraries. */
export function sampleText(n: number, topic = 'harbour'): string {
  return `Report ${n} on the ${topic}\n\nThe ${topic} authority published figures for quarter ${n}. ` +
    `Shipping volumes rose while inspectors reviewed safety at berth ${n}.\n\nOfficials expect more traffic next year.`;
}
