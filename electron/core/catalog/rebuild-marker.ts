import { join } from 'node:path';
import { clearDrafts, createWithOwner, ownerIsGone, readOwner, removeIfOwn, removeQuietly } from '../store/owner-file.js';
import type { Owner } from '../store/owner-file.js';

/**
 * <library>/index.sqlite.rebuilding names the process rebuilding the catalog. Another process that
 * opens the library meanwhile finds the catalog unfinished, and must neither delete it (the owner
 * would go on with a deleted file) nor rebuild it too: it waits (rebuild-wait.ts). A marker whose
 * owner is gone (crashed, killed) is stale: its unfinished catalog is rebuilt by whoever opens next.
 */
export class RebuildMarker {
  readonly #path: string;

  constructor(dir: string) {
    this.#path = join(dir, 'index.sqlite.rebuilding');
  }

  /** The live process rebuilding the catalog (this one too), or null when none is. Only reads. */
  rebuilder(): Owner | null {
    return ownerIsGone(this.#path) ? null : readOwner(this.#path);
  }

  /** Makes this process the rebuilder, taking over a stale marker. Call under the store's lock, after rebuilder() said none. */
  async claim(): Promise<void> {
    removeQuietly(this.#path);
    await clearDrafts(this.#path);
    createWithOwner(this.#path);
  }

  /** Ends this process's rebuild, whole or cut short (its catalog then stays unmarked and is rebuilt later). */
  release(): void {
    removeIfOwn(this.#path);
  }
}
