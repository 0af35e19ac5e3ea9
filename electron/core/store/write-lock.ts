import { ClipdeskError } from '../errors.js';
import { clearDrafts, createWithOwner, ownerIsGone, removeIfOwn, removeQuietly } from './owner-file.js';

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
      removeIfOwn(this.#path);
    }
  }

  /** Removes owner drafts (see createWithOwner) that processes killed mid-acquire left beside the lock. */
  clearLeftovers(): Promise<void> {
    return clearDrafts(this.#path);
  }

  async #acquire(): Promise<void> {
    const deadline = Date.now() + this.#timeoutMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if (createWithOwner(this.#path)) return;
      if (ownerIsGone(this.#path)) {
        this.#breakStale();
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
  #breakStale(): void {
    const takeover = `${this.#path}.takeover`;
    if (!createWithOwner(takeover)) {
      if (ownerIsGone(takeover)) removeQuietly(takeover);
      return;
    }
    try {
      if (ownerIsGone(this.#path)) removeQuietly(this.#path);
    } finally {
      removeQuietly(takeover);
    }
  }
}
