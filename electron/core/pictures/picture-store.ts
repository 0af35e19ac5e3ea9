import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isPictureName } from '../../shared/picture-names.js';
import type { PictureExtension } from '../../shared/picture-names.js';
import { PICTURES_DIR, pictureDoc } from '../store/library-dir.js';
import { writeFileWhole } from '../store/write-whole.js';

/**
 * The library's pictures, content-addressed: a file is named by the hash of its bytes, so the same
 * picture in many clips is stored once, and a name, once written, always means the same bytes. A
 * picture is written whole (temp file, sync, rename) before any clip refers to it.
 */
export class PictureStore {
  readonly #dir: string;

  constructor(libraryDir: string) {
    this.#dir = libraryDir;
  }

  /**
   * Stores the bytes (if not stored yet) and returns their name. A picture already there is touched:
   * collecting spares recently touched files, so one about to be used again is not deleted meanwhile.
   */
  async put(bytes: Uint8Array, extension: PictureExtension): Promise<string> {
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
    const path = this.#path(name);
    if (await exists(path)) {
      const now = new Date();
      await utimes(path, now, now);
      return name;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFileWhole(path, bytes);
    return name;
  }

  /** The bytes of a stored picture, or null when the name is not a picture name or nothing is stored under it. */
  async get(name: string): Promise<Buffer | null> {
    if (!isPictureName(name)) return null;
    return readFile(this.#path(name)).catch(() => null);
  }

  async has(name: string): Promise<boolean> {
    return isPictureName(name) && exists(this.#path(name));
  }

  /**
   * Deletes the named pictures that were not stored or touched within `graceMs`: an import stores its
   * pictures before its clip refers to them, so a picture no clip shows yet may be on its way in.
   */
  async collect(names: readonly string[], graceMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const name of names.filter(isPictureName)) {
      const path = this.#path(name);
      const found = await stat(path).catch(() => null);
      if (!found || now - found.mtimeMs < graceMs) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  /** Every stored picture's name. */
  async names(): Promise<string[]> {
    const root = join(this.#dir, PICTURES_DIR);
    const folders = await readdir(root).catch(() => []);
    const lists = await Promise.all(folders.map((folder) => readdir(join(root, folder)).catch(() => [])));
    return lists.flat().filter(isPictureName).sort();
  }

  #path(name: string): string {
    return join(this.#dir, pictureDoc(name));
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
