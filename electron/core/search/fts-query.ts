/**
 * A parsed query (query.ts) as SQL for the catalog: an FTS5 MATCH expression for the words and phrases,
 * plus conditions on the clip table (alias `c`) for the filters.
 */
import type { Filter, ParsedQuery, Term } from './query.js';
import { tagKey } from '../../shared/tag-names.js';
import { ftsTokens, prefixTerm, SHORT_PREFIX, tagTerm } from './fts-document.js';
import { isCjk } from './tokenize.js';
import { flagCondition, narrowestIndex, paramsOf, readStateCondition, tagCondition, tagListCondition } from './clip-conditions.js';
import type { Condition } from './clip-conditions.js';

export interface SqlQuery {
  /** What the clips must match, or null for a filter-only query. */
  match: string | null;
  /** The words and phrases of `match` (each an FTS5 expression), without its tags and exclusions. */
  groups: string[];
  /**
   * For each group, its words one by one when it is a phrase (each an FTS5 expression that the
   * phrase implies), else the group alone: what a phrase can be scored on instead of itself.
   */
  groupWords: string[][];
  /** What they must not match, for a filter-only query (otherwise it is part of `match`). */
  exclude: string | null;
  /** Conditions on the clip table (alias `c`) for the filters the index cannot answer. */
  where: string[];
  params: Array<string | number>;
  /** An index of just the clips one of the conditions keeps (the starred ones), if one has such an index. */
  index: string | null;
  /**
   * A query that is one word of one or two letters, still being typed. Nearly every clip matches it
   * and its ranking says little, so such results come newest first. (Two Chinese characters are
   * usually a whole word, so they are ranked.)
   */
  broad: boolean;
}

/**
 * With words to match, tag: filters join the MATCH expression (each tag is one index term, see
 * tagTerm), so FTS5 intersects them with the words; without words they are conditions on the clip table.
 */
export function toSqlQuery(query: ParsedQuery): SqlQuery {
  const groups = query.groups.map((group) => anyOf(group.map(termExpression)));
  const groupWords = query.groups.map((group, i) => (group.length === 1 && group[0] ? wordsOf(group[0]) : [groups[i] ?? '']));
  const required = [...groups];
  const excluded = query.exclude.map(termExpression);
  const matching = required.length > 0;
  for (const tag of matching ? query.filters.filter(isTag) : []) {
    (tag.negate ? excluded : required).push(`tag_names : "${tagTerm(tag.value)}"`);
  }
  const conditions = (matching ? query.filters.filter((item) => !isTag(item)) : query.filters).map(filterCondition);
  const positive = required.length > 0 ? required.join(' AND ') : null;
  const negative = excluded.length > 0 ? anyOf(excluded) : null;
  return {
    match: positive && negative ? `${positive} NOT ${negative}` : positive,
    groups,
    groupWords,
    exclude: positive ? null : negative,
    where: conditions.map((condition) => condition.sql),
    params: paramsOf(conditions),
    index: narrowestIndex(conditions),
    broad: isBroad(query),
  };
}

/**
 * A word or phrase as an FTS5 phrase: its index terms must stand next to each other (a CJK word is
 * its bigrams in a row, "high-tech" is high then tech). The word being typed matches as a prefix.
 * A quoted phrase promises words of the title or the text, so other fields cannot satisfy it.
 */
function termExpression(term: Term): string {
  const tokens = term.terms.flatMap(ftsTokens);
  const last = tokens.at(-1) ?? '';
  // A lone CJK character is found among the first characters of the clip's terms.
  if (isLoneCjk(term.terms)) return beginningExpression(last);
  if (!isShortPrefix(term, last)) return phraseExpression(term, tokens, term.prefix);
  return `(${phraseExpression(term, tokens, false)} OR ${beginningsExpression(term, tokens)})`;
}

