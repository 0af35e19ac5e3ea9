/**
 * THE contract between every host (Electron IPC, web host, CLI) and the core `Library` facade: the API
 * it offers, how a call fails and crosses IPC or HTTP, and what the shell tells the window. What callers
 * send, with the schemas hosts validate it with, is in api-inputs.ts; what the library returns is in
 * api-results.ts; both are re-exported here. The renderer imports types from here and nothing else.
 */
import type {
  AnnotationInput, AnnotationPatch, ClipPatch, DigestDefinition, DigestFormat, DigestPreset, ExportFileInput, ExportScope,
  FileExportFormat, ImportInput, ListOptions, SearchOptions,
} from './api-inputs.js';
import type {
  Annotation, CatalogStatus, Clip, ClipSummary, ClipperInfo, ExportedFile, FetchStatus, ImportResult, LibraryImportReport,
  ListResult, PictureCount, Revision, SearchResult, TagCount,
} from './api-results.js';
import type { SyncConnectionReport, SyncSettingsInput, SyncSettingsView, SyncStatus } from './sync-api.js';

export * from './api-inputs.js';
export type * from './api-results.js';
export type { ApiMethod } from './shared/api-methods.js';
export { DIGEST_CONTENTS, DIGEST_GROUPS, DIGEST_ORDERS, MAX_DIGEST_ITEMS, PAPERS } from './shared/digest-choices.js';
export type { DigestContent, DigestGroup, DigestOrder, Paper } from './shared/digest-choices.js';
export { HIGHLIGHT_COLORS } from './shared/highlight-colors.js';
export type { HighlightColor } from './shared/highlight-colors.js';
export { READ_STATES } from './shared/read-states.js';
export { syncSettingsInputSchema } from './sync-api.js';
export type { SyncConnectionReport, SyncSettingsInput, SyncSettingsView, SyncState, SyncStatus } from './sync-api.js';
export type { ReadState } from './shared/read-states.js';

