import { join } from 'node:path';
import type {
  Annotation, AnnotationInput, AnnotationPatch, BatchImportResult, CatalogStatus, Clip, ClipPatch, ClipSummary, ExportScope, ExtractedClip,
  FetchStatus,
  FileExportFormat, ImportInput, ImportResult, LibraryImportReport, ListOptions, ListResult, PictureCount, Revision, SearchResult,
  StreamedExportFormat, TagCount,
} from '../api.js';
import {
  annotationInputSchema, annotationPatchSchema, clipPatchSchema, exportScopeSchema, importInputSchema, listOptionsSchema,
} from '../api.js';
import { findSelection } from './annotate/index.js';
import { createAnnotation } from './annotations.js';
import type { Catalog } from './catalog/catalog.js';
import type { BackgroundRebuild } from './catalog/background-rebuild.js';
import type { RebuildProgress } from './catalog/rebuild-wait.js';
import { mirrorInto, openCatalog } from './catalog/catalog-sync.js';
import { pictureMediaType } from '../shared/picture-names.js';
import { ClipSaver } from './clip-saver.js';
import type { ToSave } from './clip-saver.js';
import { importInBatches } from './import-batches.js';
import { countPictures, keepPictures } from './pictures/keep-pictures.js';
import type { PictureFetchOptions } from './pictures/fetch-pictures.js';
import type { BackupCounts } from './backup/backup-format.js';
import type { RestoredBackup } from './backup/restore-backup.js';
import type { ExportedBytes } from './export/export-file.js';
import type { PictureFolder } from './export/export-pictures.js';
import type { VaultExport } from './export/vault.js';
import { PictureStore } from './pictures/picture-store.js';
import { PendingArticles } from './import/pending-articles.js';
import type { FetchPendingOptions, FetchRun } from './import/fetch-pending.js';
import { extractedOf, toSummary, writtenRecord } from './clip-record.js';
import type * as Extraction from './clip/index.js';
import type * as Import from './import/index.js';
import { ClipdeskError } from './errors.js';
import { hitSnippet, parseQuery } from './search/index.js';
import { ClipStore } from './store/clip-store.js';
import { describeLostClips, describeRecovery } from './store/recovery.js';
import type { CommitObserver } from './store/clip-store.js';
import type { ClipRecord } from './store/schema.js';
import { parseInput } from './validation.js';
import { sameTag } from '../shared/tag-names.js';
import { cleanTagNames, replaceTags, withTags, withoutTags } from './tags.js';

export interface LibraryOptions {
  fetchTimeoutMs?: number;
  maxBytes?: number;
  /** Rebuild the catalog (list and search index) from the store instead of trusting the file. */
  rebuildCatalog?: boolean;
  /**
   * Whether a rebuild (after an update, damage, or `rebuildCatalog`) runs in the background while the
   * library is used (an app: see catalogStatus), or `open` waits for it (the CLI, whose answers must be whole).
   */
  rebuildInBackground?: boolean;
  /** How a rebuild that `open` waits for goes: its own, or another Clipdesk process's (`elsewhere`). */
  onRebuildProgress?: (progress: RebuildProgress) => void;
  /** Tests only: a pause after each batch of a background rebuild, so a small library's rebuild can be watched. */
  rebuildPauseMs?: number;
  /** Tests only: how long another process's rebuild may make no progress before `open` gives up (LOCKED). */
  rebuildStallMs?: number;
  /** Limits on fetching a clip's pictures (sizes, time, concurrency; the defaults suit people), or false to fetch none. */
  pictures?: Omit<PictureFetchOptions, 'pageUrl'> | false;
}

/** What opening found and did, for hosts to tell the user. */
export interface OpenReport {
  catalogRebuilt: boolean;
  /** Clips whose catalog entry was brought up to date after a crash or an outside change. */
  catalogRepaired: number;
  /** Clips the catalog listed that the store no longer has (a shard restored from an older backup). */
  lostClips: Array<{ id: string; title: string }>;
}

