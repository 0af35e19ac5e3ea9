import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { ClipdeskError } from '../errors.js';
import { mapForReads, openSqlite, sqliteFiles } from '../sqlite-driver.js';
import { BODIES_FILE } from './library-dir.js';

/**
 * Small pages: past a page, SQLite fills overflow pages whole and leaves the rest on a leaf shared
 * with other rows. Simulated, the file was 1.30x its rows' bytes for 1.2 KB texts and 1.12x for 3 KB
 * ones; with 4 KB pages 1.33x and 1.35x, a 2-4 KB text taking a page to itself (docs/performance.md,
 * "Texts in one SQLite file"). Only takes effect when the file is created.
 */
const PAGE_SIZE = 1024;
/** SQLite's number for auto_vacuum = INCREMENTAL. */
const INCREMENTAL = 2;
/** A batch import's 500 whole articles are about 2 MB of log: the log shrinks back to this after each checkpoint. */
const LOG_KEPT_BYTES = 4 * 1024 * 1024;
/** How long a write waits for another process's to finish. */
const BUSY_TIMEOUT_MS = 10_000;
/** SQLite's codes for a file that is not a whole database (openOrSetAside). */
const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
/** Writes that stop for this long leave the texts at rest (see #atRest). */
const IDLE_MS = 1000;

const SCHEMA = `
  create table if not exists body (
    id text not null,
    content_hash text not null,
    saved_at integer not null,        -- ms since 1970: what a clip rebuilt from its texts is dated by (salvage.ts)
    bytes blob not null,
    primary key (id, content_hash)
  );`;

/** A content version's stored bytes, as body-codec.ts encodes them (older forms moved over as they were). */
export interface BodyRow {
  id: string;
  contentHash: string;
  savedAt: number;
  bytes: Uint8Array;
}

export type BodyKey = Pick<BodyRow, 'id' | 'contentHash'>;

/**
 * The texts of a library, `<library>/bodies.sqlite` since library version 6: a row per content version
 * of a clip, holding the bytes body-codec.ts encodes. Until then each was a file of its own, and a file
 * takes whole blocks of the disk (4 KB on most file systems): measured as `du` counts it, 2.1x the
 * text of the bench's short clips, whose bytes were 0.6x. SQLite packs rows into its pages instead.
 * A write is one commit (WAL), so a crash leaves a row whole or absent, as a file's rename did; a second
 * process reads while one writes. Rows are written before the record naming them (an import), or
 * under the library's write lock, as the files were.
 */
export class BodyDb {
  readonly #db: Database;
  readonly #get: Statement<[string, string], Buffer>;
  readonly #put: Statement<[string, string, number, Uint8Array]>;
  readonly #delete: Statement<[string, string]>;
  #idle: NodeJS.Timeout | undefined;

  private constructor(db: Database) {
    this.#db = db;
    this.#get = db.prepare<[string, string], Buffer>('select bytes from body where id = ? and content_hash = ?').pluck();
    this.#put = db.prepare('insert or replace into body (id, content_hash, saved_at, bytes) values (?, ?, ?, ?)');
    this.#delete = db.prepare('delete from body where id = ? and content_hash = ?');
  }

