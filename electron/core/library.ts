import type {
  Annotation, AnnotationInput, AnnotationPatch, BatchImportResult, CatalogStatus, Clip, ClipPatch, ClipSummary, ImportInput,
  ImportResult, LibraryImportReport, ListOptions, ListResult, Revision, SearchResult, TagCount,
} from '../api.js';
import { clipPatchSchema, listOptionsSchema } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import type { BackgroundRebuild } from './catalog/background-rebuild.js';
import { openCatalog } from './catalog/catalog-sync.js';
import type { LibraryDigests } from './library-digests.js';
import type { LibraryExports } from './library-exports.js';
import type { PictureAccess } from './library-pictures.js';
import type { LibraryParts } from './library-parts.js';
import { wireParts } from './library-parts.js';
import type { LibrarySync } from './library-sync.js';
import type { LibraryOptions, OpenReport } from './library-options.js';
import type { RestoredBackup } from './backup/restore-backup.js';
import type { FetchingAccess } from './import/pending-articles.js';
import { readClip } from './clip-record.js';
import { ClipdeskError } from './errors.js';
import { ClipStore } from './store/clip-store.js';
import { describeLostClips, describeRecovery, describeUnreadableTexts } from './store/recovery.js';
import { parseInput } from './validation.js';
import { sameTag } from '../shared/tag-names.js';
import { cleanTagNames, replaceTags, withTags, withoutTags } from './tags.js';

export type { LibraryOptions, OpenReport } from './library-options.js';

const CATALOG_WHOLE: CatalogStatus = { rebuilding: false, listing: false, indexed: 0, total: 0 };

/**
 * The facade every host calls (Electron IPC, web host, CLI, tests). It owns the store (the system of
 * record) and the catalog (list, tags and full-text search, derived from the store) and keeps them
 * in step; everything it returns is plain JSON-able data. Whole concerns live in the parts it hands
 * calls to (library-parts.ts wires them): imports, editing, highlights, the trash, revisions; hosts
 * reach the pictures, exports, pending articles' fetching, press reviews and sync as parts of their
 * own (library.pictures, .exports, .fetching, .digests, .sync).
 */
export class Library {
  readonly dir: string;
  readonly opened: OpenReport;
  readonly #store: ClipStore;
  readonly #catalog: Catalog;
  readonly #parts: LibraryParts;
  /** Press reviews of the library's clips, and their saved definitions. */
  readonly digests: LibraryDigests;
  /** Sync with a CouchDB server the user runs. */
  readonly sync: LibrarySync;
  /** Exports of clips (streamed, a Markdown vault, one file for the window) and backup archives. */
  readonly exports: LibraryExports;
  /** The pictures clips show: those missing, fetched again, and served by name. */
  readonly pictures: PictureAccess;
  /** The fetching of pending clips' articles (imported as addresses alone): now, in a run, or in the background. */
  readonly fetching: FetchingAccess;
  readonly #rebuild: BackgroundRebuild | null;

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
    this.#parts = wireParts(store, catalog, options, rebuild);
    this.digests = this.#parts.digests;
    this.sync = this.#parts.sync;
    this.exports = this.#parts.exports;
    this.pictures = this.#parts.pictures;
    this.fetching = this.#parts.pending;
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
   * What the user must be told about the library's health: damaged files found and how they were
   * recovered (also while it is in use: shards are read when needed), clips that were lost, and text
   * files searches could not read.
   */
  notices(): string[] {
    const { lostClips } = this.opened;
    const { recoveries, texts: { unreadableTexts } } = this.#store;
    return [
      ...recoveries.map(describeRecovery),
      ...(lostClips.length > 0 ? [describeLostClips(lostClips)] : []),
      ...(unreadableTexts.size > 0 ? [describeUnreadableTexts(unreadableTexts)] : []),
    ];
  }

  /** Stops a background rebuild and releases the catalog file; the library must not be used afterwards. */
  async close(): Promise<void> {
    // Stopped first: once every clip is listed, a background fetch may start, and pause must come after it.
    await this.#rebuild?.stop();
    await this.sync.stop();
    this.#parts.pending.pause();
    this.#catalog.close();
    this.#store.close();
  }

  // --- clipping and importing: library-imports.ts -----------------------------------------------

  import(input: ImportInput): Promise<ImportResult> {
    return this.#parts.imports.import(input);
  }

