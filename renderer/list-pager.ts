import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClipSummary, ListOptions, ListResult } from '../electron/api.js';
import { errorMessage } from './api-client.js';

const PAGE = 100;

/**
 * A sparse window onto a long clip list: it fetches the pages (of 100) that the visible rows need and
 * nothing more, so a 10,000-clip library costs a few small requests. A reload (new filters, or the
 * library changed) bumps a generation number so answers to earlier requests are dropped.
 */
export class ListPager implements ReactiveController {
  items: readonly (ClipSummary | undefined)[] = [];
  total = 0;
  /** False until the first page for the current filters arrives (so "no clips" is not said too early). */
  loaded = false;
  error = '';
  #options: ListOptions = {};
  #generation = 0;
  #requested = new Set<number>();
  #visible = { first: 0, last: 40 };

  constructor(private readonly host: ReactiveControllerHost, private readonly fetchPage: (options: ListOptions) => Promise<ListResult>) {
    host.addController(this);
  }

  hostConnected(): void {
    this.reload();
  }

  /** New filters or sort: start from an empty list. */
  setOptions(options: ListOptions): void {
    this.#options = options;
    this.items = [];
    this.total = 0;
    this.loaded = false;
    this.reload();
  }

  /** Fetch again (the library changed) while showing what we have until the answers arrive. */
  reload(): void {
    this.#generation++;
    this.#requested.clear();
    this.error = '';
    this.show(this.#visible.first, this.#visible.last);
  }

  /** The rows first..last are on screen (overscan included): make sure their pages are loaded. */
  show(first: number, last: number): void {
    this.#visible = { first, last };
    const lastPage = Math.floor(Math.max(first, last) / PAGE);
    for (let page = Math.floor(first / PAGE); page <= lastPage; page++) {
      if (!this.#requested.has(page)) void this.#fetch(page);
    }
  }

  async #fetch(page: number): Promise<void> {
    const generation = this.#generation;
    this.#requested.add(page);
    try {
      const result = await this.fetchPage({ ...this.#options, offset: page * PAGE, limit: PAGE });
      if (generation !== this.#generation) return;
      const items = this.items.slice(0, result.total);
      items.length = result.total;
      items.splice(page * PAGE, result.clips.length, ...result.clips);
      this.items = items;
      this.total = result.total;
      this.loaded = true;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#requested.delete(page);
      this.error = errorMessage(error);
    }
    this.host.requestUpdate();
  }
}
