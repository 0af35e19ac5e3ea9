import type { Database, Statement } from 'better-sqlite3';
import { markCatalogComplete } from './catalog-db.js';

const MERGE = "insert into fts (fts, rank) values ('merge', ?)";
/**
 * Each segment of the full-text index with its leaves: fts_idx keys every leaf that starts a term by
 * (segment, term), so a segment's last term names about its last leaf. One index lookup a segment
 * (there are a few dozen), where counting fts_idx's rows would read one a leaf.
 */
const SEGMENT_LEAVES = `
  with recursive segment(id) as (
    select min(segid) from fts_idx
    union all select (select min(segid) from fts_idx where segid > segment.id) from segment where segment.id is not null
  )
  select (select pgno from fts_idx where segid = segment.id order by term desc limit 1) from segment where segment.id is not null`;
// The value in the SQL: FTS5 takes a setting only as an integer, and the driver binds numbers as reals.
const AUTOMERGE_OFF = "insert into fts (fts, rank) values ('automerge', 0)";
/** FTS5's own setting, which the file keeps: what every other writer (the rebuild worker, an older Clipdesk) uses. */
const AUTOMERGE_DEFAULT = "insert into fts (fts, rank) values ('automerge', 4)";

/** The catalog's connection, shared by its reader, writer and search: each SQL text is compiled once. */
export class Statements {
  readonly #db: Database;
  readonly #compiled = new Map<string, Statement>();

  constructor(db: Database) {
    this.#db = db;
  }

  sql(text: string): Statement {
    let statement = this.#compiled.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#compiled.set(text, statement);
    }
    return statement;
  }

  /**
   * Immediate: the write lock is taken (waiting out busy_timeout) before the first read, so a second
   * connection's commit (the rebuild worker's) can never make this one's snapshot stale mid-way.
   * Without `mergeAsWritten` (a small write), FTS5 merges no segments in it: idle-upkeep.ts does, later.
   */
  transaction(work: () => void, { mergeAsWritten = true } = {}): void {
    this.#db.transaction(() => {
      if (!mergeAsWritten) this.sql(AUTOMERGE_OFF).run();
      work();
      // Setting it back first writes the transaction's terms to their segment, while merging is still off.
      if (!mergeAsWritten) this.sql(AUTOMERGE_DEFAULT).run();
    }).immediate();
  }

  /**
   * Does up to `pages` pages of the full-text index's pending merges (idle-upkeep.ts); false when
   * none are left. Negative, it first puts every segment into one merge (FTS5's optimize, a step at a
   * time), which the steps after it continue. Never waits: a write lock held by another connection
   * throws SQLITE_BUSY at once.
   */
  mergeStep(pages: number): boolean {
    const before = this.#totalChanges();
    this.#withoutWaiting(() => this.sql(MERGE).run(pages));
    // FTS5's own test: a merge that wrote fewer than two rows found nothing left to merge.
    return this.#totalChanges() - before >= 2;
  }

  /** The full-text index's segments, each as its number of leaves (about 4 KB each). */
  segmentLeaves(): number[] {
    return this.sql(SEGMENT_LEAVES).pluck().all() as number[];
  }

  /**
   * Gives up to `pages` of the file's free pages back to the file system (the file shrinks at the next
   * checkpoint); false when none are left, or none could go (a file made without auto_vacuum).
   * Never waits, like mergeStep.
   */
  reclaimStep(pages: number): boolean {
    const before = this.#freePages();
    if (before === 0) return false;
    this.#withoutWaiting(() => this.#db.pragma(`incremental_vacuum(${pages})`));
    const after = this.#freePages();
    return after > 0 && after < before;
  }

  /**
   * Copies the write-ahead log into the file and empties it (idle-upkeep.ts), so it takes no room
   * between bursts of writes. Never waits: with another connection reading or writing, it copies what
   * it can and leaves the log as it is.
   */
  checkpoint(): void {
    this.#withoutWaiting(() => this.#db.pragma('wal_checkpoint(TRUNCATE)'));
  }

  /**
   * Moves with every write to the catalog: this connection's count of rows changed, and SQLite's
   * data_version for commits by another (the rebuild worker). What was read may be kept until it moves.
   */
  changeStamp(): string {
    return this.sql("select total_changes() || ':' || (select data_version from pragma_data_version())").pluck().get() as string;
  }

  #freePages(): number {
    return this.#db.pragma('freelist_count', { simple: true }) as number;
  }

  #totalChanges(): number {
    return this.sql('select total_changes() as n').pluck().get() as number;
  }

  #withoutWaiting(work: () => void): void {
    const timeout = this.#db.pragma('busy_timeout', { simple: true }) as number;
    this.#db.pragma('busy_timeout = 0');
    try {
      work();
    } finally {
      this.#db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /** Marks the catalog filled (see catalog-db.ts). */
  markComplete(): void {
    markCatalogComplete(this.#db);
  }

  close(): void {
    this.#db.close();
  }
}
