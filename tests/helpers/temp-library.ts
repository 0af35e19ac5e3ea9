import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../../electron/core/library.js';
import type { LibraryOptions } from '../../electron/core/library.js';
import type { TestScope } from './cleanup-scope.js';

export interface TempLibrary {
  dir: string;
  library: Library;
  /** Closes the library and removes its folder. */
  cleanup: () => Promise<void>;
}

/** A fresh folder in the OS temp dir, removed when `scope` ends (in a node:test test, pass `t`). */
export async function tempDir(scope: TestScope, prefix = 'clipdesk-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  scope.after(() => removeDir(dir));
  return dir;
}

/**
 * A fresh, real library in a temp folder. With a scope (`t` in a test) it is closed and removed when
 * that ends; a library shared by a suite comes without one, and the suite's `after` calls `cleanup`.
 */
export async function tempLibrary(scope?: TestScope, options?: LibraryOptions): Promise<TempLibrary> {
  const dir = await mkdtemp(join(tmpdir(), 'clipdesk-test-'));
  const library = await Library.open(dir, options);
  const cleanup = async (): Promise<void> => {
    await library.close();
    await removeDir(dir);
  };
  scope?.after(cleanup);
  return { dir, library, cleanup };
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