/**
 * The clips with a word that begins as the short word being typed, the words before it standing
 * just before. A beginning is a term of its own, once a clip (see prefixTerms), so it cannot sit in a
 * phrase, and BM25 cannot tell a clip with the word from one with only longer words it begins:
 * termExpression lets the whole word count too, so that "trade war" ranks a clip about a trade war
 * above one that only holds "Ward" and "warning" (the clips found are the same).
 */
function beginningsExpression(term: Term, tokens: readonly string[]): string {
  const before = tokens.slice(0, -1);
  const beginning = beginningExpression(tokens.at(-1) ?? '');
  return before.length === 0 ? beginning : `(${phraseExpression(term, before, false)} AND ${beginning})`;
}

function phraseExpression(term: Term, tokens: readonly string[], prefix: boolean): string {
  // Index terms are letters and digits only (tokenize.ts), so they need no escaping inside quotes.
  const star = prefix && !isCjkPair(tokens.at(-1) ?? '');
  const phrase = `"${tokens.join(' ')}"${star ? ' *' : ''}`;
  return term.kind === 'phrase' ? `{title text} : ${phrase}` : phrase;
}

/**
 * The clips with a word that begins so (at most SHORT_PREFIX characters), in any field: a beginning's
 * term is in no column but the text's (fts-document.ts), so it needs no column filter.
 */
function beginningExpression(beginning: string): string {
  return `"${prefixTerm(beginning)}"`;
}

/** True when the word being typed ends in a beginning short enough to be looked up among the beginnings. */
function isShortPrefix(term: Term, last: string): boolean {
  return term.prefix && last !== '' && !isCjk(last) && [...last].length <= SHORT_PREFIX;
}

/** A phrase's words, each as an expression (the last one still a prefix while it is typed). */
function wordsOf(term: Term): string[] {
  const tokens = term.terms.flatMap(ftsTokens);
  if (tokens.length < 2) return [termExpression(term)];
  return tokens.map((token, i) => {
    const typed = term.prefix && i === tokens.length - 1;
    return typed && isShortPrefix(term, token) ? beginningExpression(token) : phraseExpression(term, [token], typed);
  });
}

/**
 * A CJK character pair is a whole index term that no longer term begins with (CJK text is indexed as
 * its pairs and single characters, tokenize.ts), so the word being typed needs no prefix star when it
 * ends in one: the star finds nothing more, and FTS5 would still scan the terms that sort after the pair.
 */
function isCjkPair(token: string): boolean {
  return isCjk(token) && [...token].length === 2;
}

function isLoneCjk(terms: readonly string[]): boolean {
  const [only, ...others] = terms;
  return others.length === 0 && only !== undefined && isCjk(only) && [...only].length === 1;
}

function isTag(filter: Filter): filter is Extract<Filter, { kind: 'tag' | 'source' }> {
  return filter.kind === 'tag';
}

function anyOf(expressions: string[]): string {
  return expressions.length === 1 ? (expressions[0] ?? '') : `(${expressions.join(' OR ')})`;
}

function filterCondition(filter: Filter): Condition {
  switch (filter.kind) {
    // A tag wanted is a list of its clips, so that with few of them the catalog reads just those
    // (fts-primitives.ts); a tag left out is looked up clip by clip, as a walk stops early.
    case 'tag':
      return filter.negate ? tagCondition(tagKey(filter.value), false) : tagListCondition(tagKey(filter.value));
    case 'source':
      return { sql: `${filter.negate ? 'not ' : ''}instr(c.source, ?) > 0`, param: filter.value };
    case 'is':
      return flagCondition(filter.value, !filter.negate);
    case 'state':
      return readStateCondition(filter.value, !filter.negate);
    case 'after':
      return { sql: 'c.day >= ?', param: filter.day };
    case 'before':
      return { sql: 'c.day < ?', param: filter.day };
  }
}

function isBroad(query: ParsedQuery): boolean {
  const [group, ...others] = query.groups;
  const term = group?.length === 1 ? group[0] : undefined;
  const word = term?.terms.length === 1 ? (term.terms[0] ?? '') : '';
  return others.length === 0 && term !== undefined && term.prefix && word !== '' && !isCjk(word) && [...word].length <= 2;
}
