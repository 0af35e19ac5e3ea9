import type { ClipSummary, Revision } from '../api.js';
import type { ClipSaver } from './clip-saver.js';
import { extractedOf } from './clip-record.js';
import { ClipdeskError } from './errors.js';
import type { ClipStore } from './store/clip-store.js';

/** A clip's earlier texts, kept when a page clipped again came with new content, and one of them made current again. */
export class ClipRevisions {
  readonly #store: ClipStore;
  readonly #saver: ClipSaver;
  readonly #listed: () => Promise<void>;

  /** `listed` resolves once the catalog lists every clip, before anything is written. */
  constructor(store: ClipStore, saver: ClipSaver, listed: () => Promise<void>) {
    this.#store = store;
    this.#saver = saver;
    this.#listed = listed;
  }

  async list(id: string): Promise<Revision[]> {
    return (await this.#store.require(id)).revisions;
  }

  async restore(id: string, n: number): Promise<ClipSummary> {
    const record = await this.#store.require(id);
    const revision = record.revisions.find((r) => r.n === n);
    if (!revision) throw new ClipdeskError('NOT_FOUND', `clip ${id} has no revision ${n}`);
    const body = await this.#store.texts.readBody(id, revision.contentHash);
    await this.#listed();
    return this.#saver.restore(id, { ...extractedOf(record, body), title: revision.title });
  }
}
