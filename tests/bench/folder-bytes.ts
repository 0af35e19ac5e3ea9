import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { peekCatalogDb } from '../../electron/core/catalog/catalog-db.js';
import { BODIES_FILE } from '../../electron/core/store/library-dir.js';

/**
 * What files take: their bytes, and the space the file system gave them (whole blocks, 4 KB each on
 * most, as `du` counts without `--apparent-size`): a body file of 1 KB takes 4 KB of the disk.
 */
export interface Taken {
  bytes: number;
  allocated: number;
}

/** The bytes of every file under `dir`, each file once however many names it has. */
export async function folderBytes(dir: string): Promise<number> {
  return (await folderTaken(dir, new Set())).bytes;
}

/**
 * What every file under `dir` takes, each file once however many names it has (as `du` counts): the
 * library keeps its daily backups and the newest previous version of a file as hard links, which cost
 * nothing until the live file is replaced (older versions are gzipped copies). `seen` carries the
 * files already counted from one folder to the next.
 */
async function folderTaken(dir: string, seen: Set<string>): Promise<Taken> {
  const total = { bytes: 0, allocated: 0 };
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    const taken = entry.isDirectory() ? await folderTaken(path, seen) : entry.isFile() ? fileTakenOnce(await stat(path), seen) : null;
    total.bytes += taken?.bytes ?? 0;
    total.allocated += taken?.allocated ?? 0;
  }
  return total;
}

function fileTakenOnce(info: Stats, seen: Set<string>): Taken {
  const key = `${info.dev}:${info.ino}`;
  if (seen.has(key)) return { bytes: 0, allocated: 0 };
  seen.add(key);
  // Blocks of 512 bytes, as POSIX counts them; a system that gives none (Windows) counts bytes.
  return { bytes: info.size, allocated: info.blocks > 0 ? info.blocks * 512 : info.size };
}

export const LIBRARY_PARTS = ['bodies', 'index', 'clips', 'pictures', 'backups', 'other'] as const;
export type LibraryPart = (typeof LIBRARY_PARTS)[number];
export type ByPart = Record<LibraryPart, number>;

/**
 * What a library takes by part, in bytes and in space on the disk: metadata (clips), bodies, pictures,
 * the catalog (index), backups, and the rest. The live parts are counted first, so a backup linked to
 * a live file is free, as it is on disk.
 */
export async function libraryBytesByPart(dir: string): Promise<Record<keyof Taken, ByPart>> {
  const none = (): ByPart => Object.fromEntries(LIBRARY_PARTS.map((part) => [part, 0])) as ByPart;
  const parts = { bytes: none(), allocated: none() };
  const seen = new Set<string>();
  const entries = await readdir(dir, { withFileTypes: true });
  // The SQLite files with their logs; `bodies` is the folder of a library from before version 6.
  const partOf = (name: string): LibraryPart =>
    name.startsWith('index.sqlite') ? 'index'
      : name.startsWith(BODIES_FILE) ? 'bodies'
        : (LIBRARY_PARTS as readonly string[]).includes(name) ? (name as LibraryPart) : 'other';
  // Backups last: what they share with the live files is counted where it lives.
  entries.sort((a, b) => Number(a.name === 'backups') - Number(b.name === 'backups'));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const taken = entry.isDirectory() ? await folderTaken(path, seen) : fileTakenOnce(await stat(path), seen);
    parts.bytes[partOf(entry.name)] += taken.bytes;
    parts.allocated[partOf(entry.name)] += taken.allocated;
  }
  return parts;
}

export function totalOf(parts: ByPart): number {
  return Object.values(parts).reduce((sum, bytes) => sum + bytes, 0);
}

/** `bodies 0.60x, index 2.01x, …`: each part that takes any room, as a multiple of the raw text's bytes. */
export function partsTimes(parts: ByPart, rawBytes: number): string {
  const taken = Object.entries(parts).filter(([, bytes]) => bytes > 0);
  return taken.map(([part, bytes]) => `${part} ${(bytes / rawBytes).toFixed(2)}x`).join(', ');
}

/**
 * Waits for an open library's catalog to be as the app leaves it once writes pause (idle-upkeep.ts):
 * the pages merging freed given back and the log copied into the file. Disk figures are taken then.
 */
export async function catalogAtRest(dir: string, timeoutMs = 60_000): Promise<void> {
  const file = join(dir, 'index.sqlite');
  const atRest = async (): Promise<boolean> =>
    peekCatalogDb(file, (db) => db.pragma('freelist_count', { simple: true }) === 0) === true &&
    ((await stat(`${file}-wal`).catch(() => null))?.size ?? 0) === 0;
  for (const end = Date.now() + timeoutMs; !(await atRest()); await sleep(100)) {
    if (Date.now() > end) throw new Error(`the catalog in ${dir} still had free pages or a log ${timeoutMs} ms after its last write`);
  }
}
