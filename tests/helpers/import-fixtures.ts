import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectExportFile, isImportProblem } from '../../electron/core/import/index.js';
import type { ExportFile, ImportEntry, ImportProblem } from '../../electron/core/import/index.js';
import { zipFolder } from './zip-folder.js';

export const IMPORT_FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** A fixture's bytes; a folder stands for the zip its app wrote (zipped here, under `prefix`). */
export function fixtureBytes(name: string, prefix = ''): Uint8Array {
  const path = IMPORT_FIXTURES + name;
  return statSync(path).isDirectory() ? zipFolder(path, prefix) : readFileSync(path);
}

export interface ReadExport {
  file: ExportFile;
  entries: ImportEntry[];
  problems: ImportProblem[];
  /** Entries and problems in the order the file gave them. */
  all: Array<ImportEntry | ImportProblem>;
}

/** The fixture detected (under `fileName`, its own name by default) and read to the end. */
export async function readExport(name: string, fileName = name, bytes = fixtureBytes(name)): Promise<ReadExport> {
  const file = await detectExportFile(bytes, fileName);
  const all: Array<ImportEntry | ImportProblem> = [];
  for await (const item of file.entries()) all.push(item);
  return {
    file,
    all,
    entries: all.filter((item): item is ImportEntry => !isImportProblem(item)),
    problems: all.filter(isImportProblem),
  };
}

/** An entry with every field empty, to spell out in a test only the fields that are not. */
export function blankEntry(source: string): ImportEntry {
  return {
    source, url: null, title: null, tags: [], note: null, excerpt: null, byline: null, addedAt: null, publishedAt: null,
    readState: null, starred: null, content: null, highlights: [], warnings: [],
  };
}