/** What `window.clipdesk` (Electron) and the HTTP bridge (web host) both provide to the renderer. */
export interface ClipdeskApi {
  list(options?: ListOptions): Promise<ListResult>;
  get(id: string): Promise<Clip>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  import(input: ImportInput): Promise<ImportResult>;
  update(id: string, patch: ClipPatch): Promise<ClipSummary>;
  addTags(id: string, tags: string[]): Promise<ClipSummary>;
  removeTags(id: string, tags: string[]): Promise<ClipSummary>;
  tags(): Promise<TagCount[]>;
  renameTag(from: string, to: string): Promise<number>;
  mergeTags(from: string[], into: string): Promise<number>;
  deleteTag(name: string): Promise<number>;
  annotate(clipId: string, input: AnnotationInput): Promise<Annotation>;
  updateAnnotation(clipId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation>;
  deleteAnnotation(clipId: string, annotationId: string): Promise<void>;
  trash(id: string): Promise<ClipSummary>;
  restore(id: string): Promise<ClipSummary>;
  emptyTrash(): Promise<number>;
  revisions(id: string): Promise<Revision[]>;
  restoreRevision(id: string, n: number): Promise<ClipSummary>;
  /** Clips (outside the trash) whose text shows pictures the library does not keep, newest first. */
  clipsMissingPictures(): Promise<string[]>;
  /** Fetches again the pictures a clip shows but the library does not keep; says how many it now keeps and misses. */
  fetchPictures(id: string): Promise<PictureCount>;
  /** What a file is, as another app's export (its format and how many entries), before anything is written. */
  describeExport(file: ExportFileInput): Promise<{ format: string; description: string }>;
  /** Imports another app's export; every entry is in the report. */
  importLibrary(file: ExportFileInput): Promise<LibraryImportReport>;
  /** How the fetching of imported addresses' articles stands. */
  fetchStatus(): Promise<FetchStatus>;
  /** Whether the library's index is being rebuilt, and how far it got. */
  catalogStatus(): Promise<CatalogStatus>;
  /** Tries a pending clip's article now; says how it went. */
  fetchArticle(id: string): Promise<'fetched' | 'failed' | 'gone'>;
  pauseFetching(): Promise<void>;
  resumeFetching(): Promise<void>;
  /** Exports the clips of `scope` in `format` as one file (a backup always holds the whole library). */
  exportAs(format: FileExportFormat, scope: ExportScope): Promise<ExportedFile>;
  /** The clips a press review of `definition` holds, in its order (the window shows them to arrange). */
  digestItems(definition: DigestDefinition): Promise<ClipSummary[]>;
  /** The press review as one self-contained HTML file or a PDF. */
  makeDigest(definition: DigestDefinition, format: DigestFormat): Promise<ExportedFile>;
  /** The saved press-review definitions, by name. */
  digestPresets(): Promise<DigestPreset[]>;
  /** Saves a definition under its name (replacing one of the same name); says what is saved now. */
  saveDigestPreset(preset: DigestPreset): Promise<DigestPreset[]>;
  deleteDigestPreset(name: string): Promise<DigestPreset[]>;
  /** The browser clipper of this run, for the bookmarklet dialog; null where none runs. */
  clipperInfo(): Promise<ClipperInfo | null>;
  /** What the user must be told about the library: damaged files recovered, clips that were lost. */
  notices(): Promise<string[]>;
  /** How sync stands: off, idle, syncing or failing (in words), when it last reached the server, what is pending. */
  syncStatus(): Promise<SyncStatus>;
  /** The kept sync settings (never the password or key); null when sync was never set up. */
  syncSettings(): Promise<SyncSettingsView | null>;
  /** Checks the server with the settings, sets up or unlocks encryption, and keeps them; sync starts. */
  saveSyncSettings(input: SyncSettingsInput): Promise<SyncStatus>;
  /** Whether the server answers to these settings, in words (SYNC_FAILED saying why not). */
  testSyncConnection(input: SyncSettingsInput): Promise<SyncConnectionReport>;
  /** Runs a round of sync now; the status after it. */
  syncNow(): Promise<SyncStatus>;
}

/** Why the library refused or failed a call (the `code` of the core's ClipdeskError). */
export type LibraryErrorCode =
  | 'BAD_INPUT' // a payload, argument or file that is not what it claims to be
  | 'BAD_QUERY' // a search query that cannot be parsed
  | 'NOT_FOUND' // no clip / annotation / tag with that id or name
  | 'FETCH_FAILED' // network error, timeout, HTTP error status, redirect loop
  | 'TOO_LARGE' // a page or body over the size cap
  | 'UNSUPPORTED' // a URL scheme or file type Clipdesk will not import
  | 'EXTRACT_FAILED' // a page with no readable article
  | 'CORRUPT_LIBRARY' // a library file that cannot be read; the original is kept
  | 'NEWER_LIBRARY' // a library written by a newer Clipdesk; refused, not rewritten
  | 'LOCKED' // another process holds the library's write lock
  | 'PRINT_FAILED' // no Chromium to print a PDF with, or printing failed
  | 'BAD_PASSPHRASE' // a sync passphrase that does not unlock the server's key record
  | 'SYNC_FAILED'; // the sync server could not be reached, refused the credentials, or failed

/** Why a host (IPC, the web host, the clipper) turned a call away before or after the library. */
export type HostErrorCode =
  | 'UNAUTHORIZED' // no token, or the wrong one
  | 'FORBIDDEN' // a sender or origin that may not call
  | 'WRONG_HOST' // a Host header that does not name the loopback server (DNS rebinding)
  | 'METHOD_NOT_ALLOWED' // an HTTP method the path does not take
  | 'UNSUPPORTED_MEDIA_TYPE' // a body that is not the content type the path reads
  | 'RATE_LIMITED' // too many calls at once; Retry-After says when to come back
  | 'INTERNAL'; // a bug: the details are in the log, never on the wire

/** Raised by the renderer's HTTP bridge itself, when no answer from the library arrived. */
export type ClientErrorCode = 'OFFLINE' | 'BAD_RESPONSE';

/** The codes that cross IPC and HTTP. */
export type WireErrorCode = LibraryErrorCode | HostErrorCode;

/** Every code an API call can fail with, as the renderer sees them. */
export type ApiErrorCode = WireErrorCode | ClientErrorCode;

/** How a call's outcome crosses IPC or HTTP: errors carry only a stable code and a message. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: WireErrorCode; message: string } };

/**
 * What the Electron main process tells the window (on SHELL_COMMAND_CHANNEL): menu commands, and
 * `refresh` with the id of a clip it made (a deep link, the clipboard, a file it was opened with).
 */
export type ShellCommand =
  | 'focus-search' | 'add-clip' | 'import-library' | 'export' | 'press-review' | 'star' | 'trash' | 'highlight' | 'tag' | 'show-shortcuts'
  | 'sync-settings' | 'show-bookmarklet' | 'refresh';

/** What the preload exposes as `window.clipdeskShell`. */
export interface ClipdeskShell {
  onCommand(listener: (command: ShellCommand, detail: string | null) => void): void;
}