  /** Opens the library's texts, creating the file when it has none. */
  static open(dir: string): BodyDb {
    const db = openSqlite(join(dir, BODIES_FILE));
    try {
      configure(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new BodyDb(db);
  }

  /**
   * Opens the library's texts; a file SQLite cannot read as a database is moved whole to damaged/
   * (its log with it) and a new one made, so the library still opens: its clips listed and found,
   * their texts missing until clipped again or restored. Says where the damaged file went, and why.
   */
  static openOrSetAside(dir: string, now = new Date()): { bodies: BodyDb; setAside?: { keptAt: string; problem: string } } {
    try {
      return { bodies: BodyDb.open(dir) };
    } catch (error) {
      if (!isNotADatabase(error)) throw error;
      const keptAt = join(dir, 'damaged', `${BODIES_FILE}.${now.toISOString().replaceAll(':', '')}`);
      mkdirSync(dirname(keptAt), { recursive: true });
      const [from, to] = [sqliteFiles(join(dir, BODIES_FILE)), sqliteFiles(keptAt)];
      for (const [i, file] of from.entries()) if (existsSync(file)) renameSync(file, to[i] as string);
      return { bodies: BodyDb.open(dir), setAside: { keptAt, problem: String(error) } };
    }
  }

  /**
   * The texts of a library as they are, to read (`clipdesk check`, salvage.ts); null when it has no
   * such file, CORRUPT_LIBRARY when SQLite cannot read it. Not opened read-only: only a connection
   * that may write removes SQLite's log and shared memory as it closes, so a check leaves the folder
   * as it found it.
   */
  static openIfExists(dir: string): BodyDb | null {
    const path = join(dir, BODIES_FILE);
    if (!existsSync(path)) return null;
    const db = openSqlite(path, { fileMustExist: true });
    try {
      return new BodyDb(db);
    } catch (error) {
      db.close();
      if (!isNotADatabase(error)) throw error;
      throw new ClipdeskError('CORRUPT_LIBRARY', `${BODIES_FILE} is not a database SQLite can read (${String(error)})`, { cause: error });
    }
  }

  close(): void {
    clearTimeout(this.#idle);
    this.#db.close();
  }

  /** The stored bytes; CORRUPT_LIBRARY naming the file when SQLite finds its pages damaged. */
  get(id: string, contentHash: string): Buffer | undefined {
    try {
      return this.#get.get(id, contentHash);
    } catch (error) {
      const where = `${BODIES_FILE} is damaged where the text ${id}.${contentHash} is kept`;
      throw new ClipdeskError('CORRUPT_LIBRARY', `${where}: ${String(error)}`, { cause: error });
    }
  }

  /** Writes every row in one commit: a batch import's texts cost one append to the log, not one each. */
  put(rows: readonly BodyRow[]): void {
    this.#db.transaction(() => {
      for (const { id, contentHash, savedAt, bytes } of rows) this.#put.run(id, contentHash, savedAt, bytes);
    })();
    this.#written();
  }

  /** Deletes the rows; their pages go back to the file system once writes pause. */
  delete(keys: readonly BodyKey[]): void {
    this.#db.transaction(() => {
      for (const { id, contentHash } of keys) this.#delete.run(id, contentHash);
    })();
    this.#written();
  }

  #written(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#atRest(), IDLE_MS).unref();
  }

  /**
   * Once writes pause: gives the pages of deleted texts back to the file system, then copies the log
   * into the file and empties it. Until then the log keeps up to LOG_KEPT_BYTES beside the file, 400 B
   * a clip in a library of 10,000 (the bench, measured). Never waits: while another connection
   * writes, it is left for the next pause.
   */
  #atRest(): void {
    this.#db.pragma('busy_timeout = 0');
    try {
      this.#db.pragma('incremental_vacuum');
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Busy, another process writing: left for the next pause of this connection's writes or that one's.
    } finally {
      this.#db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  /** Every stored version's key and time, without its bytes; `idPrefix` keeps those whose clip id starts so. */
  keys(idPrefix = ''): Array<BodyKey & { savedAt: number }> {
    // Ids are lowercase hex and dashes, all below 'g': the range is the prefix's, read from the key's index.
    return this.#db
      .prepare<[string, string], { id: string; contentHash: string; savedAt: number }>(
        'select id, content_hash as contentHash, saved_at as savedAt from body where id >= ? and id < ? order by id, saved_at',
      )
      .all(idPrefix, `${idPrefix}g`);
  }
}

function configure(db: Database): void {
  db.pragma(`page_size = ${PAGE_SIZE}`);
  // Emptying the trash returns the texts' pages to the file system (see #atRest). Set only on a new
  // file: setting it again still writes the file's header, and opening a library must write nothing.
  if (db.pragma('auto_vacuum', { simple: true }) !== INCREMENTAL) db.pragma(`auto_vacuum = ${INCREMENTAL}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`journal_size_limit = ${LOG_KEPT_BYTES}`);
  // A page of hits reads 20 texts, about two pages of the file each: 20 random texts of the bench's
  // 10,000, read in turns by two connections, took 0.50 ms without mapping and 0.33 with (p95 0.84 -> 0.58).
  mapForReads(db);
  db.exec(SCHEMA);
}

function isNotADatabase(error: unknown): boolean {
  return NOT_A_DATABASE.has((error as { code?: unknown }).code as string);
}
