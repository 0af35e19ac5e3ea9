/**
 * What the library returns: clips, highlights, search hits, import and fetch reports, files made for
 * the window. Part of the one contract: api.ts re-exports all of it, and the renderer takes these
 * types from there.
 */
import type { HighlightColor } from './shared/highlight-colors.js';
import type { ReadState } from './shared/read-states.js';

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

export interface ClipperInfo {
  port: number;
  /** A `javascript:` bookmarklet that posts the current page to the clipper, token included. */
  bookmarklet: string;
}
