/**
 * A clip as the full-text index sees it: one string of index terms per column, joined by spaces.
 * Clipdesk makes the terms itself (tokenize.ts: folding, CJK bigrams) because SQLite's tokenizers know
 * no Chinese; FTS5 then only splits on the spaces.
 */
import { tagKey } from '../../shared/tag-names.js';
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

/**
 * The indexed columns, in table order, with their BM25 weights: a title match counts 5 text matches.
 * `tag_names` holds each tag whole, as one term (tagTerm), for tag: filters; it weighs nothing.
 */
export const FTS_COLUMNS = [
  { name: 'title', weight: 5 },
  { name: 'text', weight: 1 },
  { name: 'tags', weight: 3 },
  { name: 'source', weight: 2 },
  { name: 'byline', weight: 2 },
  { name: 'note', weight: 1.5 },
  { name: 'annotations', weight: 1.5 },
  { name: 'tag_names', weight: 0 },
] as const;

export function ftsColumns(doc: SearchDoc): string[] {
  const values: Record<Exclude<(typeof FTS_COLUMNS)[number]['name'], 'tag_names'>, string> = { ...doc, tags: doc.tags.join('\n') };
  return FTS_COLUMNS.map(({ name }) => (name === 'tag_names' ? doc.tags.map(tagTerm) : ftsTerms(values[name])).join(' '));
}

/**
 * A tag name as one index term: its folded form in hex, so that "New York" is one term that only
 * tag:"new york" matches (not tag:york), in any script, and a tag: filter is an index lookup that
 * FTS5 intersects with the words instead of a check per matching clip.
 */
export function tagTerm(name: string): string {
  return `t${Buffer.from(tagKey(name)).toString('hex')}`;
}

export function ftsTerms(text: string): string[] {
  const tokens: string[] = [];
  // Most terms have nothing to split: they are pushed as they are, without an array each.
  for (const term of indexTerms(text)) {
    if (INNER_MARK.test(term)) tokens.push(...ftsTokens(term));
    else tokens.push(term);
  }
  return tokens;
}

const INNER_MARK = /['’.,]/;

/**
 * A term as FTS5 stores it: split at an inner apostrophe or decimal mark, as most search engines do,
 * so "China's" is found by china (and "don't" by the phrase "don t"), on the index and query side alike.
 */
export function ftsTokens(term: string): string[] {
  return term.split(INNER_MARK).filter((token) => token !== '');
}
