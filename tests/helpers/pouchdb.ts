/** The app's own PouchDB (LevelDB, HTTP, the replicator) for the tests' CouchDB server and its clients. */
export { Pouch as PouchDB } from '../../electron/core/sync/replica.js';
export type { Database as PouchDatabase } from '../../electron/core/sync/replica.js';
