import { join } from 'node:path';
import { keptPictures, missingPictureAddresses } from '../../shared/content-pictures.js';
import { ClipdeskError } from '../errors.js';
import type { ClipStore, CommitObserver } from '../store/clip-store.js';
import { shardKey } from '../store/library-dir.js';
import type { ClipRecord } from '../store/schema.js';
import { Catalog } from './catalog.js';
import type { CatalogUpdate } from './catalog-writer.js';
import { removeCatalog } from './catalog-db.js';

/**
 * Keeping the catalog (derived) in step with the store (the system of record). Every step runs under
 * the store's cross-process write lock, so two processes never mirror writes in a different order.
 */

/** Records are mirrored in batches: one transaction per batch keeps a rebuild's memory bounded. */
const REBUILD_BATCH = 500;

export interface CatalogOpening {
  catalog: Catalog;
  /** Whether the whole catalog was rebuilt from the store (first open, new version, damage). */
  rebuilt: boolean;
  /** Clips mirrored again because a crash or an outside change left the catalog behind the store. */
  repaired: number;
  /** Clips the catalog knew that are no longer in the store (e.g. a shard restored from an older backup). */
  lost: Array<{ id: string; title: string }>;
}

/** Opens the catalog and brings it up to date with the store; call under the store's lock. */
export async function openCatalog(store: ClipStore, options: { rebuild?: boolean } = {}): Promise<CatalogOpening> {
  if (options.rebuild) removeCatalog(join(store.dir, 'index.sqlite'));
  const catalog = Catalog.open(store.dir);
  if (catalog.fresh) {
    await rebuild(catalog, store);
    return { catalog, rebuilt: true, repaired: 0, lost: [] };
  }
  const { repaired, lost } = await mirrorChangedShards(catalog, store);
  return { catalog, rebuilt: false, repaired, lost };
}

/** The observer that mirrors each store commit into the catalog. */
export function mirrorInto(catalog: Catalog, store: ClipStore): CommitObserver {
  return {
    wrote: async (written) => {
      const stamps = await store.shardStamps([...new Set(written.map(({ id }) => shardKey(id)))]);
      await catalog.apply(written.map(({ id, record }) => updateOf(store, id, record)), stamps);
    },
  };
}

async function rebuild(catalog: Catalog, store: ClipStore): Promise<void> {
  const stamps = await store.shardStamps();
  let batch: CatalogUpdate[] = [];
  for await (const record of store.records()) {
    batch.push(updateOf(store, record.id, record, { rebuilding: true }));
    if (batch.length < REBUILD_BATCH) continue;
    await catalog.apply(batch);
    batch = [];
  }
  await catalog.apply(batch, stamps);
}

/** Mirrors again every shard whose file changed since the catalog last saw it. */
async function mirrorChangedShards(catalog: Catalog, store: ClipStore): Promise<{ repaired: number; lost: CatalogOpening['lost'] }> {
  const onDisk = await store.shardStamps();
  const known = catalog.shardStamps();
  const changed = new Map<string, string | null>([...known.keys()].filter((key) => !onDisk.has(key)).map((key) => [key, null]));
  for (const [key, stamp] of onDisk) if (known.get(key) !== stamp) changed.set(key, stamp);
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
  return { repaired, lost };
}

/**
 * A clip's catalog update. A write's current body is read for its text and pictures; pictures of the
 * earlier versions were mirrored when those were current, so only a rebuild reads the revisions too.
 * While rebuilding, a clip whose text file is missing or damaged is still listed (by its title and
 * tags) rather than dropped; opening it then names the damaged file.
 */
function updateOf(store: ClipStore, id: string, record: ClipRecord | undefined, options: { rebuilding?: boolean } = {}): CatalogUpdate {
  const read = async (contentHash: string) => {
    try {
      return await store.readBody(id, contentHash);
    } catch (error) {
      if (options.rebuilding && error instanceof ClipdeskError && error.code === 'CORRUPT_LIBRARY') return null;
      throw error;
    }
  };
  return {
    id,
    record,
    body: async () => {
      if (!record) return { text: '', pictures: [], missingPictures: 0 };
      const current = await read(record.contentHash);
      const earlier = options.rebuilding ? await Promise.all(record.revisions.map((revision) => read(revision.contentHash))) : [];
      const pictures = [current, ...earlier].flatMap((body) => (body ? keptPictures(body.content) : []));
      const missingPictures = current ? missingPictureAddresses(current.content).length : 0;
      return { text: current?.text ?? '', pictures: [...new Set(pictures)], missingPictures };
    },
  };
}
