import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, Options } from 'better-sqlite3';

/** SQLite through better-sqlite3: the catalog (catalog/catalog-db.ts) and the texts (store/body-db.ts). */
export type Sqlite = typeof BetterSqlite3;

/** The driver is a native module: loaded on first use so a failure names the cause. */
export function sqliteDriver(): Sqlite {
  return createRequire(import.meta.url)('better-sqlite3') as Sqlite;
}

/**
 * Under Electron in development, launch.ts points at a build of the driver for Electron's ABI (and
 * .ci/other-nodes.sh at one for the Node it tests on).
 */
export function bindingOption(): { nativeBinding?: string } {
  const nativeBinding = process.env.CLIPDESK_SQLITE_BINDING;
  return nativeBinding ? { nativeBinding } : {};
}

/** A database file and the log and shared memory SQLite keeps beside it in WAL mode. */
export function sqliteFiles(path: string): string[] {
  return ['', '-wal', '-shm'].map((suffix) => `${path}${suffix}`);
}

/** SQLite's own ceiling for mapping, a catalog of about 450,000 clips; past it, SQLite reads the rest as before. */
const MAPPED_BYTES = 2 ** 31 - 65536;

/**
 * Lets SQLite read the file's pages where the OS caches them instead of copying each into its own
 * cache. Address space, not memory: the OS drops the pages when it needs the room. Writes still go
 * through the log; a file another connection shrinks is mapped again at its next transaction.
 */
export function mapForReads(db: Database): void {
  db.pragma(`mmap_size = ${MAPPED_BYTES}`);
}

export function openSqlite(path: string, options: Options = {}): Database {
  return new (sqliteDriver())(path, { ...options, ...bindingOption() });
}
