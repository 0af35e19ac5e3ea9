import { join } from 'node:path';
import type { Clip, ExportScope, FileExportFormat, ListOptions, StreamedExportFormat } from '../api.js';
import { exportScopeSchema, listOptionsSchema } from '../api.js';
import type { BackupCounts } from './backup/backup-format.js';
import type { Catalog } from './catalog/catalog.js';
import { readClip } from './clip-record.js';
import type { ExportedBytes } from './export/export-file.js';
import type { PictureFolder } from './export/export-pictures.js';
import type { VaultExport } from './export/vault.js';
import type { PictureStore } from './pictures/picture-store.js';
import { asksNothing, parseQuery } from './search/index.js';
import type { ClipStore } from './store/clip-store.js';
import { parseInput } from './validation.js';

/** Clips listed per catalog read while an export gathers what to write. */
const EXPORT_PAGE = 1000;

/** The library's clips written out: streamed exports, a Markdown vault, one file for the window, a backup. */
export class LibraryExports {
  readonly #store: ClipStore;
  readonly #catalog: Catalog;
  readonly #pictures: PictureStore;

  constructor(store: ClipStore, catalog: Catalog, pictures: PictureStore) {
    this.#store = store;
    this.#catalog = catalog;
    this.#pictures = pictures;
  }

  /**
   * The given clips, or every clip outside the trash newest first, serialized a clip at a time: the
   * caller writes each piece as it comes, so a library of any size exports in constant memory. HTML
   * carries the pictures inline; Markdown links to copies in `pictureFolder` when it is given.
   */
  async *export(format: StreamedExportFormat, ids?: readonly string[], pictureFolder?: PictureFolder): AsyncGenerator<string> {
    // Loaded when used: its HTML-to-Markdown converter would slow every start.
    const { exportClips, withExportedPictures } = await import('./export/index.js');
    const withPictures = (clip: Clip) => withExportedPictures(clip, format, this.#pictures, this.#store.dir, pictureFolder);
    yield* exportClips(this.#clips(ids ?? this.#listedIds(), withPictures), format);
  }

  /** The given clips, or every clip outside the trash, as a Markdown vault in `dir`, their pictures in `dir/pictures`. */
  async exportVault(dir: string, ids?: readonly string[]): Promise<VaultExport> {
    const { VAULT_PICTURES, withExportedPictures, writeVault } = await import('./export/index.js');
    const folder = { path: join(dir, VAULT_PICTURES), href: VAULT_PICTURES };
    const withPictures = (clip: Clip) => withExportedPictures(clip, 'vault', this.#pictures, this.#store.dir, folder);
    return writeVault(this.#clips(ids ?? this.#listedIds(), withPictures), dir);
  }

  /**
   * The clips of `scope` as one file for the window to save, made in memory (the CLI streams instead,
   * which suits a library too big to hold). A backup always holds the whole library.
   */
  async exportAs(format: FileExportFormat, scope: ExportScope): Promise<ExportedBytes> {
    const { bytesWrittenBy, collectText, exportedFile } = await import('./export/export-file.js');
    const bytes = format === 'backup'
      ? await bytesWrittenBy((file) => this.backup(file))
      : await collectText(this.export(format, this.idsIn(parseInput(exportScopeSchema, scope))));
    return exportedFile(format, bytes);
  }

  /** Writes the whole library, trash included, to a backup archive at `file` (a zip; see backup-format.ts). */
  async backup(file: string): Promise<BackupCounts> {
    const { writeBackup } = await import('./backup/write-backup.js');
    return writeBackup(this.#store, this.#pictures, file);
  }

  /**
   * The ids of every clip a search query matches, best first; throws BAD_QUERY. Asked in one page grown
   * until it holds them all: pages of a ranked search are each ranked on their own window, so a walk of
   * pages could list a clip twice or miss one.
   */
  idsMatching(query: string): string[] {
    const parsed = parseQuery(query);
    if (asksNothing(parsed)) return [];
    for (let limit = EXPORT_PAGE; ; limit *= 4) {
      const { hits } = this.#catalog.search(parsed, limit, 0);
      if (hits.length < limit) return hits.map((hit) => hit.clip.id);
    }
  }

  async *#clips(ids: readonly string[], prepare: (clip: Clip) => Promise<Clip>): AsyncGenerator<Clip> {
    for (const id of ids) yield await prepare(await readClip(this.#store, id));
  }

  /** The ids of the clips an export scope holds, in the order the list or the search gives them. */
  idsIn(scope: ExportScope): readonly string[] {
    switch (scope.kind) {
      case 'clips': return scope.ids;
      case 'search': return this.idsMatching(scope.query);
      case 'list': return this.#listedIds(scope.options);
      case 'library': return this.#listedIds();
    }
  }

  /** The ids of every clip outside the trash the list shows with `options`, as listed now (later imports do not shift the pages). */
  #listedIds(options: Omit<ListOptions, 'offset' | 'limit' | 'trashed'> = {}): string[] {
    const ids: string[] = [];
    const list = (offset: number) => this.#catalog.list(parseInput(listOptionsSchema, { ...options, limit: EXPORT_PAGE, offset }));
    let page = list(0);
    while (page.clips.length > 0) {
      ids.push(...page.clips.map((clip) => clip.id));
      page = list(ids.length);
    }
    return ids;
  }
}
