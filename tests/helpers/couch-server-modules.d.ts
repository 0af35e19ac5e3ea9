/**
 * The little of express and express-pouchdb that the tests' CouchDB server uses: neither ships its
 * own types and both are dev-only, so these few lines stand in for @types packages.
 */
declare module 'express' {
  import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

  type Next = (error?: unknown) => void;
  type Middleware = (request: IncomingMessage, response: ServerResponse, next: Next) => void;

  interface Application extends RequestListener {
    use(handler: Middleware | RequestListener): Application;
    disable(setting: string): Application;
    listen(port: number, host: string, listening: () => void): Server;
  }

  export default function express(): Application;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';

  interface ExpressPouchdbOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    inMemoryConfig?: boolean;
    logPath?: string;
  }

  export default function expressPouchdb(PouchDB: unknown, options?: ExpressPouchdbOptions): RequestListener;
}
