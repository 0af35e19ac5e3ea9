/**
 * THE contract between every host (Electron IPC, web host, CLI) and the core `Library` facade: what
 * the library returns and the API it offers are here; what callers send, with the schemas hosts
 * validate it with, is in api-inputs.ts and re-exported. The renderer imports types from here and
 * nothing else.
 */
import type {
  AnnotationInput, AnnotationPatch, ClipPatch, DigestDefinition, DigestFormat, DigestPreset, ExportScope, FileExportFormat, ImportInput,
  ListOptions, SearchOptions,
} from './api-inputs.js';
import type { HighlightColor } from './shared/highlight-colors.js';
import type { ReadState } from './shared/read-states.js';
import type { SyncConnectionReport, SyncSettingsInput, SyncSettingsView, SyncStatus } from './sync-api.js';

export * from './api-inputs.js';
export type { ApiMethod } from './shared/api-methods.js';
export { DIGEST_CONTENTS, DIGEST_GROUPS, DIGEST_ORDERS, MAX_DIGEST_ITEMS, PAPERS } from './shared/digest-choices.js';
export type { DigestContent, DigestGroup, DigestOrder, Paper } from './shared/digest-choices.js';
export { HIGHLIGHT_COLORS } from './shared/highlight-colors.js';
export type { HighlightColor } from './shared/highlight-colors.js';
export { READ_STATES } from './shared/read-states.js';
export { syncSettingsInputSchema } from './sync-api.js';
export type { SyncConnectionReport, SyncSettingsInput, SyncSettingsView, SyncState, SyncStatus } from './sync-api.js';
export type { ReadState } from './shared/read-states.js';

/** W3C Web Annotation TextQuoteSelector: the quoted text with some context on both sides. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets in Unicode code points over the clip's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationTarget {
  source: string; // clip id
  selector: [TextQuoteSelector, TextPositionSelector];
}

/** How a highlight was found again in the clip's current text. */
export type AnchorStatus = 'exact' | 'quote' | 'fuzzy' | 'orphan';

export interface Annotation {
  id: string;
  clipId: string;
  created: string;
  modified: string;
  color: HighlightColor;
  note: string;
  target: AnnotationTarget;
  status: AnchorStatus;
}

/** What extraction produces from a URL, HTML, text or file; the store adds identity and user data. */
export interface ExtractedClip {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  source: string | null;
  /** ISO 8601; keeps the offset when the page states one, no offset when it gives a local time. */
  publishedAt: string | null;
  /** The date as the page wrote it, e.g. "2023-08-26 13:36". */
  publishedText: string | null;
  language: string | null;
  excerpt: string;
  wordCount: number;
  /** Sanitized HTML: no script, no event handlers, no remote loads. */
  content: string;
  /** Plain text the highlights anchor to. */
  text: string;
}

/** A clip as listed: everything but the body. */
export interface ClipSummary extends Omit<ExtractedClip, 'content' | 'text'> {
  id: string;
  clippedAt: string;
  updatedAt: string;
  tags: string[];
  note: string;
  starred: boolean;
  readState: ReadState;
  /** Set while the clip is an address whose article is still to be fetched (an entry of another app's export). */
  pending: PendingArticle | null;
  deletedAt: string | null;
  contentHash: string;
  revisions: number;
  annotationCount: number;
}

/** How the fetching of a pending clip's article stands. */
export interface PendingArticle {
  attempts: number;
  /** Why the last attempt failed, in words. */
  lastError: string | null;
  /** When the next attempt is due; null once Clipdesk has given up (then only a fetch on request tries again). */
  nextAttemptAt: string | null;
}

export interface Clip extends ClipSummary {
  content: string;
  text: string;
  annotations: Annotation[];
  /** Values a sync replaced with an edit made at the same time on another machine, oldest first. */
  history: ReplacedValue[];
}