  importFile(path: string, tags: readonly string[] = []): Promise<ImportResult> {
    return this.#parts.imports.importFile(path, tags);
  }

  /**
   * Imports many inputs as `import` would one after another, but a batch at a time: each batch is
   * saved under one lock and in one commit, and an input for a page the library or an earlier input
   * has is the same clip. Addresses are fetched a few at a time. Returns one result per input, in
   * order; an input that fails says why, and the others are saved.
   */
  importMany(inputs: readonly ImportInput[]): Promise<BatchImportResult[]> {
    return this.#parts.imports.importMany(inputs);
  }

  /** `importMany` for files on disk (.html, .txt, .md), each with the same tags. */
  importFiles(paths: readonly string[], tags: readonly string[] = []): Promise<BatchImportResult[]> {
    return this.#parts.imports.importFiles(paths, tags);
  }

  /** What a file is, as another app's export, before anything of it is written. */
  describeExport(bytes: Uint8Array, fileName: string): Promise<{ format: string; description: string }> {
    return this.#parts.imports.describeExport(bytes, fileName);
  }

  /**
   * Imports another app's export (its format told from its content): every entry becomes a clip, or
   * is merged into the clip of the same page; entries that are only an address are pending until
   * their articles are fetched (fetchPending). Every entry is accounted for in the report.
   */
  importLibrary(bytes: Uint8Array, fileName: string, onProgress?: (report: LibraryImportReport) => void): Promise<LibraryImportReport> {
    return this.#parts.imports.importLibrary(bytes, fileName, onProgress);
  }

  // --- reading ----------------------------------------------------------------------------------

  list(options: ListOptions = {}): ListResult {
    return this.#catalog.list(parseInput(listOptionsSchema, options));
  }

  get(id: string): Promise<Clip> {
    return readClip(this.#store, id);
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
    return this.#parts.search.search(query, options);
  }

  // --- editing: clip-editor.ts ------------------------------------------------------------------

  async update(id: string, patch: ClipPatch): Promise<ClipSummary> {
    const changes = parseInput(clipPatchSchema, patch);
    return this.#parts.editor.edit(id, (record) => ({ ...record, ...changes }));
  }

  async addTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    const tags = cleanTagNames(names);
    return this.#parts.editor.edit(id, (record) => ({ ...record, tags: withTags(record.tags, tags) }));
  }

  async removeTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    return this.#parts.editor.edit(id, (record) => ({ ...record, tags: withoutTags(record.tags, names) }));
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
    return this.#parts.editor.editTagged(from, (tags) => replaceTags(tags, from, target));
  }

  async deleteTag(name: string): Promise<number> {
    return this.#parts.editor.editTagged([name], (tags) => withoutTags(tags, [name]));
  }

  // --- annotations: clip-annotations.ts ---------------------------------------------------------

  annotate(clipId: string, input: AnnotationInput): Promise<Annotation> {
    return this.#parts.annotations.annotate(clipId, input);
  }

  /**
   * Highlights the passage a person selected on the page they clipped, if the clip's text has it;
   * the same selection sent twice is highlighted once. Returns whether the text has it.
   */
  highlightSelection(clipId: string, selection: string): Promise<boolean> {
    return this.#parts.annotations.highlightSelection(clipId, selection);
  }

  updateAnnotation(clipId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.#parts.annotations.update(clipId, annotationId, patch);
  }

  deleteAnnotation(clipId: string, annotationId: string): Promise<void> {
    return this.#parts.annotations.delete(clipId, annotationId);
  }

  // --- trash and revisions: library-trash.ts, clip-revisions.ts ---------------------------------

  trash(id: string): Promise<ClipSummary> {
    return this.#parts.trash.put(id);
  }

  restore(id: string): Promise<ClipSummary> {
    return this.#parts.trash.restore(id);
  }

  /** Deletes the clips in the trash for good, bodies and revisions included. Returns how many. */
  emptyTrash(): Promise<number> {
    return this.#parts.trash.empty();
  }

  revisions(id: string): Promise<Revision[]> {
    return this.#parts.revisions.list(id);
  }

  /** Makes revision `n` the current content again; the content it replaces becomes a revision too. */
  restoreRevision(id: string, n: number): Promise<ClipSummary> {
    return this.#parts.revisions.restore(id, n);
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
}
