import type { ReactiveControllerHost } from 'lit';
import type { LibraryData } from './library-data.js';
import { Poller } from './poller.js';

/** A rebuild moves fast: the bar should too. */
const POLL_MS = 1000;

/**
 * While the library's index is rebuilt in the background, asks how far it got every moment; once
 * every clip is listed, and again once the index is whole, fetches again everything the window shows.
 */
export class CatalogWatch {
  #stage = '';

  constructor(host: ReactiveControllerHost, private readonly data: LibraryData) {
    new Poller(host, POLL_MS, () => this.#tick());
  }

  #tick(): void {
    const status = this.data.catalog.value;
    if (!status) return;
    const stage = status.listing ? 'listing' : status.rebuilding ? 'indexing' : 'whole';
    if (this.#stage && stage !== this.#stage) this.data.refetchAfter('external');
    this.#stage = stage;
    if (status.rebuilding) this.data.refetchCatalog();
  }
}
