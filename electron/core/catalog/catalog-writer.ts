import { toSearchDoc, toSummary } from '../clip-record.js';
import { FTS_COLUMNS, ftsColumns } from '../search/fts-document.js';
import type { ClipRecord } from '../store/schema.js';
import { tagKey } from '../../shared/tag-names.js';
import { CLIP_FIELDS, clipRow, rowNumber } from './clip-row.js';
import type { IdleUpkeep } from './idle-upkeep.js';
import type { Statements } from './statements.js';
import { storedSummary } from './summary-row.js';

/** Shard keys with the stamp of their file as mirrored, or null for a shard that is gone. */
export type ShardStamps = ReadonlyMap<string, string | null>;

const INSERT_CLIP = `insert into clip (${CLIP_FIELDS.join(', ')}) values (${CLIP_FIELDS.map((k) => `@${k}`).join(', ')})`;
const UPDATE_CLIP = `update clip set ${CLIP_FIELDS.map((k) => `${k} = @${k}`).join(', ')} where n = @n`;
const INSERT_FTS = `insert into fts (rowid, ${FTS_COLUMNS.map((c) => c.name).join(', ')})
  values (?, ${FTS_COLUMNS.map(() => '?').join(', ')})`;

/** What the catalog needs to know of a clip after a write: its record (none if deleted) and body. */
export interface CatalogUpdate {
  id: string;
  record: ClipRecord | undefined;
  /** The current text, the stored pictures its versions show, and how many of its current pictures are not stored. */
  body: () => Promise<{ text: string; pictures: readonly string[]; missingPictures: number }>;
}

/** A clip to mirror with its body at hand. */
export interface CatalogEntry {
  id: string;
  record: ClipRecord | undefined;
  /** Null while a rebuild lists clips before it reads their texts: the clip is listed, not yet indexed. */
  text: string | null;
  /** Stored pictures its versions show; a clip keeps every picture it ever showed until it is deleted. */
  pictures?: readonly string[];
  /** Pictures its current text shows that are not stored. */
  missingPictures?: number;
}

/**
 * Keeps the catalog in step with the store: every store write is mirrored here under the same
 * cross-process lock, together with the stamps of the shard files it came from, so a crash between
 * the two writes is noticed and repaired at the next open (catalog-sync.ts).
 */
export class CatalogWriter {
  readonly #db: Statements;
  readonly #upkeep: IdleUpkeep;

  constructor(statements: Statements, upkeep: IdleUpkeep) {
    this.#db = statements;
    this.#upkeep = upkeep;
  }

  /** Mirrors written clips; their bodies are read first, so the transaction never waits on the disk. */
  async apply(updates: readonly CatalogUpdate[], stamps: ShardStamps = new Map()): Promise<void> {
    this.write(await Promise.all(updates.map(async ({ id, record, body }) => {
      const { text, pictures, missingPictures } = record ? await body() : { text: '', pictures: [], missingPictures: 0 };
      return { id, record, text: record?.deletedAt ? '' : text, pictures, missingPictures };
    })), stamps);
  }

