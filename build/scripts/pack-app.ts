/**
 * `npm run pack:app`: builds, then writes release/app.asar exactly as `npm run dist` puts it into every
 * installer, without network, prints what is in it and checks it.
 *
 * Why it can be exact offline: reading electron-builder.yml, asking npm for the production dependencies,
 * filtering files and writing app.asar with @electron/asar is all electron-builder's own code; only the
 * Electron runtime it wraps around the asar comes from the network. Handed a stand-in Electron
 * distribution (`electronDist`: a folder with an empty `electron` file), its unpacked Linux "dir" target
 * runs to the end, and we keep resources/app.asar. The stand-in is never run and is deleted. So the file
 * list is electron-builder's, not a copy of its rules that could drift from them.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import type { FilesystemEntry } from '@electron/asar/lib/filesystem.js';
import { Arch, Platform, build } from 'electron-builder';
import type { Configuration } from 'electron-builder';

/**
 * What the app cannot start without, and its worker threads' files: without them it would still run,
 * but rebuild its index and read clipped pages on its main thread.
 */
export const REQUIRED_FILES = [
  'package.json', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html',
  'dist/electron/core/catalog/rebuild-worker.js', 'dist/electron/core/clip/extraction-worker.js',
];

/**
 * Packs `projectDir` with its electron-builder.yml into `outFile`. `overrides` are merged over the
 * .yml the way electron-builder merges `-c.*` options (tests pass `electronVersion` for a project
 * that has no electron package installed).
 */
export async function packApp(projectDir: string, outFile: string, overrides: Configuration = {}): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'clipdesk-pack-'));
  try {
    const electronDist = join(work, 'electron');
    await mkdir(electronDist);
    await writeFile(join(electronDist, 'electron'), ''); // the binary electron-builder renames to `clipdesk`
    const output = join(work, 'out');
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { ...overrides, electronDist, directories: { output } },
      publish: 'never',
    });
    await mkdir(dirname(outFile), { recursive: true });
    await copyFile(join(output, 'linux-unpacked', 'resources', 'app.asar'), outFile);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface AsarListing {
  /** Paths relative to the archive root, with `/` on every OS. */
  files: string[];
  bytes: number;
  /** Files and bytes under each top-level entry of the archive. */
  topLevel: Map<string, { files: number; bytes: number }>;
}

/** Every file in an asar with its size, read from the archive's header alone. */
export function listAsar(file: string): AsarListing {
  const listing: AsarListing = { files: [], bytes: 0, topLevel: new Map() };
  const visit = (entry: FilesystemEntry, path: string): void => {
    if ('files' in entry) {
      for (const [name, child] of Object.entries(entry.files)) visit(child, path ? `${path}/${name}` : name);
    } else if ('size' in entry) {
      const top = path.split('/')[0] ?? path;
      const group = listing.topLevel.get(top) ?? { files: 0, bytes: 0 };
      listing.topLevel.set(top, { files: group.files + 1, bytes: group.bytes + entry.size });
      listing.files.push(path);
      listing.bytes += entry.size;
    }
  };
  visit(asar.getRawHeader(file).header, '');
  return listing;
}

/** What is wrong with a packed app: required files missing, or our tests and sources packed. */
export function packProblems(files: readonly string[]): string[] {
  const present = new Set(files);
  const missing = REQUIRED_FILES.filter((file) => !present.has(file)).map((file) => `missing: ${file}`);
  const ours = files.filter((file) => !file.startsWith('node_modules/'));
  const stray = ours
    .filter((file) => /(^|\/)tests?\//.test(file) || /\.[cm]?ts$/.test(file) || file.endsWith('.map'))
    .map((file) => `should not be packed: ${file}`);
  return [...missing, ...stray];
}

async function main(): Promise<void> {
  const projectDir = fileURLToPath(new URL('../../', import.meta.url));
  const outFile = join(projectDir, 'release', 'app.asar');
  if (!existsSync(join(projectDir, 'dist', 'electron', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm run pack:app` does)');
  }
  await packApp(projectDir, outFile);
  const listing = listAsar(outFile);
  const size = (bytes: number): string => (bytes < 2 ** 20 ? `${(bytes / 2 ** 10).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
  console.log(`\n${outFile}: ${listing.files.length} files, ${size(listing.bytes)}`);
  for (const [name, group] of listing.topLevel) {
    console.log(`  ${name.padEnd(14)} ${String(group.files).padStart(5)} files  ${size(group.bytes)}`);
  }
  const problems = packProblems(listing.files);
  if (problems.length > 0) throw new Error(`app.asar is not right:\n  ${problems.join('\n  ')}`);
  console.log(`  contains ${REQUIRED_FILES.join(', ')}; no tests, TypeScript sources or source maps of ours`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`pack:app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
