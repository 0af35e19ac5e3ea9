import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleText } from './seed.js';
import { tempLibrary } from './temp-library.js';
import type { TestScope } from './cleanup-scope.js';

/** A closed library of `clips` sample clips whose catalog file is damaged: the next open rebuilds it. */
export async function libraryWithDamagedCatalog(t: TestScope, clips: number): Promise<{ dir: string; ids: string[] }> {
  const { dir, library } = await tempLibrary(t);
  const results = await library.importMany(Array.from({ length: clips }, (_, n) => ({ kind: 'text' as const, text: sampleText(n) })));
  await library.close();
  await writeFile(join(dir, 'index.sqlite'), 'not a database');
  return { dir, ids: results.flatMap((result) => ('clip' in result ? [result.clip.id] : [])) };
}
