/**
 * One item of another app's export, as every importer reads it, whatever the format: what the
 * library needs to make (or merge into) a clip. Importers only read files; they never write.
 */

/** Where a clip stands in the reading: kept from the app it came from. */
export type ImportedReadState = 'unread' | 'read' | 'archived';

export interface ImportedHighlight {
  /** The passage as the other app quoted it. */
  quote: string;
  note: string | null;
  createdAt: string | null;
  /** The other app's tags on this one highlight (Hypothesis tags, Omnivore highlight labels). */
  tags: string[];
  /**
   * Offsets of the passage in the article's text, where the export gives them, in the units it counts:
   * W3C counts code points, Hypothesis UTF-16 code units (converted against the text when it is known).
   */
  position?: { start: number; end: number; units: 'code-points' | 'utf-16' };
  /** Context around the quote, where the export gives it (W3C TextQuoteSelector prefix and suffix). */
  prefix?: string;
  suffix?: string;
}

export interface ImportEntry {
  /** Where in the file the entry stands, for the report: "part_000000.csv line 12", "line 40", "item 7". */
  source: string;
  url: string | null;
  title: string | null;
  tags: string[];
  /** The user's own note or description of the item. */
  note: string | null;
  /** The article's own summary as the other app kept it (a page description, an excerpt): not the user's words. */
  excerpt: string | null;
  /** The article's author(s), where the export names them. */
  byline: string | null;
  /** When the user saved it in the other app (ISO 8601). */
  addedAt: string | null;
  /** When the article was published, where the export says (ISO 8601). */
  publishedAt: string | null;
  readState: ImportedReadState | null;
  starred: boolean | null;
  /** The article itself, when the export carries it: then nothing needs fetching. */
  content: { kind: 'html' | 'text' | 'markdown'; body: string } | null;
  highlights: ImportedHighlight[];
  /** What of this entry could not be read though the entry was (an unreadable date, a tag too long): for the report. */
  warnings: string[];
}

/** An entry the importer could not read, with why; it is reported, never silently dropped. */
export interface ImportProblem {
  source: string;
  reason: string;
}

export type ImportFormat =
  | 'pocket-zip' | 'pocket-csv' | 'pocket-html' | 'omnivore-zip' | 'instapaper-csv' | 'readwise-csv' | 'raindrop-csv'
  | 'netscape-bookmarks' | 'karakeep-json' | 'wallabag-json' | 'linkwarden-json' | 'hypothesis-json' | 'url-list'
  | 'clipdesk-backup';

/** A file read as an export of some app: its format, and its entries one at a time. */
export interface ExportFile {
  format: ImportFormat;
  /** A sentence for the user before anything is written: "Pocket export (zip of 3 CSV parts), 30,000 items". */
  description: string;
  /** Reads the file again on every call, an entry at a time, in the file's order. */
  entries(): AsyncIterable<ImportEntry | ImportProblem>;
}

/** Whether an importer gave a problem where it reads an entry (or a row, or highlights) when it can. */
export function isImportProblem<T extends object>(item: T | ImportProblem): item is ImportProblem {
  return 'reason' in item;
}
