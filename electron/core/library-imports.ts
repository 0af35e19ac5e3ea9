import type { BatchImportResult, ImportInput, ImportResult, LibraryImportReport } from '../api.js';
import type { ClipExtractor } from './clip-extractor.js';
import type { ClipSaver, ToSave } from './clip-saver.js';
import { importInBatches } from './import-batches.js';
import type * as Import from './import/index.js';
import type { PendingArticles } from './import/pending-articles.js';
import { countPictures } from './pictures/keep-pictures.js';
import type { KeptBeforeRun } from './store/clip-store.js';

/** What bringing clips in takes: extraction, saving, the pending clips' fetching, and a wait for a whole list. */
export interface ImportsContext {
  extractor: ClipExtractor;
  saver: ClipSaver;
  pending: PendingArticles;
  /** Resolves once the catalog lists every clip: until then it would not know a page is clipped already. */
  listed: () => Promise<void>;
}

/**
 * Clips coming in: addresses, pages, texts and files, one at a time or in batches; other apps' exports,
 * whose bare addresses become pending clips (their articles are fetched by import/pending-articles.ts).
 */
export class LibraryImports {
  readonly #context: ImportsContext;

  constructor(context: ImportsContext) {
    this.#context = context;
  }

  async import(input: ImportInput): Promise<ImportResult> {
    return this.#save(await this.#context.extractor.extract(input));
  }

  async importFile(path: string, tags: readonly string[]): Promise<ImportResult> {
    return this.#save(await this.#context.extractor.extractFile(path, tags));
  }

  importMany(inputs: readonly ImportInput[]): Promise<BatchImportResult[]> {
    const { extractor } = this.#context;
    return this.#inBatches(inputs.length, (index) => extractor.extract(inputs[index]));
  }

  importFiles(paths: readonly string[], tags: readonly string[]): Promise<BatchImportResult[]> {
    const { extractor } = this.#context;
    return this.#inBatches(paths.length, (index) => extractor.extractFile(paths[index] ?? '', tags));
  }

  async describeExport(bytes: Uint8Array, fileName: string): Promise<{ format: string; description: string }> {
    const { detectExportFile } = await loadImport();
    const { format, description } = await detectExportFile(bytes, fileName);
    return { format, description };
  }

  async importLibrary(
    bytes: Uint8Array,
    fileName: string,
    onProgress?: (report: LibraryImportReport) => void,
  ): Promise<LibraryImportReport> {
    const { detectExportFile, importExportFile } = await loadImport();
    const file = await detectExportFile(bytes, fileName);
    await this.#context.listed();
    const keptBeforeRun: KeptBeforeRun = new Set();
    const report = await importExportFile(file, (items) => this.#context.saver.saveImported(items, keptBeforeRun), onProgress);
    this.#context.pending.added();
    return report;
  }

  async #save({ extracted, tags }: ToSave): Promise<ImportResult> {
    await this.#context.listed();
    const saved = await this.#context.saver.save(extracted, tags);
    return { clip: saved.clip, outcome: saved.outcome, pictures: countPictures(saved.content) };
  }

  async #inBatches(count: number, extract: (index: number) => Promise<ToSave>): Promise<BatchImportResult[]> {
    await this.#context.listed();
    const keptBeforeRun: KeptBeforeRun = new Set();
    return importInBatches(count, extract, (items) => this.#context.saver.saveMany(items, keptBeforeRun));
  }
}

/** The importers of other apps' exports load when first used, with extraction (they extract what the exports carry). */
function loadImport(): Promise<typeof Import> {
  return import('./import/index.js');
}
