import { unlink } from 'node:fs/promises';
import { ClipdeskError } from '../errors.js';
import { clearDrafts, createWithOwner, ownerIsGone, removeIfOwn } from './owner-file.js';

/**
 * A cross-process write lock: a file holding its owner's pid, which only one process can create. A
 * lock whose owner process is gone (crashed, killed) is stale and taken over, so a crash never wedges
 * the library.
 */
export class WriteLock {
  readonly #path: string;
  readonly #timeoutMs: number;

  constructor(path: string, timeoutMs = 10_000) {
    this.#path = path;
    this.#timeoutMs = timeoutMs;
  }

  async withLock<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await task();
    } finally {
      await removeIfOwn(this.#path);
    }
  }

  /** Removes owner drafts (see createWithOwner) that processes killed mid-acquire left beside the lock. */
  clearLeftovers(): Promise<void> {
    return clearDrafts(this.#path);
  }

  async #acquire(): Promise<void> {
    const deadline = Date.now() + this.#timeoutMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if (await createWithOwner(this.#path)) return;
      if (await ownerIsGone(this.#path)) {
        await this.#breakStale();
        continue;
      }
      if (Date.now() > deadline) {
        throw new ClipdeskError('LOCKED', `another Clipdesk process is writing to this library (lock ${this.#path}); try again`);
      }
      await new Promise((done) => setTimeout(done, wait));
    }
  }

  /**
   * Removes a stale lock. Several waiters can find the same stale lock at once; had each removed it, a
   * slow one would remove the fresh lock another had just taken, and two writers would run together.
   * So only the waiter that creates the takeover file (itself a lock, with the same stale rule)
   * removes it, after checking again.
   */
  async #breakStale(): Promise<void> {
    const takeover = `${this.#path}.takeover`;
    if (!(await createWithOwner(takeover))) {
      if (await ownerIsGone(takeover)) await unlink(takeover).catch(() => undefined);
      return;
    }
    try {
      if (await ownerIsGone(this.#path)) await unlink(this.#path).catch(() => undefined);
    } finally {
      await unlink(takeover).catch(() => undefined);
    }
  }
}
