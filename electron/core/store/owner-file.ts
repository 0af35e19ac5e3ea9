import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';

/**
 * A file naming the process that owns something (the write lock, a catalog rebuild): created by one
 * process only, and judged stale once its owner process is gone (crashed, killed). Its operations are
 * synchronous: each is a few small file operations, and every edit takes and releases the write lock,
 * which through the thread pool kept the edit waiting 1.0-1.4 ms of its 7 on the bench's 10,000 clips.
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
export function createWithOwner(path: string): boolean {
  const owner = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(draft, owner);
    linkSync(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    return createExclusive(path, owner);
  } finally {
    removeQuietly(draft);
  }
}

function createExclusive(path: string, owner: string): boolean {
  let file: number;
  try {
    file = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(file, owner);
  } finally {
    closeSync(file);
  }
  return true;
}

/** The owner written in the file, or null when it is missing or unreadable. */
export function readOwner(path: string): Owner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

/** Removes the file if this process owns it: had it been judged stale and taken, removing it would admit a second owner. */
export function removeIfOwn(path: string): void {
  if (readOwner(path)?.pid === process.pid) removeQuietly(path);
}

/** Removes a file, if it is there and can go: what is left is judged by its owner, like any other. */
export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or not ours to remove.
  }
}

/** Whether the file's owner process is gone (a missing file has no owner to judge: false). */
export function ownerIsGone(path: string): boolean {
  const owner = readOwner(path);
  if (!owner) {
    // Just released, or (only where links are unsupported) being written; or an empty file left by a crash.
    return ageOf(path) > UNREADABLE_OWNER_STALE_MS;
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  return !processExists(owner.pid);
}

/** Milliseconds since the file was last written; 0 when it cannot be told (gone, say). */
function ageOf(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
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