/** A value of a clip's part (e.g. its note, or a tag) that lost to a concurrent edit elsewhere. */
export interface ReplacedValue {
  /**
   * 'title', 'note', 'starred', 'readState', 'deletedAt', 'pending', 'page' (the page's text and
   * metadata), or 'highlight' (a highlight's note and colour: { quote, note, color }); tags merge as a
   * set and leave no history.
   */
  part: string;
  /** The part's fields as they were, e.g. { note: '…' }. */
  value: Record<string, unknown>;
  /** When that value was made, and when the winning one was. */
  stamp: string;
  replacedAt: string;
}

export interface Revision {
  n: number;
  savedAt: string;
  title: string;
  contentHash: string;
}

export interface ImportResult {
  clip: ClipSummary;
  /** 'created' for a new clip, 'updated' when the same article came back with new content, 'unchanged' otherwise. */
  outcome: 'created' | 'updated' | 'unchanged';
  /** The clip's pictures: kept in the library, or shown by address only (their fetch failed; fetch them again later). */
  pictures: PictureCount;
}

/** What became of one input of `importMany`, by its place in the list: saved as `import` saves it, or failed and why. */
export type BatchImportResult = ({ index: number } & ImportResult) | { index: number; outcome: 'failed'; reason: string };

export interface PictureCount {
  kept: number;
  missing: number;
}

export interface ExportFileInput {
  name: string;
  /** The file's bytes, base64. */
  data: string;
}

/** How the fetching of pending clips' articles stands. */
export interface FetchStatus {
  /** Clips waiting for their articles, and of those how many Clipdesk gave up on (until asked again). */
  pending: number;
  failed: number;
  running: boolean;
  paused: boolean;
  /** Fetched and failed since the current run began. */
  run: { fetched: number; failed: number };
}

/**
 * How the catalog (the list, tags and search index, derived from the store) stands. After an update or
 * damage it is rebuilt in the background: first every clip is listed (`listing`), then each clip's
 * text is indexed for search (`indexed` of `total`); until then lists and searches show what is done.
 */
export interface CatalogStatus {
  rebuilding: boolean;
  listing: boolean;
  /** Clips listed so far while listing; clips whose text is indexed afterwards. */
  indexed: number;
  /** Every clip, once listing is over (0 before). */
  total: number;
}

/** What importing another app's export did, entry by entry: nothing is dropped without a line here. */
export interface LibraryImportReport {
  /** The format detected from the file's content, and what was found in it. */
  format: string;
  description: string;
  entries: number;
  created: number;
  /** Entries for pages the library had (or an earlier entry named): their tags and highlights were merged in. */
  merged: number;
  /** Clips made from an address alone, whose articles are still to be fetched. */
  pending: number;
  failed: number;
  skipped: number;
  /** Each failed or skipped entry, and each one read with something lost (a warning): where it stands in the file, and why. */
  problems: Array<{ source: string; kind: 'failed' | 'skipped' | 'warning'; reason: string }>;
}

export interface TagCount {
  name: string;
  count: number;
}

/**
 * A short excerpt of a hit's text around its matches: plain text (never HTML) and the stretches to
 * mark, as [start, end) offsets in UTF-16 code units of `text` (what `String.prototype.slice` takes).
 */
export interface Snippet {
  text: string;
  marks: Array<[start: number, end: number]>;
}

export interface SearchHit {
  clip: ClipSummary;
  score: number;
  snippet: Snippet;
}

export interface SearchResult {
  query: string;
  total: number;
  /** More clips match than `total` says: counting stops there, as nobody reads further. */
  totalIsLowerBound: boolean;
  hits: SearchHit[];
}

export interface ListResult {
  total: number;
  clips: ClipSummary[];
}

/** An export made for the window to save: a file name to offer, its media type and its bytes (base64 over the wire). */
export interface ExportedFile {
  name: string;
  type: string;
  data: string;
}

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

export interface ClipperInfo {
  port: number;
  /** A `javascript:` bookmarklet that posts the current page to the clipper, token included. */
  bookmarklet: string;
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
