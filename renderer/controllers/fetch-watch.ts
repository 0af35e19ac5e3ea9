import type { ReactiveControllerHost } from 'lit';
import type { LibraryData } from './library-data.js';
import { Poller } from './poller.js';

/** Often enough for a progress bar to move, seldom enough to cost nothing. */
const POLL_MS = 1500;

/**
 * While the library fetches imported addresses' articles in the background, asks how it stands every
 * moment, and when articles have arrived fetches again what shows them (the list, search, the open clip).
 */
export class FetchWatch {
  #seen = '';

  constructor(host: ReactiveControllerHost, private readonly data: LibraryData) {
    new Poller(host, POLL_MS, () => this.#tick());
  }

  #tick(): void {
    const status = this.data.fetching.value;
    if (!status?.running) return;
    const progress = `${status.run.fetched}/${status.run.failed}`;
    if (progress !== this.#seen) this.data.refetchAfter('fetchArticle');
    else this.data.refetchFetching();
    this.#seen = progress;
  }
}
