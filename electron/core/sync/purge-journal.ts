import { access, appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommitObserver } from '../store/clip-store.js';
import { syncDir } from './sync-settings.js';

/**
 * `sync/purged.txt`: the clips deleted for good since the last merge, one id a line. A clip missing
 * from the library is not taken as deleted (a library restored from an older backup misses clips
 * that were never deleted, and sync brings them back); only the ids written here are deleted on the
 * server. Kept only where sync is set up; every Clipdesk process on the library writes it, under the
 * write lock, as part of the commit that deleted the clips.
 */
export class PurgeJournal {
  readonly #path: string;
  readonly #dir: string;

  constructor(libraryDir: string) {
    this.#dir = syncDir(libraryDir);
    this.#path = join(this.#dir, 'purged.txt');
  }

  /** Notes the clips a commit removed. */
  readonly observer: CommitObserver = {
    wrote: async (written) => {
      const gone = written.filter(({ record }) => !record).map(({ id }) => `${id}\n`);
      if (gone.length === 0 || !(await exists(this.#dir))) return;
      await appendFile(this.#path, gone.join(''));
    },
  };

  async read(): Promise<Set<string>> {
    const text = await readFile(this.#path, 'utf8').catch(() => '');
    return new Set(text.split('\n').filter((line) => /^[0-9a-f]+$/.test(line)));
  }

  /** After a merge that handled every id read. */
  async clear(): Promise<void> {
    await rm(this.#path, { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
