import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { ClipdeskError } from '../errors.js';

/**
 * A cross-process write lock: a file created with O_EXCL holding the owner's pid. A lock whose owner
 * process is gone (crashed, killed) is stale and taken over, so a crash never wedges the library.
 */
const UNREADABLE_LOCK_STALE_MS = 5_000;

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
      await unlink(this.#path).catch(() => undefined);
    }
  }

  async #acquire(): Promise<void> {
    const deadline = Date.now() + this.#timeoutMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if (await this.#tryCreate()) return;
      if (await this.#ownerIsGone()) {
        await this.#breakStale();
        continue;
      }
      if (Date.now() > deadline) {
        throw new ClipdeskError('LOCKED', `another Clipdesk process is writing to this library (lock ${this.#path}); try again`);
      }
      await new Promise((done) => setTimeout(done, wait));
    }
  }

  async #tryCreate(): Promise<boolean> {
    try {
      const file = await open(this.#path, 'wx');
      await file.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      await file.close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  /**
   * Removes a stale lock. Several waiters can find the same stale lock at once; had each removed it, a
   * slow one would remove the fresh lock another had just taken, and two writers would run together.
   * So only the waiter that creates the takeover file removes it, after checking again.
   */
  async #breakStale(): Promise<void> {
    const takeover = `${this.#path}.takeover`;
    let handle;
    try {
      handle = await open(takeover, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Held for microseconds; one left behind was left by a process that died while breaking.
      const age = await stat(takeover).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > UNREADABLE_LOCK_STALE_MS) await unlink(takeover).catch(() => undefined);
      return;
    }
    try {
      if (await this.#ownerIsGone()) await unlink(this.#path).catch(() => undefined);
    } finally {
      await handle.close();
      await unlink(takeover).catch(() => undefined);
    }
  }

  async #ownerIsGone(): Promise<boolean> {
    let owner: { pid?: unknown; host?: unknown };
    try {
      owner = JSON.parse(await readFile(this.#path, 'utf8')) as typeof owner;
    } catch {
      // Being written right now, or just released; only a lock left empty by a crash stays unreadable.
      const age = await stat(this.#path).then((s) => Date.now() - s.mtimeMs, () => 0);
      return age > UNREADABLE_LOCK_STALE_MS;
    }
    if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
    return !processExists(owner.pid);
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
