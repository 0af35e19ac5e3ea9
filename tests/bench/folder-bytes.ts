import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The bytes of every file under `dir`. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

/** A library's bytes by part: metadata, bodies, pictures, the catalog, backups, and the rest. */
export async function libraryBytesByPart(dir: string): Promise<Record<string, number>> {
  const parts: Record<string, number> = { clips: 0, bodies: 0, pictures: 0, index: 0, backups: 0, other: 0 };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const bytes = entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
    const part = entry.name.startsWith('index.sqlite') ? 'index' : entry.name in parts ? entry.name : 'other';
    parts[part] = (parts[part] ?? 0) + bytes;
  }
  return parts;
}
