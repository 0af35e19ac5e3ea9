import type { ReactiveControllerHost } from 'lit';
import { NO_FILTERS } from '../components/list-toolbar.js';
import type { ListFilters } from '../components/list-toolbar.js';
import { UrlQuery } from '../url-query.js';
import { sameTag } from '../../electron/shared/tag-names.js';

/**
 * Where the window is: the library list (with its sort, filters and tags) or the trash, a search (kept
 * in the address, so back and forward step through searches), the open clip, the list's active row,
 * and the clips picked to act on together (they stay picked across searches, like a basket, until
 * cleared). A new list (another query, filters or tags) starts with no active row.
 */
export class Navigation {
  view: 'library' | 'trash' = 'library';
  query: string;
  openId: string | null = null;
  activeIndex = -1;
  filters: ListFilters = NO_FILTERS;
  tagFilter: readonly string[] = [];
  picked: ReadonlySet<string> = new Set();
  readonly #url: UrlQuery;

  /** `onFilter` hears of new list filters, to fetch the list again. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onFilter: (filters: ListFilters, tags: readonly string[]) => void,
  ) {
    this.#url = new UrlQuery(host, (query) => this.#set({ query, activeIndex: -1 }));
    this.query = this.#url.read();
  }

  /**
   * A new search leaves the open clip for the results. A pause in typing that left the field holding
   * the current query (typed, then erased) is no new search: the clip opened meanwhile stays open.
   */
  search(query: string, submitted = false): void {
    if (query === this.query && !submitted) return;
    this.#set({ query, activeIndex: -1, openId: null, view: 'library' });
    this.#url.push(query);
  }

  open(id: string): void {
    this.#set({ view: 'library', openId: id });
  }

  close(): void {
    this.#set({ openId: null });
  }

  select(index: number): void {
    this.#set({ activeIndex: index });
  }

  togglePick(id: string): void {
    const picked = new Set(this.picked);
    if (!picked.delete(id)) picked.add(id);
    this.#set({ picked });
  }

  clearPicks(): void {
    this.#set({ picked: new Set() });
  }

  showTrash(): void {
    this.#set({ view: 'trash', openId: null });
  }

  /** All clips: the library list, without a tag filter. */
  showLibrary(): void {
    this.#set({ view: 'library', openId: null });
    if (this.tagFilter.length) this.filter(this.filters, []);
  }

  /** The library list, filtered by one more tag, or one fewer if it was filtered by this one. */
  toggleTag(name: string): void {
    this.#set({ view: 'library', openId: null });
    const has = this.tagFilter.some((tag) => sameTag(tag, name));
    this.filter(this.filters, has ? this.tagFilter.filter((tag) => !sameTag(tag, name)) : [...this.tagFilter, name]);
  }

  /** A tag was renamed (`replacement` holds the new name) or deleted everywhere: a filter by it follows. */
  replaceTag(name: string, replacement: readonly string[]): void {
    if (!this.tagFilter.some((tag) => sameTag(tag, name))) return;
    this.filter(this.filters, [...this.tagFilter.filter((tag) => !sameTag(tag, name)), ...replacement]);
  }

  filter(filters: ListFilters, tags = this.tagFilter): void {
    this.#set({ filters, tagFilter: tags, activeIndex: -1 });
    this.onFilter(filters, tags);
  }

  #set(change: Partial<Pick<Navigation, 'view' | 'query' | 'openId' | 'activeIndex' | 'filters' | 'tagFilter' | 'picked'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}

