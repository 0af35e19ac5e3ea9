import type { ClipSummary } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import { toSummary, writtenRecord } from './clip-record.js';
import { ClipdeskError } from './errors.js';
import type { ClipStore, CommitObserver } from './store/clip-store.js';
import type { ClipRecord } from './store/schema.js';

/**
 * Changes clips' user data (fields, tags, highlights, the trash): each change is a store commit
 * mirrored into the catalog under the same lock, and is stamped with the time it was made.
 */
export class ClipEditor {
  readonly #store: ClipStore;
  readonly #catalog: Catalog;
  readonly #mirror: CommitObserver;
  readonly #listed: () => Promise<void>;

  /** `listed` resolves once the catalog lists every clip: until then it would not know which clips carry a tag. */
  constructor(store: ClipStore, catalog: Catalog, mirror: CommitObserver, listed: () => Promise<void>) {
    this.#store = store;
    this.#catalog = catalog;
    this.#mirror = mirror;
    this.#listed = listed;
  }

  /** Changes one clip's user data. */
  async edit(id: string, change: (record: ClipRecord) => ClipRecord): Promise<ClipSummary> {
    return toSummary(await this.editRecord(id, change));
  }

  async editRecord(id: string, change: (record: ClipRecord) => ClipRecord): Promise<ClipRecord> {
    await this.#listed();
    if (!this.#catalog.has(id)) throw new ClipdeskError('NOT_FOUND', `no clip with id ${id}`);
    const now = new Date().toISOString();
    const [record] = await this.commit([id], (fresh) => fresh && { ...change(fresh), updatedAt: now });
    return writtenRecord(record, id);
  }

  /** Changes the tags of every clip that carries one of `names`. Returns how many clips. */
  async editTagged(names: readonly string[], change: (tags: string[]) => string[]): Promise<number> {
    await this.#listed();
    const ids = this.#catalog.idsTagged(names);
    if (ids.length === 0) throw new ClipdeskError('NOT_FOUND', `no clip is tagged ${names.join(', ')}`);
    const now = new Date().toISOString();
    await this.commit(ids, (fresh) => fresh && { ...fresh, tags: change(fresh.tags), updatedAt: now });
    return ids.length;
  }

  /** A store commit mirrored into the catalog under the same lock. */
  commit(
    ids: readonly string[],
    change: (record: ClipRecord | undefined) => ClipRecord | undefined,
  ): Promise<Array<ClipRecord | undefined>> {
    return this.#store.commit(ids, change, this.#mirror);
  }
}
