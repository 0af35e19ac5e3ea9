import { rmSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { FTS_COLUMNS } from '../search/fts-document.js';
import { mapForReads, openSqlite, sqliteFiles } from '../sqlite-driver.js';

/**
 * The catalog file, <library>/index.sqlite: everything derived from the store that must be fast at
 * 100,000 clips (listing, filters, tag counts, duplicate checks and the full-text index), in SQLite so
 * it is read from disk on demand instead of rebuilt in memory at every start. It holds nothing the
 * store does not: when it is missing, from another version or damaged, it is rebuilt from the store.
 */

/** Bump when the tables or the way text is turned into index terms change: the catalog is rebuilt. */
export const CATALOG_VERSION = 14;

const SCHEMA = `
  -- Small rows, so the filters of a search (a date, the trash) read a page or two per clip.
  create table clip (
    n integer primary key,            -- the full-text row id
    id text not null unique,
    same_key text not null,           -- canonical URL, or content hash when there is none
    trashed integer not null,
    starred integer not null,
    annotated integer not null,
    read_state text not null,         -- unread, read or archived
    clipped_at text not null,
    published_at text not null,       -- published, else clipped: what "sort by date published" uses
    day text,                         -- the calendar day as written, for after: and before:
    title_key text not null,
    source text not null              -- folded, for source:
  );
  -- The ClipSummary (less what the clip row holds) as a JSON array (summary-row.ts), kept apart from the
  -- filter columns: lists and hits need no shard read.
  create table clip_summary (n integer primary key, summary text not null);
  create index clip_same on clip (same_key);
  create index clip_by_clipped on clip (trashed, clipped_at);
  create index clip_by_published on clip (trashed, published_at);
  create index clip_by_title on clip (trashed, title_key);
  -- Few clips are starred or annotated: a filter on either reads just those (search/clip-conditions.ts
  -- flagCondition), where it read the whole clip table (30 ms at 100,000 clips).
  create index clip_starred on clip (trashed) where starred = 1;
  create index clip_annotated on clip (trashed) where annotated = 1;
  create table clip_tag (
    tag_key text not null,            -- shared/tag-names.ts tagKey: case, accents and spacing ignored
    n integer not null,
    name text not null,
    primary key (tag_key, n)
  ) without rowid;
  create index clip_tag_by_clip on clip_tag (n);
  -- Which clips show which stored pictures, in any of their versions (the current text and every
  -- revision): a picture no clip shows any more may be deleted.
  create table picture_use (name text not null, n integer not null, primary key (name, n)) without rowid;
  create index picture_use_by_clip on picture_use (n);
  -- Clips whose current text shows pictures that are not stored (their fetch failed, or they were
  -- clipped before pictures were kept), with how many: what "Fetch missing pictures" works through.
  create table picture_missing (n integer primary key, count integer not null);
  -- Pending clips (addresses whose articles are still to be fetched) and when each is next due; a
  -- null time means Clipdesk gave up, until someone asks again.
  create table pending_fetch (n integer primary key, next_at text);
  create index pending_fetch_due on pending_fetch (next_at);
  -- The store's shard files as last mirrored (inode:size:mtime). A shard whose file changed since,
  -- say because a crash fell between the store's write and the catalog's, is mirrored again at open.
  create table shard (key text primary key, stamp text not null) without rowid;
  -- Contentless: the texts live in the store, the index keeps only terms and positions. Terms are
  -- made by search/fts-document.ts and joined by spaces, so unicode61 only splits on those spaces ('_'
  -- starts the terms of the words' beginnings). No FTS5 prefix indexes: a word typed one key at a time
  -- is looked up among the beginnings of the clip's words, kept in the text column after its words
  -- (fts-document.ts prefixTerms). On the bench's 10,000 clips, leaving out FTS5's prefix indexes cut
  -- the catalog from 6.8 to 5.3 KB a clip, with search no slower; it is 4.1 KB since the beginnings
  -- share the text column, which comes first (FTS_COLUMNS).
  create virtual table fts using fts5 (
    ${FTS_COLUMNS.map((column) => column.name).join(', ')},
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
  );
`;

/**
 * The catalog file's own identity (device:inode) as it was when it last mirrored the store. A copy of the
 * library folder gives every file a new inode, this one included, which is how a copy is told from
 * shards rewritten by a crashed write (shard-stamp.ts). Made at open where missing, so a catalog from
 * before it was added is kept rather than rebuilt.
 */
const FILE_TABLE = 'create table if not exists catalog_file (id text not null)';

/** SQLite's page size for the catalog (connect), and what it keeps of a row on a page before it overflows. */
const PAGE_SIZE = 1024;
const KEPT_ON_PAGE = Math.floor(((PAGE_SIZE - 12) * 32) / 255) - 23;
/**
 * The size FTS5 makes its index's leaves, each stored as a row of the leaf and a 4-byte record header:
 * the part of a row past KEPT_ON_PAGE goes to overflow pages of PAGE_SIZE - 4 bytes, so leaves of this
 * size fill four of them (leaves come out a few bytes either side of it; the header is their margin).
 * FTS5's default, 4,050 bytes, left 890 bytes of the fourth unused: in 500 whole Chinese articles 745
 * bytes a clip, 41 with this (the library 2.03x -> 1.96x its text, English articles 1.57x -> 1.55x).
 */
const LEAF_BYTES = KEPT_ON_PAGE + 4 * (PAGE_SIZE - 4);

/**
 * Sets the index's leaf size, also in a catalog made before the size was: leaves written from then on
 * (new clips, merges) take it, and those already written keep theirs until they are merged.
 */
function fitLeavesToPages(db: Database): void {
  const set = db.prepare("select v from fts_config where k = 'pgsz'").pluck().get();
  if (set !== LEAF_BYTES) db.exec(`insert into fts (fts, rank) values ('pgsz', ${LEAF_BYTES})`);
}

export interface OpenedCatalog {
  db: Database;
  /** True when the file was created now and must be filled from the store (then markCatalogComplete). */
  fresh: boolean;
}

export function openCatalogDb(path: string): OpenedCatalog {
  try {
    const db = connect(path);
    if (db.pragma('user_version', { simple: true }) === CATALOG_VERSION) {
      db.exec(FILE_TABLE);
      fitLeavesToPages(db);
      return { db, fresh: false };
    }
    db.close();
  } catch {
    // Damaged or not a database: it is derived data, so it is replaced, never repaired in place.
  }
  removeCatalog(path);
  const db = connect(path);
  db.exec(SCHEMA);
  db.exec(FILE_TABLE);
  fitLeavesToPages(db);
  return { db, fresh: true };
}

/** The identity FILE_TABLE records: a copy of the file has another. */
export function catalogFileId(path: string): string {
  const { dev, ino } = statSync(path, { bigint: true });
  return `${dev}:${ino}`;
}

/**
 * Stamps a filled catalog with its version. Until then it reads as from another version, so a rebuild
 * cut short (a crash, the app closed) is started again at the next open.
 */
export function markCatalogComplete(db: Database): void {
  db.pragma(`user_version = ${CATALOG_VERSION}`);
}

/**
 * Reads a catalog file as it is, through a connection of its own that writes nothing (another process
 * may be rebuilding it); null when it cannot be read.
 */
export function peekCatalogDb<T>(path: string, read: (db: Database) => T): T | null {
  try {
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Whether the catalog file is filled and of this version (see markCatalogComplete). */
export function catalogIsWhole(path: string): boolean {
  return peekCatalogDb(path, (db) => db.pragma('user_version', { simple: true }) === CATALOG_VERSION) ?? false;
}

/** A second connection to a catalog file as it is, for the rebuild worker: never replaced, never checked. */
export function connectCatalogDb(path: string): Database {
  return connect(path);
}

/** 10 MB of log: a few hundred edits, or a few batches of an import, between checkpoints. */
const CHECKPOINT_PAGES = 10_000;

function connect(path: string): Database {
  const db = openSqlite(path);
  // Small pages: an edit dirties a handful of pages scattered over the tables, and each costs a whole
  // page in the WAL. Only takes effect when the file is created.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  // Merging the index's segments frees the pages of those merged, a quarter of the file after
  // importing 500 English articles one at a time: with this, the upkeep returns them to the file
  // system when writes pause (idle-upkeep.ts). Also only when the file is created.
  db.pragma('auto_vacuum = INCREMENTAL');
  // WAL lets a second process read while one writes; NORMAL keeps each commit to one WAL append.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  // The log is copied back into the file when writes pause (idle-upkeep.ts), not by the commit that
  // grows it past 1,000 pages (SQLite's default); past this many, the commit still does it.
  db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  // Two copies of the bench's 10,000-clip library searched in turn, query by query, in one process:
  // p50 2.64 -> 2.24 ms and p95 6.20 -> 4.85 opened afresh, 2.42 -> 2.08 and 5.47 -> 4.84 right after
  // writing the clips.
  mapForReads(db);
  db.prepare('select count(*) from sqlite_schema').get();
  return db;
}

export function removeCatalog(path: string): void {
  for (const file of sqliteFiles(path)) rmSync(file, { force: true });
}
