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

export function openSqlite(path: string, options: Options = {}): Database {
  return new (sqliteDriver())(path, { ...options, ...bindingOption() });
}
