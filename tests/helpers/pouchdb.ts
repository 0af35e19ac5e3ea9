/** The app's own PouchDB (LevelDB, HTTP, the replicator) for the tests' CouchDB server and its clients. */
import { loadPouch } from '../../electron/core/sync/replica.js';

export const PouchDB = await loadPouch();
export type { Database as PouchDatabase } from '../../electron/core/sync/replica.js';