  /**
   * Mirrors clips whose texts are at hand and records the shard files they came from, in one
   * transaction: one WAL append per store write.
   */
  write(entries: readonly CatalogEntry[], stamps: ShardStamps = new Map()): void {
    const mergeAsWritten = this.#upkeep.mergesAsItWrites(entries.length);
    this.#db.transaction(() => {
      for (const { id, record, text, pictures = [], missingPictures = 0 } of entries) {
        if (!record) this.#remove(id);
        else {
          const columns = record.deletedAt || text === null ? null : ftsColumns(toSearchDoc(record, text));
          this.#put(record, columns, { pictures, missingPictures });
        }
      }
      this.#stamp(stamps);
    }, { mergeAsWritten });
    this.#upkeep.written(mergeAsWritten);
  }

  /** The shard files as last mirrored, by key. */
  shardStamps(): Map<string, string> {
    const rows = this.#db.sql('select key, stamp from shard').all() as Array<{ key: string; stamp: string }>;
    return new Map(rows.map((row) => [row.key, row.stamp]));
  }

  /** The catalog file's identity when it last mirrored the store (catalog-db.ts FILE_TABLE). */
  recordedFileId(): string | undefined {
    return this.#db.sql('select id from catalog_file').pluck().get() as string | undefined;
  }

  recordFileId(id: string): void {
    this.#db.transaction(() => {
      this.#db.sql('delete from catalog_file').run();
      this.#db.sql('insert into catalog_file (id) values (?)').run(id);
    });
  }

  #remove(id: string): void {
    const n = rowNumber(this.#db, id);
    if (n === undefined) return;
    this.#db.sql('delete from fts where rowid = ?').run(n);
    this.#db.sql('delete from clip_tag where n = ?').run(n);
    this.#db.sql('delete from clip_summary where n = ?').run(n);
    this.#db.sql('delete from picture_use where n = ?').run(n);
    this.#db.sql('delete from picture_missing where n = ?').run(n);
    this.#db.sql('delete from pending_fetch where n = ?').run(n);
    this.#db.sql('delete from clip where n = ?').run(n);
  }

  /**
   * Inserts or updates a clip in place: an edit keeps the clip's row number, so only the rows and
   * index entries that changed are rewritten (what a tag edit costs on disk).
   */
  #put(record: ClipRecord, columns: string[] | null, shown: { pictures: readonly string[]; missingPictures: number }): void {
    const values = clipRow(record);
    const n = rowNumber(this.#db, record.id);
    const row = n ?? (this.#db.sql(INSERT_CLIP).run(values).lastInsertRowid as number);
    if (n !== undefined) {
      this.#db.sql(UPDATE_CLIP).run({ ...values, n });
      this.#db.sql('delete from fts where rowid = ?').run(n);
    }
    this.#db.sql('insert or replace into clip_summary (n, summary) values (?, ?)').run(row, storedSummary(toSummary(record)));
    this.#putTags(row, record.tags);
    this.#putPictures(row, shown);
    this.#putPending(row, record);
    if (columns) this.#db.sql(INSERT_FTS).run(row, ...columns);
  }

  #putPictures(n: number, { pictures, missingPictures }: { pictures: readonly string[]; missingPictures: number }): void {
    for (const name of pictures) this.#db.sql('insert or ignore into picture_use (name, n) values (?, ?)').run(name, n);
    if (missingPictures > 0) this.#db.sql('insert or replace into picture_missing (n, count) values (?, ?)').run(n, missingPictures);
    else this.#db.sql('delete from picture_missing where n = ?').run(n);
  }

  #putPending(n: number, record: ClipRecord): void {
    if (record.pending && !record.deletedAt) {
      this.#db.sql('insert or replace into pending_fetch (n, next_at) values (?, ?)').run(n, record.pending.nextAttemptAt);
    } else {
      this.#db.sql('delete from pending_fetch where n = ?').run(n);
    }
  }

  /** Only the tags that changed are written. */
  #putTags(n: number, tags: readonly string[]): void {
    const wanted = new Map(tags.map((name) => [tagKey(name), name]));
    const stored = this.#db.sql('select tag_key as key, name from clip_tag where n = ?').all(n) as Array<{ key: string; name: string }>;
    for (const { key, name } of stored) {
      if (wanted.get(key) === name) wanted.delete(key);
      else this.#db.sql('delete from clip_tag where tag_key = ? and n = ?').run(key, n);
    }
    const insert = this.#db.sql('insert into clip_tag (tag_key, n, name) values (?, ?, ?)');
    for (const [key, name] of wanted) insert.run(key, n, name);
  }

  #stamp(stamps: ShardStamps): void {
    for (const [key, stamp] of stamps) {
      if (stamp === null) this.#db.sql('delete from shard where key = ?').run(key);
      else this.#db.sql('insert or replace into shard (key, stamp) values (?, ?)').run(key, stamp);
    }
  }
}
