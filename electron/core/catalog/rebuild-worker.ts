/**
 * The catalog rebuild's thread (started by background-rebuild.ts): its own store reader and its own
 * connection to the catalog file, so the main thread lists and searches meanwhile (WAL lets it read
 * while this one writes). Posts FillProgress as it goes, then `{ recoveries }` when the catalog is filled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ClipStore } from '../store/clip-store.js';
import { Catalog } from './catalog.js';
import { fillCatalog } from './catalog-fill.js';

const { dir, pauseMs } = workerData as { dir: string; pauseMs: number };
const store = await ClipStore.open(dir);
const catalog = Catalog.attach(dir);
try {
  await fillCatalog(catalog, store, (progress) => parentPort?.postMessage({ progress }), pauseMs);
  parentPort?.postMessage({ recoveries: store.recoveries });
} finally {
  catalog.close();
  store.close();
}
