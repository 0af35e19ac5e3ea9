/**
 * PouchDB (core, LevelDB, HTTP, replication) for the tests' CouchDB server and its clients, typed
 * by hand for the little they use. Not through @types/pouchdb-core: it says `/// <reference
 * lib="dom" />`, which pulls the DOM's types into the whole program and breaks Node code elsewhere
 * (Buffer is no longer a Uint8Array to it: ~95 errors), so it must never enter the program.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PouchAttachment {
  content_type: string;
  data: string | Buffer;
  digest?: string;
  length?: number;
}

export interface PouchDocument {
  _id: string;
  _rev?: string;
  _attachments?: Record<string, PouchAttachment>;
  [field: string]: unknown;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
}

export interface PouchDatabase {
  readonly name: string;
  put(doc: PouchDocument): Promise<{ ok: boolean; id: string; rev: string }>;
  get(id: string, options?: { attachments?: boolean; binary?: boolean }): Promise<PouchDocument & { _rev: string }>;
  info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
  replicate: {
    to(target: string | PouchDatabase, options?: { retry?: boolean }): Promise<ReplicationResult>;
    from(source: string | PouchDatabase, options?: { retry?: boolean }): Promise<ReplicationResult>;
  };
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchOptions {
  adapter?: 'leveldb' | 'http';
  /** Put before every database name: a folder ending in '/' keeps every LevelDB database there. */
  prefix?: string;
  auth?: { username: string; password: string };
  skip_setup?: boolean;
}

export interface PouchStatic {
  new (name: string, options?: PouchOptions): PouchDatabase;
  defaults(options: PouchOptions): PouchStatic;
}

interface PouchPluggable extends PouchStatic {
  plugin(plugin: unknown): PouchPluggable;
}

/** PouchDB with the LevelDB and HTTP adapters and the replicator; a local name is a LevelDB folder. */
export const PouchDB: PouchStatic = (require('pouchdb-core') as PouchPluggable)
  .plugin(require('pouchdb-adapter-leveldb'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));
