/**
 * The part of PouchDB's API that Clipdesk uses, typed here: @types/pouchdb-core redeclares Node's
 * global Buffer (and pulls in the DOM library), which breaks the rest of the program's types.
 */
declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Attachment {
      content_type: string;
      /** Bytes (a Buffer when read with `binary: true`), or base64. */
      data?: Uint8Array | string;
      digest?: string;
      stub?: boolean;
      length?: number;
    }

    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      _attachments?: Record<string, Attachment>;
      [field: string]: unknown;
    }

    interface WriteResult {
      ok?: boolean;
      id?: string;
      rev?: string;
      error?: boolean | string;
      reason?: string;
      status?: number;
    }

    interface Change {
      id: string;
      seq: number | string;
      deleted?: boolean;
      changes: Array<{ rev: string }>;
    }

    interface ChangesResult {
      results: Change[];
      last_seq: number | string;
    }

    interface ChangesFeed extends Promise<ChangesResult> {
      on(event: 'change', listener: (change: Change) => void): ChangesFeed;
      on(event: 'error', listener: (error: unknown) => void): ChangesFeed;
      cancel(): void;
    }

    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      last_seq: number | string;
      errors: unknown[];
    }

    interface Replication extends Promise<ReplicationResult> {
      on(event: 'change', listener: (info: { docs_written: number; docs_read: number; pending?: number }) => void): Replication;
      cancel(): void;
    }

    interface ReplicateOptions {
      batch_size?: number;
      batches_limit?: number;
      retry?: boolean;
      live?: boolean;
    }

    type OpenRevs = Array<{ ok?: Doc; missing?: string }>;

    interface AllDocsRow {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: Doc;
      error?: string;
    }

    interface ChangesOptions {
      since?: number | string;
      limit?: number;
      live?: boolean;
      style?: 'all_docs' | 'main_only';
      timeout?: number | false;
      heartbeat?: number | false;
    }

    interface Database {
      readonly name: string;
      info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
      get(id: string, options?: { attachments?: boolean; binary?: boolean; rev?: string; conflicts?: boolean }): Promise<Doc>;
      get(id: string, options: { open_revs: 'all' | string[]; attachments?: boolean; binary?: boolean }): Promise<OpenRevs>;
      put(doc: Doc): Promise<WriteResult>;
      bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
      allDocs(options: {
        startkey?: string; endkey?: string; keys?: string[]; include_docs?: boolean; conflicts?: boolean; limit?: number;
      }): Promise<{ total_rows: number; rows: AllDocsRow[] }>;
      changes(options: ChangesOptions): ChangesFeed;
      replicate: {
        to(target: Database, options?: ReplicateOptions): Replication;
        from(source: Database, options?: ReplicateOptions): Replication;
      };
      close(): Promise<void>;
      destroy(): Promise<void>;
    }

    interface Options {
      adapter?: string;
      auto_compaction?: boolean;
      prefix?: string;
      skip_setup?: boolean;
      auth?: { username: string; password: string };
      fetch?: (url: string | URL, init?: RequestInit) => Promise<Response>;
    }

    interface Static {
      new (name: string, options?: Options): Database;
      plugin(plugin: unknown): Static;
      defaults(options: Options): Static;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

declare module 'pouchdb-adapter-leveldb' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
