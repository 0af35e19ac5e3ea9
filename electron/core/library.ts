import type {
  Annotation, AnnotationInput, AnnotationPatch, BatchImportResult, CatalogStatus, Clip, ClipPatch, ClipSummary, ExportScope,
  FetchStatus, FileExportFormat, ImportInput, ImportResult, LibraryImportReport, ListOptions, ListResult, PictureCount, Revision,
  SearchResult, StreamedExportFormat, TagCount,
} from '../api.js';
import { clipPatchSchema, listOptionsSchema } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import type { BackgroundRebuild } from './catalog/background-rebuild.js';
import { mirrorInto, openCatalog } from './catalog/catalog-sync.js';
import { ClipAnnotations } from './clip-annotations.js';
import { ClipEditor } from './clip-editor.js';
import { ClipExtractor } from './clip-extractor.js';
import { ClipSaver } from './clip-saver.js';
import { searchClips } from './clip-search.js';
import type { ToSave } from './clip-saver.js';
import { importInBatches } from './import-batches.js';
import type { PdfPrinter } from './digest/pdf-printer.js';
import { LibraryDigests } from './library-digests.js';
import { LibraryExports } from './library-exports.js';
import { LibrarySync } from './library-sync.js';
import { credentialsPath, fileVault } from './sync/credential-vault.js';
import { PurgeJournal } from './sync/purge-journal.js';
import type { LibraryOptions, OpenReport } from './library-options.js';
import { LibraryPictures } from './library-pictures.js';
import { countPictures } from './pictures/keep-pictures.js';
import type { BackupCounts } from './backup/backup-format.js';
import type { RestoredBackup } from './backup/restore-backup.js';
import type { ExportedBytes } from './export/export-file.js';
import type { PictureFolder } from './export/export-pictures.js';
import type { VaultExport } from './export/vault.js';
import { PictureStore } from './pictures/picture-store.js';
import { PendingArticles } from './import/pending-articles.js';
import type { FetchPendingOptions, FetchRun } from './import/fetch-pending.js';
import { extractedOf, readClip } from './clip-record.js';
import type * as Import from './import/index.js';
import { ClipdeskError } from './errors.js';
import { ClipStore, observeAll } from './store/clip-store.js';
import { describeLostClips, describeRecovery } from './store/recovery.js';
import type { ClipRecord } from './store/schema.js';
import { parseInput } from './validation.js';
import { sameTag } from '../shared/tag-names.js';
import { cleanTagNames, replaceTags, withTags, withoutTags } from './tags.js';

export type { LibraryOptions, OpenReport } from './library-options.js';

const CATALOG_WHOLE: CatalogStatus = { rebuilding: false, listing: false, indexed: 0, total: 0 };

/**
 * The facade every host calls (Electron IPC, web host, CLI, tests). It owns the store (the system of
 * record) and the catalog (list, tags and full-text search, derived from the store) and keeps them
 * in step; everything it returns is plain JSON-able data. Whole concerns live in the collaborators it
 * wires: saving, editing, highlights, pictures, pending articles and exports.
 */
export class Library {
  readonly dir: string;
  readonly opened: OpenReport;
  readonly #store: ClipStore;
  readonly #catalog: Catalog;
  readonly #saver: ClipSaver;
  readonly #extractor: ClipExtractor;
  readonly #editor: ClipEditor;
  readonly #annotations: ClipAnnotations;
  readonly #pictures: LibraryPictures;
  readonly #pending: PendingArticles;
  readonly #exports: LibraryExports;
  /** Press reviews of the library's clips, and their saved definitions. */
  readonly digests: LibraryDigests;
  /** Sync with a CouchDB server the user runs. */
  readonly sync: LibrarySync;
  readonly #rebuild: BackgroundRebuild | null;
  /** Whether pending clips are fetched in the background (an app that stays open), or only on request (the CLI). */
  #fetchInBackground = false;