const DEFAULT_SEARCH_LIMIT = 50;
const CATALOG_WHOLE: CatalogStatus = { rebuilding: false, listing: false, indexed: 0, total: 0 };
/** How long a stored picture no clip shows yet is kept: an import stores pictures before its clip. */
const PICTURE_GRACE_MS = 60 * 60 * 1000;
/** Clips listed per catalog read while an export gathers what to write. */
const EXPORT_PAGE = 1000;

/**
 * The facade every host calls (Electron IPC, web host, CLI, tests). It owns the store (the system of
 * record) and the catalog (list, tags and full-text search, derived from the store) and keeps them
 * in step; everything it returns is plain JSON-able data.
 */
export class Library {
  readonly dir: string;
  readonly opened: OpenReport;
  readonly #store: ClipStore;
  readonly #catalog: Catalog;
  readonly #mirror: CommitObserver;
  readonly #saver: ClipSaver;
  readonly #pictures: PictureStore;
  readonly #pending: PendingArticles;
  readonly #rebuild: BackgroundRebuild | null;
  /** Whether pending clips are fetched in the background (an app that stays open), or only on request (the CLI). */
  #fetchInBackground = false;
  readonly #options: LibraryOptions;

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
    this.#mirror = mirrorInto(catalog, store);
    this.#saver = new ClipSaver(store, catalog, this.#mirror);
    this.#pictures = new PictureStore(store.dir);
    this.#pending = new PendingArticles(store, catalog, this.#saver, this.#mirror, (url) => this.#fetchArticle(url));
    this.#options = options;
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
    this.#pending.pause();
    this.#catalog.close();
  }

  // --- clipping ---------------------------------------------------------------------------------

  async import(input: ImportInput): Promise<ImportResult> {
    return this.#save(await this.#extract(input));
  }

  async importFile(path: string, tags: readonly string[] = []): Promise<ImportResult> {
    return this.#save(await this.#extractFile(path, tags));
  }

  /**
   * Imports many inputs as `import` would one after another, but a batch at a time: each batch is
   * saved under one lock and in one commit, and an input for a page the library or an earlier input
   * has is the same clip. Addresses are fetched a few at a time. Returns one result per input, in
   * order; an input that fails says why, and the others are saved.
   */
  async importMany(inputs: readonly ImportInput[]): Promise<BatchImportResult[]> {
    await this.#listed();
    return importInBatches(inputs.length, (index) => this.#extract(inputs[index]), (items) => this.#saver.saveMany(items));
  }

  /** `importMany` for files on disk (.html, .txt, .md), each with the same tags. */
  async importFiles(paths: readonly string[], tags: readonly string[] = []): Promise<BatchImportResult[]> {
    await this.#listed();
    return importInBatches(paths.length, (index) => this.#extractFile(paths[index] ?? '', tags), (items) => this.#saver.saveMany(items));
  }

  async #extract(input: ImportInput | undefined): Promise<ToSave> {
    const request = parseInput(importInputSchema, input);
    const tags = cleanTagNames(request.tags ?? []);
    const { clipFromBase64File, clipFromHtml, clipFromText, clipFromUrl } = await loadExtraction();
    switch (request.kind) {
      case 'url': return this.#withPictures(await clipFromUrl(request.url, this.#options), tags);
      case 'html': return this.#withPictures(clipFromHtml(request.html, { url: request.url }), tags);
      case 'text': return this.#withPictures(clipFromText(request.text, { url: request.url, markdown: request.markdown }), tags);
      case 'file': return this.#withPictures(clipFromBase64File(request.name, request.data), tags);
    }
  }

  async #extractFile(path: string, tags: readonly string[]): Promise<ToSave> {
    const cleaned = cleanTagNames(tags);
    const { clipFromFile } = await loadExtraction();
    return this.#withPictures(await clipFromFile(path), cleaned);
  }

  /**
   * Keeps the pictures of a page that came from the web (its address says where they are, and whose
   * own host may show them) before its clip is saved. A picture that fails leaves the clip saved anyway.
   */
  async #withPictures(extracted: ExtractedClip, tags: readonly string[]): Promise<ToSave> {
    const content = extracted.url ? (await this.#keepPictures(extracted.content, extracted.url)).content : extracted.content;
    return { extracted: { ...extracted, content }, tags };
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

  async get(id: string): Promise<Clip> {
    const record = await this.#store.require(id);
    const body = await this.#store.readBody(id, record.contentHash);
    return { ...toSummary(record), content: body.content, text: body.text, annotations: record.annotations };
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

  async #fetchArticle(url: string): Promise<ExtractedClip> {
    const { clipFromUrl } = await loadExtraction();
    const extracted = await clipFromUrl(url, this.#options);
    return { ...extracted, content: (await this.#keepPictures(extracted.content, extracted.url)).content };
  }

  /** Clips outside the trash whose text shows pictures the library does not keep, newest first. */
  clipsMissingPictures(): string[] {
    return this.#catalog.idsMissingPictures();
  }

  /**
   * Fetches again the pictures a clip shows by address only (their fetch failed, or the clip predates
   * kept pictures) and keeps those that arrive. The text stays the same, so no version is added.
   */
  async fetchPictures(id: string): Promise<PictureCount> {
    const record = await this.#store.require(id);
    const body = await this.#store.readBody(id, record.contentHash);
    const kept = await this.#keepPictures(body.content, record.url);
    if (kept.content === body.content) return countPictures(body.content);
    await this.#listed();
    return this.#store.exclusive(async (writer) => {
      const fresh = await this.#store.require(id);
      // Clipped again meanwhile with other text: these pictures belong to a version that is now a revision.
      if (fresh.contentHash !== record.contentHash) return countPictures((await this.#store.readBody(id, fresh.contentHash)).content);
      await this.#store.writeBody(id, { ...body, content: kept.content });
      await writer.commit([id], (current) => current && { ...current, updatedAt: new Date().toISOString() }, this.#mirror);
      return { kept: kept.kept, missing: kept.missing };
    });
  }

  #keepPictures(content: string, pageUrl: string | null): Promise<{ content: string } & PictureCount> {
    const options = this.#options.pictures;
    if (options === false) return Promise.resolve({ content, ...countPictures(content) });
    return keepPictures(content, this.#pictures, { ...options, pageUrl });
  }

  /** A stored picture's bytes and media type, by the name the content gives it; null for anything else. */
  async picture(name: string): Promise<{ bytes: Buffer; type: string } | null> {
    const type = pictureMediaType(name);
    const bytes = type ? await this.#pictures.get(name) : null;
    return type && bytes ? { bytes, type } : null;
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
    const parsed = parseQuery(query);
    if (parsed.groups.length === 0 && parsed.filters.length === 0) return { query, total: 0, totalIsLowerBound: false, hits: [] };
    const found = this.#catalog.search(parsed, pageOption(options.limit, DEFAULT_SEARCH_LIMIT), pageOption(options.offset, 0));
    const hits = found.hits.map(({ clip, score }) => {
      const text = this.#store.readText(clip.id, clip.contentHash);
      return { clip, score, snippet: hitSnippet(text, parsed) };
    });
    return { query, total: found.total, totalIsLowerBound: found.totalIsLowerBound, hits };
  }

  // --- editing ----------------------------------------------------------------------------------

  async update(id: string, patch: ClipPatch): Promise<ClipSummary> {
    const changes = parseInput(clipPatchSchema, patch);
    return this.#edit(id, (record) => ({ ...record, ...changes }));
  }

  async addTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    const tags = cleanTagNames(names);
    return this.#edit(id, (record) => ({ ...record, tags: withTags(record.tags, tags) }));
  }

  async removeTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    return this.#edit(id, (record) => ({ ...record, tags: withoutTags(record.tags, names) }));
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
    return this.#editTagged(from, (tags) => replaceTags(tags, from, target));
  }

  async deleteTag(name: string): Promise<number> {
    return this.#editTagged([name], (tags) => withoutTags(tags, [name]));
  }

  async #editTagged(names: readonly string[], change: (tags: string[]) => string[]): Promise<number> {
    await this.#listed();
    const ids = this.#catalog.idsTagged(names);
    if (ids.length === 0) throw new ClipdeskError('NOT_FOUND', `no clip is tagged ${names.join(', ')}`);
    const now = new Date().toISOString();
    await this.#commit(ids, (fresh) => fresh && { ...fresh, tags: change(fresh.tags), updatedAt: now });
    return ids.length;
  }

  // --- annotations ------------------------------------------------------------------------------

  async annotate(clipId: string, input: AnnotationInput): Promise<Annotation> {
    const request = parseInput(annotationInputSchema, input);
    const { text } = await this.get(clipId);
    const annotation = createAnnotation(clipId, text, request, new Date().toISOString());
    await this.#edit(clipId, (record) => ({ ...record, annotations: [...record.annotations, annotation] }));
    return annotation;
  }

  /**
   * Highlights the passage a person selected on the page they clipped, if the clip's text has it;
   * the same selection sent twice is highlighted once. Returns whether the text has it.
   */
  async highlightSelection(clipId: string, selection: string): Promise<boolean> {
    const { text, annotations } = await this.get(clipId);
    const range = findSelection(text, selection);
    if (!range) return false;
    const already = annotations.some(({ target }) => target.selector[1].start === range.start && target.selector[1].end === range.end);
    if (!already) await this.annotate(clipId, range);
    return true;
  }

  async updateAnnotation(clipId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation> {
    const changes = parseInput(annotationPatchSchema, patch);
    const modified = new Date().toISOString();
    const record = await this.#editRecord(clipId, (fresh) => ({
      ...fresh,
      annotations: fresh.annotations.map((a) => (a.id === annotationId ? { ...a, ...changes, modified } : a)),
    }));
    const updated = record.annotations.find((a) => a.id === annotationId);
    if (!updated) throw new ClipdeskError('NOT_FOUND', `clip ${clipId} has no highlight ${annotationId}`);
    return updated;
  }

  async deleteAnnotation(clipId: string, annotationId: string): Promise<void> {
    if (!(await this.#store.require(clipId)).annotations.some((a) => a.id === annotationId)) {
      throw new ClipdeskError('NOT_FOUND', `clip ${clipId} has no highlight ${annotationId}`);
    }
    await this.#edit(clipId, (record) => ({ ...record, annotations: record.annotations.filter((a) => a.id !== annotationId) }));
  }

  // --- trash and revisions ----------------------------------------------------------------------

  async trash(id: string): Promise<ClipSummary> {
    return this.#edit(id, (record) => ({ ...record, deletedAt: new Date().toISOString() }));
  }

  async restore(id: string): Promise<ClipSummary> {
    return this.#edit(id, (record) => ({ ...record, deletedAt: null }));
  }

  /** Deletes the clips in the trash for good, bodies and revisions included. Returns how many. */
  async emptyTrash(): Promise<number> {
    await this.#listed();
    const gone: ClipRecord[] = [];
    await this.#commit(this.#catalog.trashedIds(), (fresh) => {
      if (!fresh?.deletedAt) return fresh;
      gone.push(fresh);
      return undefined;
    });
    for (const record of gone) await this.#store.deleteBodies(record);
    // Which pictures the clips show is known once a rebuild has read every text; until then none is deleted.
    if (!this.catalogStatus().rebuilding) await this.#collectPictures();
    return gone.length;
  }

  /** Deletes the stored pictures no clip shows any more, in any version, not even one in the trash. */
  async #collectPictures(): Promise<number> {
    const unused = this.#catalog.unusedPictures(await this.#pictures.names());
    return this.#pictures.collect(unused, PICTURE_GRACE_MS);
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

  /**
   * The given clips, or every clip outside the trash newest first, serialized a clip at a time: the
   * caller writes each piece as it comes, so a library of any size exports in constant memory. HTML
   * carries the pictures inline; Markdown links to copies in `pictureFolder` when it is given.
   */
  async *export(format: StreamedExportFormat, ids?: readonly string[], pictureFolder?: PictureFolder): AsyncGenerator<string> {
    // Loaded when used: its HTML-to-Markdown converter would slow every start.
    const { exportClips, withExportedPictures } = await import('./export/index.js');
    const withPictures = (clip: Clip) => withExportedPictures(clip, format, this.#pictures, this.dir, pictureFolder);
    yield* exportClips(this.#clips(ids ?? this.#listedIds(), withPictures), format);
  }

  /** The given clips, or every clip outside the trash, as a Markdown vault in `dir`, their pictures in `dir/pictures`. */
  async exportVault(dir: string, ids?: readonly string[]): Promise<VaultExport> {
    const { VAULT_PICTURES, withExportedPictures, writeVault } = await import('./export/index.js');
    const folder = { path: join(dir, VAULT_PICTURES), href: VAULT_PICTURES };
    const withPictures = (clip: Clip) => withExportedPictures(clip, 'vault', this.#pictures, this.dir, folder);
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
      : await collectText(this.export(format, this.#idsIn(parseInput(exportScopeSchema, scope))));
    return exportedFile(format, bytes);
  }

  /** Writes the whole library, trash included, to a backup archive at `file` (a zip; see backup-format.ts). */
  async backup(file: string): Promise<BackupCounts> {
    const { writeBackup } = await import('./backup/write-backup.js');
    return writeBackup(this.#store, this.#pictures, file);
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

  /**
   * The ids of every clip a search query matches, best first. Asked in one page grown until it holds
   * them all: pages of a ranked search are each ranked on their own window, so a walk of pages could
   * list a clip twice or miss one. Throws BAD_QUERY.
   */
  idsMatching(query: string): string[] {
    const parsed = parseQuery(query);
    if (parsed.groups.length === 0 && parsed.filters.length === 0) return [];
    for (let limit = EXPORT_PAGE; ; limit *= 4) {
      const { hits } = this.#catalog.search(parsed, limit, 0);
      if (hits.length < limit) return hits.map((hit) => hit.clip.id);
    }
  }

  async *#clips(ids: readonly string[], prepare: (clip: Clip) => Promise<Clip>): AsyncGenerator<Clip> {
    for (const id of ids) yield await prepare(await this.get(id));
  }

  #idsIn(scope: ExportScope): readonly string[] {
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
    let page = this.list({ ...options, limit: EXPORT_PAGE });
    while (page.clips.length > 0) {
      ids.push(...page.clips.map((clip) => clip.id));
      page = this.list({ ...options, limit: EXPORT_PAGE, offset: ids.length });
    }
    return ids;
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** Changes one clip's user data. */
  async #edit(id: string, change: (record: ClipRecord) => ClipRecord): Promise<ClipSummary> {
    return toSummary(await this.#editRecord(id, change));
  }

  async #editRecord(id: string, change: (record: ClipRecord) => ClipRecord): Promise<ClipRecord> {
    await this.#listed();
    if (!this.#catalog.has(id)) throw new ClipdeskError('NOT_FOUND', `no clip with id ${id}`);
    const now = new Date().toISOString();
    const [record] = await this.#commit([id], (fresh) => fresh && { ...change(fresh), updatedAt: now });
    return writtenRecord(record, id);
  }

  /** A store commit mirrored into the catalog under the same lock. */
  #commit(
    ids: readonly string[],
    change: (record: ClipRecord | undefined) => ClipRecord | undefined,
  ): Promise<Array<ClipRecord | undefined>> {
    return this.#store.commit(ids, change, this.#mirror);
  }
}

/**
 * Extraction (jsdom, Readability, DOMPurify) is loaded when something is first clipped: it is most
 * of the start-up cost, and listing, searching and editing never need it.
 */
function loadExtraction(): Promise<typeof Extraction> {
  // Asked once per input: a batch import would otherwise resolve the module thousands of times.
  extraction ??= import('./clip/index.js');
  return extraction;
}
let extraction: Promise<typeof Extraction> | undefined;

/** The importers of other apps' exports load when first used, with extraction (they extract what the exports carry). */
function loadImport(): Promise<typeof Import> {
  return import('./import/index.js');
}

/** A usable non-negative integer option, or the fallback. */
function pageOption(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
