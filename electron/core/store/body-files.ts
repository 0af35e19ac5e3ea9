import { readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BodyDb } from './body-db.js';
import { BODY_FILE } from './library-dir.js';

/** Texts moved in one commit: a few MB of log at most. */
const FILES_PER_COMMIT = 500;

/**
 * Moves texts kept as files, `bodies/<id>.<hash>.json[.gz]`, into bodies.sqlite: a library from before
 * version 6 (migrations.ts), one whose upgrade was cut short, or a backup archive unzipped by hand
 * (its texts are files). Bytes as they are (a damaged one stays as damaged, for `clipdesk check` to
 * name), dated by the file's time (salvage.ts dates a clip rebuilt from its texts so). Files are
 * deleted only once their rows are committed: cut short, every text is readable in one place or
 * both, and the next open finishes the rest. Runs under the library's write lock.
 */
export async function moveBodyFilesIn(dir: string, bodies: BodyDb): Promise<void> {
  const folder = join(dir, 'bodies');
  // Sorted, `<key>.json` before `<key>.json.gz`: of a version in both forms (a step to 3 cut short), the gzipped one is kept.
  const names = (await readdir(folder).catch(() => null))?.filter((name) => BODY_FILE.test(name)).sort();
  if (!names) return;
  for (let i = 0; i < names.length; i += FILES_PER_COMMIT) {
    const batch = names.slice(i, i + FILES_PER_COMMIT);
    bodies.put(await Promise.all(batch.map(async (name) => {
      const [, id = '', contentHash = ''] = BODY_FILE.exec(name) ?? [];
      const path = join(folder, name);
      return { id, contentHash, savedAt: Math.round((await stat(path)).mtimeMs), bytes: await readFile(path) };
    })));
    for (const name of batch) await unlink(join(folder, name));
  }
  // What is left is the temp files of writers killed mid-write, never a whole text.
  await rm(folder, { recursive: true, force: true });
}
