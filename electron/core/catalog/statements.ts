import type { Database, Statement } from 'better-sqlite3';

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

  transaction(work: () => void): void {
    this.#db.transaction(work)();
  }

  close(): void {
    this.#db.close();
  }
}