  private constructor(
    store: ClipStore,
    catalog: Catalog,
    opened: OpenReport,
    options: LibraryOptions,
    rebuild: BackgroundRebuild | null,
  ) {
    this.dir = store.dir;
    this.opened = opened;
    this.#store = store;
    this.#catalog = catalog;
    this.#rebuild = rebuild;
    const journal = new PurgeJournal(store.dir);
    const catalogMirror = mirrorInto(catalog, store);
    const pictures = new PictureStore(store.dir);
    const vault = options.syncVault ?? fileVault(credentialsPath(store.dir));
    this.sync = new LibrarySync({ store, pictures, mirror: catalogMirror, journal, vault, listed: () => this.#listed() });
    // Every commit also notes clips deleted for good (for sync to delete on the server) and asks a live sync for a round.
    const mirror = observeAll(catalogMirror, journal.observer, { wrote: async (written) => this.sync.nudge(written.map(({ id }) => id)) });
    const listed = () => this.#listed();
    this.#saver = new ClipSaver(store, catalog, mirror);
    this.#editor = new ClipEditor(store, catalog, mirror, listed);
    this.#annotations = new ClipAnnotations(store, this.#editor);
    this.#pictures = new LibraryPictures({ store, catalog, pictures, mirror, listed, fetch: options.pictures });
    this.#extractor = new ClipExtractor(this.#pictures, options);
    this.#pending = new PendingArticles(store, catalog, this.#saver, mirror, (url) => this.#extractor.fetchArticle(url));
    this.#exports = new LibraryExports(store, catalog, pictures);
    this.digests = new LibraryDigests(store, this.#exports, pictures, () => printerOf(options));
  }

  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const store = await ClipStore.open(dir);
    const { catalog, rebuilt, repaired, lost, background } = await openCatalog(store, {
      rebuild: options.rebuildCatalog,
      background: options.rebuildInBackground,
      onProgress: options.onRebuildProgress,
      pauseMs: options.rebuildPauseMs,
      stallMs: options.rebuildStallMs,
    });
    return new Library(store, catalog, { catalogRebuilt: rebuilt, catalogRepaired: repaired, lostClips: lost }, options, background);
  }

  /** Whether the catalog (list, tags, search) is being rebuilt in the background, and how far it got. */
  catalogStatus(): CatalogStatus {
    return this.#rebuild?.status() ?? CATALOG_WHOLE;
  }

  /** Resolves once a background rebuild is over (at once when none runs). */
  async catalogReady(): Promise<void> {
    await this.#rebuild?.finished;
  }

  /**
   * Writes wait until a background rebuild has listed every clip: until then the catalog would not
   * know a page is clipped already, or which clips carry a tag.
   */
  async #listed(): Promise<void> {
    await this.#rebuild?.listed;
  }

  /**
   * What the user must be told about the library's health: damaged files found and how they were
   * recovered (also while it is in use: shards are read when needed), and clips that were lost.
   */
  notices(): string[] {
    const { lostClips } = this.opened;
    return [...this.#store.recoveries.map(describeRecovery), ...(lostClips.length > 0 ? [describeLostClips(lostClips)] : [])];
  }

  /** Stops a background rebuild and releases the catalog file; the library must not be used afterwards. */
  async close(): Promise<void> {
    // Stopped first: once every clip is listed, a background fetch may start, and pause must come after it.
    await this.#rebuild?.stop();
    await this.sync.stop();
    this.#pending.pause();
    this.#catalog.close();
  }

  // --- clipping ---------------------------------------------------------------------------------

  async import(input: ImportInput): Promise<ImportResult> {
    return this.#save(await this.#extractor.extract(input));
  }

  async importFile(path: string, tags: readonly string[] = []): Promise<ImportResult> {
    return this.#save(await this.#extractor.extractFile(path, tags));
  }

  /**
   * Imports many inputs as `import` would one after another, but a batch at a time: each batch is
   * saved under one lock and in one commit, and an input for a page the library or an earlier input
   * has is the same clip. Addresses are fetched a few at a time. Returns one result per input, in
   * order; an input that fails says why, and the others are saved.
   */
  async importMany(inputs: readonly ImportInput[]): Promise<BatchImportResult[]> {
    await this.#listed();
    return importInBatches(inputs.length, (index) => this.#extractor.extract(inputs[index]), (items) => this.#saver.saveMany(items));
  }

  /** `importMany` for files on disk (.html, .txt, .md), each with the same tags. */
  async importFiles(paths: readonly string[], tags: readonly string[] = []): Promise<BatchImportResult[]> {
    await this.#listed();
    const extract = (index: number) => this.#extractor.extractFile(paths[index] ?? '', tags);
    return importInBatches(paths.length, extract, (items) => this.#saver.saveMany(items));
  }

  async #save({ extracted, tags }: ToSave): Promise<ImportResult> {
    await this.#listed();
    const saved = await this.#saver.save(extracted, tags);
    return { clip: saved.clip, outcome: saved.outcome, pictures: countPictures(saved.content) };
  }

  // --- reading ----------------------------------------------------------------------------------

  list(options: ListOptions = {}): ListResult {
    return this.#catalog.list(parseInput(listOptionsSchema, options));
  }

  get(id: string): Promise<Clip> {
    return readClip(this.#store, id);
  }

  // --- other apps' libraries ----------------------------------------------------------------------

  /** What a file is, as another app's export, before anything of it is written. */
  async describeExport(bytes: Uint8Array, fileName: string): Promise<{ format: string; description: string }> {
    const { detectExportFile } = await loadImport();
    const { format, description } = await detectExportFile(bytes, fileName);
    return { format, description };
  }

  /**
   * Imports another app's export (its format told from its content): every entry becomes a clip, or
   * is merged into the clip of the same page; entries that are only an address are pending until
   * their articles are fetched (fetchPending). Every entry is accounted for in the report.
   */
  async importLibrary(
    bytes: Uint8Array,
    fileName: string,
    onProgress?: (report: LibraryImportReport) => void,
  ): Promise<LibraryImportReport> {
    const { detectExportFile, importExportFile } = await loadImport();
    const file = await detectExportFile(bytes, fileName);
    await this.#listed();
    const report = await importExportFile(file, (items) => this.#saver.saveImported(items), onProgress);
    if (this.#fetchInBackground) this.#pending.startBackground();
    return report;
  }

  // --- pending clips: addresses whose articles are still to be fetched ---------------------------

  fetchStatus(): FetchStatus {
    return this.#pending.status();
  }

  /** Fetches the pending clips that are due, politely, until none is left or `signal` stops it (the CLI's `fetch`). */
  fetchPending(options?: FetchPendingOptions): Promise<FetchRun> {
    return this.#pending.run(options);
  }

  /** Tries one pending clip's article now, whatever its schedule (a person asked). */
  async fetchArticle(id: string): Promise<'fetched' | 'failed' | 'gone'> {
    await this.#listed();
    return this.#pending.attempt(id);
  }

  /** From now on pending clips are fetched in the background, as they come (for an app that stays open). */
  startFetching(): void {
    this.#fetchInBackground = true;
    void this.#listed().then(() => this.#pending.startBackground());
  }

  pauseFetching(): void {
    this.#pending.pause();
  }

  resumeFetching(): void {
    this.#pending.resume();
  }

  /** Clips outside the trash whose text shows pictures the library does not keep, newest first. */
  clipsMissingPictures(): string[] {
    return this.#catalog.idsMissingPictures();
  }

  /**
   * Fetches again the pictures a clip shows by address only (their fetch failed, or the clip predates
   * kept pictures) and keeps those that arrive. The text stays the same, so no version is added.
   */
  fetchPictures(id: string): Promise<PictureCount> {
    return this.#pictures.fetchAgain(id);
  }

  /** A stored picture's bytes and media type, by the name the content gives it; null for anything else. */
  picture(name: string): Promise<{ bytes: Buffer; type: string } | null> {
    return this.#pictures.picture(name);
  }

  /** The full id of the one clip whose id starts with `prefix` (for people typing ids). */
  resolveId(prefix: string): string {
    const wanted = prefix.trim().toLowerCase();
    if (this.#catalog.has(wanted)) return wanted;
    const matches = wanted.length >= 4 ? this.#catalog.idsStartingWith(wanted, 2) : [];
    if (matches.length === 1 && matches[0]) return matches[0];
    const reason = matches.length > 1 ? `${prefix} matches more than one clip; give more of the id` : `no clip with id ${prefix}`;
    throw new ClipdeskError('NOT_FOUND', reason);
  }

  /** Ranked hits with snippets; filter-only queries list clips newest first. Throws BAD_QUERY. */
  async search(query: string, options: { limit?: number; offset?: number } = {}): Promise<SearchResult> {
    return searchClips(this.#catalog, this.#store, query, options);
  }

  // --- editing ----------------------------------------------------------------------------------

  async update(id: string, patch: ClipPatch): Promise<ClipSummary> {
    const changes = parseInput(clipPatchSchema, patch);
    return this.#editor.edit(id, (record) => ({ ...record, ...changes }));
  }

  async addTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    const tags = cleanTagNames(names);
    return this.#editor.edit(id, (record) => ({ ...record, tags: withTags(record.tags, tags) }));
  }

  async removeTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    return this.#editor.edit(id, (record) => ({ ...record, tags: withoutTags(record.tags, names) }));
  }

  /** Every tag on a clip outside the trash, with how many clips carry it, most used first. */
  tags(): TagCount[] {
    return this.#catalog.tags();
  }

  /** Renames a tag everywhere; renaming onto an existing tag merges the two. Returns clips changed. */
  renameTag(from: string, to: string): Promise<number> {
    return this.mergeTags([from], to);
  }

  async mergeTags(from: readonly string[], into: string): Promise<number> {
    const [cleaned] = cleanTagNames([into]);
    if (!cleaned) throw new ClipdeskError('BAD_INPUT', 'a tag needs a name');
    // Merging into a tag that exists keeps its spelling; renaming a tag to another case changes it.
    const renamesItself = from.some((name) => sameTag(name, cleaned));
    const target = renamesItself ? cleaned : (this.tags().find((tag) => sameTag(tag.name, cleaned))?.name ?? cleaned);
    return this.#editor.editTagged(from, (tags) => replaceTags(tags, from, target));
  }

  async deleteTag(name: string): Promise<number> {
    return this.#editor.editTagged([name], (tags) => withoutTags(tags, [name]));
  }

  // --- annotations ------------------------------------------------------------------------------

  annotate(clipId: string, input: AnnotationInput): Promise<Annotation> {
    return this.#annotations.annotate(clipId, input);
  }

  /**
   * Highlights the passage a person selected on the page they clipped, if the clip's text has it;
   * the same selection sent twice is highlighted once. Returns whether the text has it.
   */
  highlightSelection(clipId: string, selection: string): Promise<boolean> {
    return this.#annotations.highlightSelection(clipId, selection);
  }

  updateAnnotation(clipId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.#annotations.update(clipId, annotationId, patch);
  }

  deleteAnnotation(clipId: string, annotationId: string): Promise<void> {
    return this.#annotations.delete(clipId, annotationId);
  }

  // --- trash and revisions ----------------------------------------------------------------------

  async trash(id: string): Promise<ClipSummary> {
    return this.#editor.edit(id, (record) => ({ ...record, deletedAt: new Date().toISOString() }));
  }

  async restore(id: string): Promise<ClipSummary> {
    return this.#editor.edit(id, (record) => ({ ...record, deletedAt: null }));
  }

  /** Deletes the clips in the trash for good, bodies and revisions included. Returns how many. */
  async emptyTrash(): Promise<number> {
    await this.#listed();
    const gone: ClipRecord[] = [];
    await this.#editor.commit(this.#catalog.trashedIds(), (fresh) => {
      if (!fresh?.deletedAt) return fresh;
      gone.push(fresh);
      return undefined;
    });
    for (const record of gone) await this.#store.deleteBodies(record);
    // Which pictures the clips show is known once a rebuild has read every text; until then none is deleted.
    if (!this.catalogStatus().rebuilding) await this.#pictures.collectUnused();
    return gone.length;
  }

  async revisions(id: string): Promise<Revision[]> {
    return (await this.#store.require(id)).revisions;
  }

  /** Makes revision `n` the current content again; the content it replaces becomes a revision too. */
  async restoreRevision(id: string, n: number): Promise<ClipSummary> {
    const record = await this.#store.require(id);
    const revision = record.revisions.find((r) => r.n === n);
    if (!revision) throw new ClipdeskError('NOT_FOUND', `clip ${id} has no revision ${n}`);
    const body = await this.#store.readBody(id, revision.contentHash);
    await this.#listed();
    return this.#saver.restore(id, { ...extractedOf(record, body), title: revision.title });
  }

  // --- exports and backups ----------------------------------------------------------------------

  /**
   * The given clips, or every clip outside the trash newest first, serialized a clip at a time: the
   * caller writes each piece as it comes, so a library of any size exports in constant memory. HTML
   * carries the pictures inline; Markdown links to copies in `pictureFolder` when it is given.
   */
  export(format: StreamedExportFormat, ids?: readonly string[], pictureFolder?: PictureFolder): AsyncGenerator<string> {
    return this.#exports.export(format, ids, pictureFolder);
  }

  /** The given clips, or every clip outside the trash, as a Markdown vault in `dir`, their pictures in `dir/pictures`. */
  exportVault(dir: string, ids?: readonly string[]): Promise<VaultExport> {
    return this.#exports.exportVault(dir, ids);
  }

  /**
   * The clips of `scope` as one file for the window to save, made in memory (the CLI streams instead,
   * which suits a library too big to hold). A backup always holds the whole library.
   */
  exportAs(format: FileExportFormat, scope: ExportScope): Promise<ExportedBytes> {
    return this.#exports.exportAs(format, scope);
  }

  /** Writes the whole library, trash included, to a backup archive at `file` (a zip; see backup-format.ts). */
  backup(file: string): Promise<BackupCounts> {
    return this.#exports.backup(file);
  }

  /**
   * Restores a backup archive (a path, or its bytes) into an empty folder and opens the library there;
   * a library of an older version is migrated as it opens. The caller closes the library.
   */
  static async restoreBackup(
    archive: string | Uint8Array,
    intoDir: string,
    options?: LibraryOptions,
  ): Promise<{ library: Library; restored: RestoredBackup }> {
    const { restoreBackup } = await import('./backup/restore-backup.js');
    const restored = await restoreBackup(archive, intoDir);
    return { library: await Library.open(intoDir, options), restored };
  }

  /** The ids of every clip a search query matches, best first. Throws BAD_QUERY. */
  idsMatching(query: string): string[] {
    return this.#exports.idsMatching(query);
  }
}

/** The app prints with its own Chromium; the CLI and the web host with the system's, loaded when first used. */
async function printerOf(options: LibraryOptions): Promise<PdfPrinter> {
  return options.printPdf ?? (await import('./digest/chromium-printer.js')).chromiumPrinter();
}

/** The importers of other apps' exports load when first used, with extraction (they extract what the exports carry). */
function loadImport(): Promise<typeof Import> {
  return import('./import/index.js');
}
