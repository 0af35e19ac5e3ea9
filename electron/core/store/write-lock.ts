import { randomBytes } from 'node:crypto';
import { link, open, readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { ClipdeskError } from '../errors.js';

/**
 * A cross-process write lock: a file holding its owner's pid, which only one process can create. A
 * lock whose owner process is gone (crashed, killed) is stale and taken over, so a crash never wedges
 * the library.
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
      // Only ever our own lock: had it been judged stale and taken, removing it would admit a third writer.
      if ((await readOwner(this.#path))?.pid === process.pid) await unlink(this.#path).catch(() => undefined);
    }
  }

  /** Removes owner drafts (see createWithOwner) that processes killed mid-acquire left beside the lock. */
  async clearLeftovers(): Promise<void> {
    const prefix = `${basename(this.#path)}.`;
    for (const name of await readdir(dirname(this.#path)).catch(() => [])) {
      const pid = Number(/^(\d+)\.[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1]);
      if (name.startsWith(prefix) && pid && !processExists(pid)) await unlink(join(dirname(this.#path), name)).catch(() => undefined);
    }
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

interface Owner {
  pid?: unknown;
  host?: unknown;
}

/**
 * Creates `path` with this process as its owner, or returns false if it exists. The owner is written
 * to a private file first and then hard-linked into place, so the lock never exists without its owner
 * (a crash between create and write would leave an empty lock that nobody can judge). Where links are
 * not supported (FAT), an exclusive create and a write do the same with that small window.
 */
async function createWithOwner(path: string): Promise<boolean> {
  const owner = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, owner);
    await link(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    return createExclusive(path, owner);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function createExclusive(path: string, owner: string): Promise<boolean> {
  try {
    const file = await open(path, 'wx');
    await file.writeFile(owner);
    await file.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(path: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

async function ownerIsGone(path: string): Promise<boolean> {
  const owner = await readOwner(path);
  if (!owner) {
    // Just released, or (only where links are unsupported) being written; or an empty lock left by a crash.
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    return age > UNREADABLE_LOCK_STALE_MS;
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  return !processExists(owner.pid);
}

/** Whether a process with this pid is running (EPERM: it is, but belongs to someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
