import type { Database, Statement } from 'better-sqlite3';
import { markCatalogComplete } from './catalog-db.js';

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
   */
  transaction(work: () => void): void {
    this.#db.transaction(work).immediate();
  }

  /** Marks the catalog filled (see catalog-db.ts). */
  markComplete(): void {
    markCatalogComplete(this.#db);
  }

  close(): void {
    this.#db.close();
  }
}
