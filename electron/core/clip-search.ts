import type { SearchResult } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import { asksNothing, hitSnippets, parseQuery } from './search/index.js';
import type { ClipStore } from './store/clip-store.js';

const DEFAULT_SEARCH_LIMIT = 50;

/** A page of ranked hits, each with a snippet of its clip's text; filter-only queries list clips newest first. Throws BAD_QUERY. */
export function searchClips(
  catalog: Catalog,
  store: ClipStore,
  query: string,
  options: { limit?: number; offset?: number },
): SearchResult {
  const parsed = parseQuery(query);
  if (asksNothing(parsed)) return { query, total: 0, totalIsLowerBound: false, hits: [] };
  const found = catalog.search(parsed, pageOption(options.limit, DEFAULT_SEARCH_LIMIT), pageOption(options.offset, 0));
  const snippetOf = hitSnippets(parsed);
  const hits = found.hits.map(({ clip, score }) => ({ clip, score, snippet: snippetOf(store.readText(clip.id, clip.contentHash)) }));
  return { query, total: found.total, totalIsLowerBound: found.totalIsLowerBound, hits };
}

/** A usable non-negative integer option, or the fallback. */
function pageOption(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
