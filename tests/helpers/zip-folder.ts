import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

/**
 * A fixture folder zipped in memory, as the app that wrote it zips it: the folders are kept as
 * readable files in the repository, and `prefix` puts them under a top folder like some downloads.
 */
export function zipFolder(dir: string, prefix = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const path of filesUnder(dir)) files[prefix + relative(dir, path).split(sep).join('/')] = readFileSync(path);
  return zipSync(files);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}
