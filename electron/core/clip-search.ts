import type { ClipSummary, SearchResult } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import { RecentlyUsed } from './recently-used.js';
import { asksNothing, foldWithOrigins, hitSnippets, parseQuery } from './search/index.js';
import type { FoldedText } from './search/index.js';
import type { ClipStore } from './store/clip-store.js';

const DEFAULT_SEARCH_LIMIT = 50;
/**
 * Characters of hit texts kept, each text counted twice (as read and folded): at most 16 MB, as V8
 * keeps a character in one or two bytes. A few hundred news-length hits, or every text of a small library.
 */
const KEPT_TEXT_CHARS = 8_000_000;

/** The library's searches: pages of ranked hits, each with a snippet of its clip's text. */
export class ClipSearch {
  readonly #catalog: Catalog;
  readonly #store: ClipStore;
  /**
   * The texts of the hits searches showed last, folded for their snippets. Typing a query one key at a
   * time asks for the same top hits again and again, and each would otherwise re-read and gunzip its
   * body file, then fold it again. Keyed by content version (id and content hash): never stale.
   */
  readonly #hitTexts = new RecentlyUsed<FoldedText>(KEPT_TEXT_CHARS, (text) => text.original.length + text.text.length);

  constructor(catalog: Catalog, store: ClipStore) {
    this.#catalog = catalog;
    this.#store = store;
  }

  /** A page of ranked hits; filter-only queries list clips newest first. Throws BAD_QUERY. */
  search(query: string, options: { limit?: number; offset?: number }): SearchResult {
    const parsed = parseQuery(query);
    if (asksNothing(parsed)) return { query, total: 0, totalIsLowerBound: false, hits: [] };
    const found = this.#catalog.search(parsed, pageOption(options.limit, DEFAULT_SEARCH_LIMIT), pageOption(options.offset, 0));
    const snippetOf = hitSnippets(parsed);
    const texts = this.#textsOf(found.hits.map(({ clip }) => clip));
    // A hit whose text does not read is still shown, its snippet cut from its excerpt (Library.notices names it).
    const hits = found.hits.map(({ clip, score }, i) => ({ clip, score, snippet: snippetOf(texts[i] ?? foldWithOrigins(clip.excerpt)) }));
    return { query, total: found.total, totalIsLowerBound: found.totalIsLowerBound, hits };
  }

  /** The hits' texts, folded; those not kept are read together, and one that does not read is undefined. */
  #textsOf(clips: readonly ClipSummary[]): Array<FoldedText | undefined> {
    const versions = new Map(clips.map((clip) => [`${clip.id}.${clip.contentHash}`, clip]));
    return this.#hitTexts.getAll([...versions.keys()], (missing) => {
      const texts = this.#store.texts.readTexts(missing.map((key) => versions.get(key) as ClipSummary));
      return texts.map((text) => (text === undefined ? undefined : foldWithOrigins(text)));
    });
  }
}

/** A usable non-negative integer option, or the fallback. */
function pageOption(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
