/**
 * A clip as the full-text index sees it: one string of index terms per column, joined by spaces.
 * Clipdesk makes the terms itself (tokenize.ts: folding, CJK bigrams) because SQLite's tokenizers know
 * no Chinese; FTS5 then only splits on the spaces.
 */
import { tagKey } from '../../shared/tag-names.js';
import { indexTerms, isCjk } from './tokenize.js';

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
 * `text` comes first because FTS5 stores which column an entry is in only for the other columns (two
 * bytes an entry): the clip's words and the short beginnings of its words (prefixTerms, for the word
 * being typed) share that column, so neither pays. On the bench's clips this cut the full-text index
 * by 14% (2,964 to 2,543 B a clip), and by 15% on whole Chinese articles, whose character pairs are
 * many. The beginnings count as words of the text in BM25's length of the text; both grow with it.
 * `tag_names` holds each tag whole, as one term (tagTerm), for tag: filters; it weighs nothing.
 */
export const FTS_COLUMNS = [
  { name: 'text', weight: 1 },
  { name: 'title', weight: 5 },
  { name: 'tags', weight: 3 },
  { name: 'source', weight: 2 },
  { name: 'byline', weight: 2 },
  { name: 'note', weight: 1.5 },
  { name: 'annotations', weight: 1.5 },
  { name: 'tag_names', weight: 0 },
] as const;

/** Words being typed up to this many characters are looked up among the beginnings (prefixTerms); longer ones by FTS5's own prefix scan. */
export const SHORT_PREFIX = 3;

/** Marks a prefix term: index terms are letters and digits only, so none can be mistaken for a word. */
const PREFIX_MARK = '_';

type WordColumn = Exclude<(typeof FTS_COLUMNS)[number]['name'], 'tag_names'>;

/** The columns of words, each made from the SearchDoc field of its name. */
const WORD_COLUMNS = FTS_COLUMNS.map(({ name }) => name).filter((name): name is WordColumn => name !== 'tag_names');

export function ftsColumns(doc: SearchDoc): string[] {
  const values: Record<WordColumn, string> = { ...doc, tags: doc.tags.join('\n') };
  const words = new Map(WORD_COLUMNS.map((name) => [name, ftsTerms(values[name])]));
  const beginnings = prefixTerms([...words.values()].flat());
  return FTS_COLUMNS.map(({ name }) => {
    if (name === 'tag_names') return doc.tags.map(tagTerm).join(' ');
    // After the text's own words, so their positions (and phrases) are as without them.
    if (name === 'text') return [...(words.get(name) ?? []), ...beginnings].join(' ');
    return (words.get(name) ?? []).join(' ');
  });
}

/**
 * The beginnings of the words, each once per clip, that find a clip while a word is typed: a
 * spaced-script word's first 1 to SHORT_PREFIX characters, a CJK term's first character. FTS5's own
 * prefix indexes keep every position of every beginning and give each CJK character pair two entries
 * of its own: on the bench's 10,000 clips they took 5.0 KB a clip of full-text index, this set 3.6 KB.
 * Leaving out the two-character beginnings (found by scanning the three-character ones) saves 0.4 KB
 * more, but a query such as "trade re" then scans a few dozen terms at every step of its plan: 10-14 ms.
 */
export function prefixTerms(terms: readonly string[]): string[] {
  const beginnings = new Set<string>();
  // Each distinct word once: a text repeats its common words many times, and this runs for every clip saved.
  for (const term of new Set(terms)) {
    const longest = isCjk(term) ? 1 : SHORT_PREFIX;
    let beginning = '';
    let length = 0;
    for (const char of term) {
      beginning += char;
      beginnings.add(beginning);
      if (++length === longest) break;
    }
  }
  return Array.from(beginnings, prefixTerm);
}

/** The index term for a beginning of a word. */
export function prefixTerm(beginning: string): string {
  return `${PREFIX_MARK}${beginning}`;
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
