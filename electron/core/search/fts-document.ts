/**
 * A clip as the full-text index sees it: one string of index terms per column, joined by spaces.
 * Clipdesk makes the terms itself (tokenize.ts: folding, CJK bigrams) because SQLite's tokenizers know
 * no Chinese; FTS5 then only splits on the spaces.
 */
import { indexTerms } from './tokenize.js';

export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  source: string;
  byline: string;
  tags: string[];
  note: string;
  /** Annotation quotes and notes, joined. */
  annotations: string;
}

/** The indexed columns, in table order, with their BM25 weights: a title match counts 5 text matches. */
export const FTS_COLUMNS = [
  { name: 'title', weight: 5 },
  { name: 'text', weight: 1 },
  { name: 'tags', weight: 3 },
  { name: 'source', weight: 2 },
  { name: 'byline', weight: 2 },
  { name: 'note', weight: 1.5 },
  { name: 'annotations', weight: 1.5 },
] as const;

export function ftsColumns(doc: SearchDoc): string[] {
  const values: Record<(typeof FTS_COLUMNS)[number]['name'], string> = { ...doc, tags: doc.tags.join('\n') };
  return FTS_COLUMNS.map(({ name }) => ftsTerms(values[name]).join(' '));
}

export function ftsTerms(text: string): string[] {
  return indexTerms(text).map(ftsToken).filter((token) => token !== '');
}

/**
 * A term as FTS5 stores it. Words keep an inner apostrophe or decimal mark (don't, 3.14), which
 * unicode61 would split on; dropping them keeps one term one token, on both the index and query side.
 */
export function ftsToken(term: string): string {
  return term.replace(/['’.,]/g, '');
}
