export { SearchIndex } from './search-index.js';
export type { IndexHit, SearchDoc, SearchPage } from './search-index.js';
export { parseQuery, MAX_QUERY_LENGTH } from './query.js';
export type { Filter, ParsedQuery, Term } from './query.js';
export { makeSnippet } from './snippet.js';
export { tokenize } from './tokenize.js';
