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
  /** Code-point offsets into the article's text, where the export gives them (converted from UTF-16 where it counts those). */
  position?: { start: number; end: number };
  /** Context around the quote, where the export gives it (W3C TextQuoteSelector prefix and suffix). */
  prefix?: string;
  suffix?: string;
}

export interface ImportEntry {
  /** Where in the file the entry stands, for the report: "part_000000.csv row 12", "line 40", "item 7". */
  source: string;
  url: string | null;
  title: string | null;
  tags: string[];
  /** The user's own note or description of the item. */
  note: string | null;
  /** When the user saved it in the other app (ISO 8601). */
  addedAt: string | null;
  readState: ImportedReadState | null;
  starred: boolean | null;
  /** The article itself, when the export carries it: then nothing needs fetching. */
  content: { kind: 'html' | 'text' | 'markdown'; body: string } | null;
  highlights: ImportedHighlight[];
}

/** An entry the importer could not read, with why; it is reported, never silently dropped. */
export interface ImportProblem {
  source: string;
  reason: string;
}

export type ImportFormat =
  | 'pocket-zip' | 'pocket-html' | 'omnivore-zip' | 'instapaper-csv' | 'readwise-csv' | 'raindrop-csv'
  | 'netscape-bookmarks' | 'karakeep-json' | 'wallabag-json' | 'linkwarden-json' | 'hypothesis-json' | 'url-list'
  | 'clipdesk-backup';

/** A file read as an export of some app: its format, and its entries one at a time. */
export interface ExportFile {
  format: ImportFormat;
  /** A sentence for the user before anything is written: "Pocket export (zip of CSV parts), 30,000 items". */
  description: string;
  entries(): AsyncIterable<ImportEntry | ImportProblem>;
}
