export { FTS_COLUMNS, ftsColumns } from './fts-document.js';
export type { SearchDoc } from './fts-document.js';
export { foldWithOrigins } from './folded-text.js';
export type { FoldedText } from './folded-text.js';
export { toSqlQuery } from './fts-query.js';
export { asksNothing, parseQuery, MAX_QUERY_LENGTH } from './query.js';
export type { Filter, ParsedQuery, Term } from './query.js';
export { hitSnippets, makeSnippet } from './snippet.js';
export { indexTerms, queryTerms } from './tokenize.js';
