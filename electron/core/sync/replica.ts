import type PouchDB from 'pouchdb-core';
import { ClipdeskError } from '../errors.js';

export type Database = PouchDB.Database;

let pouch: Promise<PouchDB.Static> | undefined;

/**
 * PouchDB, as sync uses it: a LevelDB replica in the library folder, the server over HTTP, and the
 * CouchDB replication protocol between them. The library's own files stay the system of record; the
 * replica only holds what replication needs (revision trees, checkpoints) next to them. Loaded on
 * first use: it is 0.3 s of every start-up otherwise, and most runs of the app and the CLI never sync.
 */
export function loadPouch(): Promise<PouchDB.Static> {
  pouch ??= Promise.all([
    import('pouchdb-core'), import('pouchdb-adapter-leveldb'), import('pouchdb-adapter-http'), import('pouchdb-replication'),
  ]).then(([core, leveldb, http, replication]) => core.default.plugin(leveldb.default).plugin(http.default).plugin(replication.default));
  return pouch;
}

/** The replica at `path`. LevelDB lets one process open it: another one syncing is told so in words. */
export async function openReplica(path: string): Promise<Database> {
  const Pouch = await loadPouch();
  const replica = new Pouch(path, { adapter: 'leveldb', auto_compaction: true });
  try {
    await replica.info();
  } catch (cause) {
    await replica.close().catch(() => undefined);
    const message = `another Clipdesk process is syncing this library (its replica ${path} is in use); let it finish`;
    throw new ClipdeskError('LOCKED', message, { cause });
  }
  return replica;
}

export interface ServerAccount {
  /** The database's address, e.g. https://couch.example.org/clipdesk. */
  address: string;
  user: string;
  password: string;
}

/** The server's database, reached with the account's credentials; created on first use where the account may. */
export async function remoteDatabase(account: ServerAccount): Promise<Database> {
  const Pouch = await loadPouch();
  const auth = account.user ? { auth: { username: account.user, password: account.password } } : {};
  return new Pouch(account.address, { adapter: 'http', ...auth });
}
