import { randomBytes } from 'node:crypto';
import { link, open, readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';

/**
 * A file naming the process that owns something (the write lock, a catalog rebuild): created by one
 * process only, and judged stale once its owner process is gone (crashed, killed).
 */
const UNREADABLE_OWNER_STALE_MS = 5_000;

export interface Owner {
  pid?: unknown;
  host?: unknown;
}

/**
 * Creates `path` with this process as its owner, or returns false if it exists. The owner is written
 * to a private file first and then hard-linked into place, so the file never exists without its owner
 * (a crash between create and write would leave an empty file that nobody can judge). Where links are
 * not supported (FAT), an exclusive create and a write do the same with that small window.
 */
export async function createWithOwner(path: string): Promise<boolean> {
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

/** The owner written in the file, or null when it is missing or unreadable. */
export async function readOwner(path: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

/** Removes the file if this process owns it: had it been judged stale and taken, removing it would admit a second owner. */
export async function removeIfOwn(path: string): Promise<void> {
  if ((await readOwner(path))?.pid === process.pid) await unlink(path).catch(() => undefined);
}

/** Whether the file's owner process is gone (a missing file has no owner to judge: false). */
export async function ownerIsGone(path: string): Promise<boolean> {
  const owner = await readOwner(path);
  if (!owner) {
    // Just released, or (only where links are unsupported) being written; or an empty file left by a crash.
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    return age > UNREADABLE_OWNER_STALE_MS;
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  return !processExists(owner.pid);
}

/** Removes owner drafts (see createWithOwner) that processes killed mid-create left beside `path`. */
export async function clearDrafts(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dirname(path)).catch(() => [])) {
    const pid = Number(/^(\d+)\.[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && pid && !processExists(pid)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
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
