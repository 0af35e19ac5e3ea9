import { join } from 'node:path';
import type { ClipStore, CommitObserver } from '../store/clip-store.js';
import { shardKey } from '../store/library-dir.js';
import { shardChanges } from '../store/shard-stamp.js';
import { BackgroundRebuild } from './background-rebuild.js';
import { Catalog } from './catalog.js';
import { catalogIsWhole, removeCatalog } from './catalog-db.js';
import { fillCatalog } from './catalog-fill.js';
import { updateOf } from './catalog-update.js';
import { RebuildMarker } from './rebuild-marker.js';
import { waitForRebuildElsewhere } from './rebuild-wait.js';
import type { RebuildProgress } from './rebuild-wait.js';

/**
 * Keeping the catalog (derived) in step with the store (the system of record). Every step runs under
 * the store's cross-process write lock, so two processes never mirror writes in a different order.
 */

export interface CatalogOpening {
  catalog: Catalog;
  /** Whether the whole catalog was rebuilt from the store (first open, new version, damage). */
  rebuilt: boolean;
  /** Clips mirrored again because a crash or an outside change left the catalog behind the store. */
  repaired: number;
  /** Clips the catalog knew that are no longer in the store (e.g. a shard restored from an older backup). */
  lost: Array<{ id: string; title: string }>;
  /** The rebuild still running, when it was asked to run in the background. */
  background: BackgroundRebuild | null;
}

export interface RebuildOptions {
  /** Throw the catalog away and rebuild it. */
  rebuild?: boolean;
  /** Rebuild in a worker and return at once (the app), rather than fill the catalog before returning (the CLI). */
  background?: boolean;
  /** How a rebuild that is waited for goes, this process's or another's (the CLI prints it). */
  onProgress?: (progress: RebuildProgress) => void;
  /** Tests only: a pause after each batch of a background rebuild, so a small library's rebuild can be watched. */
  pauseMs?: number;
  /** How long another process's rebuild may make no progress before the wait for it gives up (rebuild-wait.ts). */
  stallMs?: number;
}

/**
 * Opens the catalog and brings it up to date with the store, or starts its rebuild. Should another
 * live process be rebuilding it, waits for that rebuild first (outside the lock, which it needs to finish).
 */
export async function openCatalog(store: ClipStore, options: RebuildOptions = {}): Promise<CatalogOpening> {
  const marker = new RebuildMarker(store.dir);
  for (;;) {
    const opening = await store.exclusive(() => openUnlessRebuilding(store, marker, options));
    if (opening) return opening;
    await waitForRebuildElsewhere(catalogPath(store), marker, options.onProgress ?? (() => undefined), options.stallMs);
  }
}

function catalogPath(store: ClipStore): string {
  return join(store.dir, 'index.sqlite');
}

/** Under the lock: the opened catalog, or null when another live process is rebuilding it (then it is left alone). */
async function openUnlessRebuilding(store: ClipStore, marker: RebuildMarker, options: RebuildOptions): Promise<CatalogOpening | null> {
  if (marker.rebuilder() && !catalogIsWhole(catalogPath(store))) return null;
  if (options.rebuild) removeCatalog(catalogPath(store));
  const catalog = Catalog.open(store.dir);
  if (catalog.fresh) return rebuild(catalog, store, marker, options);
  const { repaired, lost } = await mirrorChangedShards(catalog, store);
  return { catalog, rebuilt: false, repaired, lost, background: null };
}

/** Fills a new catalog, this process marked as its rebuilder until the fill ends (a stale marker is taken over). */
async function rebuild(catalog: Catalog, store: ClipStore, marker: RebuildMarker, options: RebuildOptions): Promise<CatalogOpening> {
  await marker.claim();
  if (options.background) {
    const background = new BackgroundRebuild(catalog, store, () => reconcile(catalog, store), marker, options.pauseMs);
    return { catalog, rebuilt: true, repaired: 0, lost: [], background };
  }
  try {
    await fillCatalog(catalog, store, options.onProgress ?? (() => undefined));
    catalog.markComplete();
  } finally {
    marker.release();
  }
  return { catalog, rebuilt: true, repaired: 0, lost: [], background: null };
}

/**
 * Ends a rebuild that ran beside other writes: under the lock, mirrors again every shard written since
 * the rebuild read it (its stamp in the catalog is then behind the file), then marks the catalog whole.
 */
function reconcile(catalog: Catalog, store: ClipStore): Promise<void> {
  return store.exclusive(async () => {
    await mirrorChangedShards(catalog, store);
    catalog.markComplete();
  });
}

/** The observer that mirrors each store commit into the catalog. */
export function mirrorInto(catalog: Catalog, store: ClipStore): CommitObserver {
  return {
    wrote: async (written) => {
      const stamps = store.shardStamps([...new Set(written.map(({ id }) => shardKey(id)))]);
      await catalog.apply(written.map(({ id, record }) => updateOf(store, id, record)), stamps);
    },
  };
}

/** Mirrors again every shard whose file changed since the catalog last saw it (shard-stamp.ts). */
async function mirrorChangedShards(catalog: Catalog, store: ClipStore): Promise<{ repaired: number; lost: CatalogOpening['lost'] }> {
  const copied = catalog.copied;
  const { changed, moved } = shardChanges(catalog.shardStamps(), store.shardStamps(), copied);
  if (moved.size > 0) await catalog.apply([], moved);
  let repaired = 0;
  const lost: CatalogOpening['lost'] = [];
  for (const [key, stamp] of changed) {
    const records = stamp === null ? [] : await store.shardRecords(key);
    const present = new Set(records.map((record) => record.id));
    const gone = catalog.idsStartingWith(key, Number.MAX_SAFE_INTEGER).filter((id) => !present.has(id));
    // A clip gone from the trash was deleted for good (emptying the trash was cut short before the
    // catalog heard of it): only a clip gone from the library itself was lost.
    const summaries = gone.map((id) => ({ id, summary: catalog.summary(id) }));
    lost.push(...summaries.filter(({ summary }) => !summary?.deletedAt).map(({ id, summary }) => ({ id, title: summary?.title ?? '' })));
    const rewritten = records.map((record) => updateOf(store, record.id, record, { rebuilding: true }));
    const removed = gone.map((id) => updateOf(store, id, undefined));
    await catalog.apply([...rewritten, ...removed], new Map([[key, stamp]]));
    repaired += records.length;
  }
  if (copied) catalog.noteFile();
  return { repaired, lost };
}
