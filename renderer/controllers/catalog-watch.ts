import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LibraryData } from './library-data.js';

/** A rebuild moves fast: the bar should too. */
const POLL_MS = 1000;

/**
 * While the library's index is rebuilt in the background, asks how far it got every moment; once
 * every clip is listed, and again once the index is whole, fetches again everything the window shows.
 */
export class CatalogWatch implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #stage = '';

  constructor(host: ReactiveControllerHost, private readonly data: LibraryData) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.#tick(), POLL_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
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
