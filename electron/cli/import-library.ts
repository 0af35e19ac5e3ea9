/**
 * `import-library` (another app's export, or a Clipdesk backup) and `fetch` (the articles of the
 * entries that came as addresses only).
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { ClipdeskError, isBackupArchive, Library } from '../core/index.js';
import type { FetchRun } from '../core/index.js';
import { one } from './args.js';
import type { Commands, Output } from './command.js';
import { say } from './command.js';
import { formatLibraryImport } from './output.js';

export const importLibraryCommands = {
  'import-library': (library, args, flags) => importLibrary(library, one(args, 'import-library FILE'), !flags['no-fetch']),
  fetch: fetchPendingArticles,
} satisfies Commands;

/** The backup in `args` when it is one and `dir` is empty: then it is restored, before any library is opened there. */
export async function backupToRestore(args: string[], dir: string): Promise<string | undefined> {
  const [file] = args;
  return file && (await isBackupArchive(file)) && (await isEmptyFolder(dir)) ? file : undefined;
}

/** A Clipdesk backup restores into an empty folder as the library it was, not entry by entry. */
export async function restoreBackup(file: string, dir: string): Promise<Output> {
  const { library, restored } = await Library.restoreBackup(file, dir);
  await library.close();
  const text = `restored ${restored.clips} clip(s), ${restored.bodies} text(s) and ${restored.pictures} picture(s) into ${dir}`;
  return { data: { dir, ...restored }, text };
}

async function isEmptyFolder(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).length === 0;
}

/** Imports another app's export, saying what it found first and how far it is on stderr, then fetches what is pending. */
async function importLibrary(library: Library, file: string, fetch: boolean): Promise<Output> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new ClipdeskError('BAD_INPUT', `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  say((await library.describeExport(bytes, basename(file))).description);
  const report = await library.importLibrary(bytes, basename(file), (sofar) => say(`${sofar.entries} entries read`));
  const fetched = fetch && report.pending > 0 ? await fetchWithProgress(library) : null;
  return { data: { ...report, fetched }, text: formatLibraryImport(report, fetched) };
}

async function fetchPendingArticles(library: Library): Promise<Output> {
  const run = await fetchWithProgress(library);
  const { pending, failed } = library.fetching.status();
  const left = pending > 0 ? `; ${pending} still pending (${failed} given up on: clipdesk show <id> says why)` : '';
  return { data: { ...run, ...library.fetching.status() }, text: `fetched ${run.fetched} article(s), ${run.failed} failed${left}` };
}

/** Fetches the pending clips that are due, a line on stderr as each is done; Ctrl+C stops, and a later `fetch` goes on. */
async function fetchWithProgress(library: Library): Promise<FetchRun> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const total = library.fetching.status().pending;
  return library.fetching.run({
    signal: controller.signal,
    onProgress: (run) => say(`articles fetched ${run.fetched + run.failed}/${total} (${run.failed} failed)`),
  });
}
