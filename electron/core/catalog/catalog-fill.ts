import { setTimeout as sleep } from 'node:timers/promises';
import type { ClipStore } from '../store/clip-store.js';
import type { Catalog } from './catalog.js';
import { updateOf } from './catalog-update.js';

/** Where a fill stands: every clip listed first (what the list needs), then each clip's text indexed. */
export interface FillProgress {
  listing: boolean;
  /** Clips listed so far while listing, then clips indexed. */
  done: number;
  /** Every clip, once listing is over (0 before). */
  total: number;
}

/** Shards read per listing transaction (a few clips each), and clips indexed per transaction. */
const LIST_SHARDS = 64;
const INDEX_BATCH = 200;

/**
 * Fills an empty catalog from the store, in short transactions so another connection reads and writes
 * between them (a rebuild in the background). First every clip's row without its text, from the
 * shards alone: the list, tags and duplicate checks are whole within seconds. Then the texts, shard by
 * shard, each batch with the stamps its shards had before they were read: a clip edited meanwhile
 * leaves a stamp behind its shard, and reconcile (catalog-sync.ts) mirrors that shard again.
 * `pauseMs` (tests only) waits after each batch, so a small library's rebuild can be watched.
 */
export async function fillCatalog(
  catalog: Catalog,
  store: ClipStore,
  report: (progress: FillProgress) => void,
  pauseMs = 0,
): Promise<void> {
  const keys = [...store.shardStamps().keys()].sort();
  let listed = 0;
  for (let at = 0; at < keys.length; at += LIST_SHARDS) {
    const records = (await Promise.all(keys.slice(at, at + LIST_SHARDS).map((key) => store.shardRecords(key)))).flat();
    catalog.write(records.map((record) => ({ id: record.id, record, text: null })));
    listed += records.length;
    report({ listing: true, done: listed, total: 0 });
    if (pauseMs > 0) await sleep(pauseMs);
  }
  let indexed = 0;
  report({ listing: false, done: indexed, total: listed });
  for (let at = 0; at < keys.length;) {
    const batch = [];
    const stamps = new Map<string, string>();
    for (; at < keys.length && batch.length < INDEX_BATCH; at++) {
      const key = keys[at] ?? '';
      for (const [shard, stamp] of store.shardStamps([key])) stamps.set(shard, stamp);
      batch.push(...(await store.shardRecords(key)).map((record) => updateOf(store, record.id, record, { rebuilding: true })));
    }
    await catalog.apply(batch, stamps);
    indexed += batch.length;
    report({ listing: false, done: indexed, total: Math.max(listed, indexed) });
    if (pauseMs > 0) await sleep(pauseMs);
  }
}
