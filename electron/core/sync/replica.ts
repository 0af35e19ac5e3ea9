import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import leveldb from 'pouchdb-adapter-leveldb';
import replication from 'pouchdb-replication';
import { ClipdeskError } from '../errors.js';

/**
 * PouchDB, as sync uses it: a LevelDB replica in the library folder, the server over HTTP, and the
 * CouchDB replication protocol between them. The library's own files stay the system of record; the
 * replica only holds what replication needs (revision trees, checkpoints) next to them.
 */
export const Pouch = PouchDB.plugin(leveldb).plugin(http).plugin(replication);

export type Database = PouchDB.Database;

/** The replica at `path`. LevelDB lets one process open it: another one syncing is told so in words. */
export async function openReplica(path: string): Promise<Database> {
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
export function remoteDatabase(account: ServerAccount): Database {
  const auth = account.user ? { auth: { username: account.user, password: account.password } } : {};
  return new Pouch(account.address, { adapter: 'http', ...auth });
}
