import { join } from 'node:path';
import { z } from 'zod';
import { digestPresetSchema } from '../../api.js';
import type { DigestPreset } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { checkedJsonFile } from '../store/checked-file.js';
import { LOCK_FILE } from '../store/library-dir.js';
import { WriteLock } from '../store/write-lock.js';
import { writeFileWhole } from '../store/write-whole.js';

/** `<library>/digest-presets.json`: saved press-review definitions, kept with the library they select from. */
export const DIGEST_PRESETS_FILE = 'digest-presets.json';

const presetsFileSchema = z.object({ presets: z.array(digestPresetSchema) });

/**
 * The saved digest definitions. Changes are read, made and written under the library's write lock, so
 * two windows (or a window and the CLI) saving at once both land.
 */
export class DigestPresets {
  readonly #path: string;
  readonly #lock: WriteLock;

  constructor(libraryDir: string) {
    this.#path = join(libraryDir, DIGEST_PRESETS_FILE);
    this.#lock = new WriteLock(join(libraryDir, LOCK_FILE));
  }

  async list(): Promise<DigestPreset[]> {
    const file = await checkedJsonFile(this.#path, presetsFileSchema).read();
    return file?.presets ?? [];
  }

  async get(name: string): Promise<DigestPreset> {
    const preset = (await this.list()).find((saved) => sameName(saved.name, name));
    if (!preset) throw notFound(name);
    return preset;
  }

  /** Saves under the preset's name, replacing one of the same name (case aside); picked ids are not kept. */
  save(preset: DigestPreset): Promise<DigestPreset[]> {
    const kept = { name: preset.name.trim(), definition: { ...preset.definition, ids: undefined } };
    return this.#change((presets) => [...presets.filter((saved) => !sameName(saved.name, kept.name)), kept]);
  }

  delete(name: string): Promise<DigestPreset[]> {
    return this.#change((presets) => {
      if (!presets.some((saved) => sameName(saved.name, name))) throw notFound(name);
      return presets.filter((saved) => !sameName(saved.name, name));
    });
  }

  #change(edit: (presets: DigestPreset[]) => DigestPreset[]): Promise<DigestPreset[]> {
    return this.#lock.withLock(async () => {
      const presets = edit(await this.list()).sort((a, b) => a.name.localeCompare(b.name));
      await writeFileWhole(this.#path, JSON.stringify({ presets }, null, 2));
      return presets;
    });
  }
}

function notFound(name: string): ClipdeskError {
  return new ClipdeskError('NOT_FOUND', `no saved press review is named "${name}"`);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
