/**
 * How a search reads the full-text index: how far it counts, which of its matches it ranks, and on
 * which of its words. Pure: it asks the catalog a few small questions (SearchPrimitives, each one
 * SQL statement in catalog/fts-primitives.ts) and decides from the answers.
 */
import type { SqlQuery } from './fts-query.js';

/** Counting matches costs as much as finding them, so a search stops counting here and says "more than". */
export const COUNT_LIMIT = 1000;
/** Newest matches ranked (plus the page asked): BM25 reads every word of each match it scores; news is read newest first. */
export const RANK_WINDOW = 1000;
/** How many of the newest clips tell whether a word is common (in more than half): walking all its matches costs a pass over them. */
export const COMMON_SAMPLE = 2000;
/**
 * A query of one word or phrase with at most this many matches is scored on every word: BM25's count
 * of its clips is the walk over its matches just made, and ranking them costs less than the questions
 * that tell whether it is common.
 */
export const FEW_MATCHES = 200;
/**
 * Up to this many clips, a query whose walk reached its oldest match is scored on every word, when it
 * has at most FEW_MATCHES matches or half the clips a word is told common by (half of COMMON_SAMPLE, or
 * of a smaller catalog). BM25's count of a word's clips is then a pass over at most all of them, about
 * 0.04 µs a clip (0.4 ms for a word in every clip at 10,000 clips, 3.5 ms at 100,000), and scoring the
 * matches about as much as scoring a common word's other words; asking whether a word is common costs
 * about 70 µs a word, 200 for a word being typed, on every word of every query. At 10,000 clips this
 * cut the catalog's time on the bench's headline-word set by 6% on average (p95 14%), and changed the
 * main set and `@postlight/parser`'s titles by under 2%, at 1,000 as at 10,000 clips. At 100,000 clips
 * the counts cost more: scoring every word of queries of up to 200 matches cost the main set 2%.
 */
export const SMALL_CATALOG = 10_000;
/** Scoring on some words scores every clip in the window's range holding them: past this many windows' worth, scoring whole costs less. */
export const SCORED_ON_WORDS_LIMIT = 4;

/** A query with words to match (the others are filter-only). */
export type WordQuery = SqlQuery & { match: string };

/** A clip's row number (the index's rowid) and its BM25 score as FTS5 gives it: lower is better, 0 unranked. */
export interface ScoredRow {
  n: number;
  score: number;
}

/** The questions a search asks of the catalog. "Newest" means the highest row numbers, given to clips as they are added. */
export interface SearchPrimitives {
  /** The query's newest matches (its MATCH expression and filters), newest first. */
  newestMatches(query: WordQuery, limit: number): number[];
  /** How many matches the query has (its MATCH expression and filters), counted up to `limit`. */
  countMatches(query: WordQuery, limit: number): number;
  /** The index match of the expression that has `n` newer ones (a walk from the newest). */
  nthNewest(expression: string, n: number): number | undefined;
  /** The newest row number in the catalog, 0 when it is empty. */
  topRow(): number;
  /** One page of the query's matches from row `oldest` on, scored on the whole query: best first, ties newest first. */
  scoredPage(query: WordQuery, oldest: number, limit: number, offset: number): ScoredRow[];
  /**
   * The `count` best of the expression's index matches from row `oldest` on that `keep` keeps, scored
   * on that expression: best first, ties newest first.
   */
  scoredBest(expression: string, oldest: number, keep: (n: number) => boolean, count: number): ScoredRow[];
  /** How many clips outside the trash pass a filter-only query, counted up to `limit`. */
  countFiltered(query: SqlQuery, limit: number): number;
  /**
   * One page of a filter-only query, newest published first; `matches` is how many clips pass it
   * (countFiltered's answer), or null when there are more than it counted.
   */
  filteredPage(query: SqlQuery, limit: number, offset: number, matches: number | null): number[];
}

/**
 * Which way a page was found: a filter-only query; the newest matches unranked (a broad query, or
 * only common words); ranked on the whole query; or ranked on its uncommon words.
 */
export type SearchPlan = 'filtered' | 'newest' | 'scored-whole' | 'scored-on-words';

export interface PlannedPage {
  plan: SearchPlan;
  total: number;
  /** More clips match than `total`: counting stopped at COUNT_LIMIT. */
  totalIsLowerBound: boolean;
  /** The page, best first (newest first when unranked). */
  rows: ScoredRow[];
}

export interface PageRequest {
  limit: number;
  offset: number;
}

/** One page of the clips matching a query, best first (newest first for filters and broad prefixes). */
export function planSearch(query: SqlQuery, page: PageRequest, index: SearchPrimitives): PlannedPage {
  if (!hasWords(query)) {
    // Counted first: how few clips pass tells the catalog how to find the page.
    const found = index.countFiltered(query, COUNT_LIMIT + 1);
    const rows = index.filteredPage(query, page.limit, page.offset, found > COUNT_LIMIT ? null : found).map(unranked);
    return { plan: 'filtered', ...counted(found), rows };
  }
  if (query.broad) {
    // Nothing to rank, so only the page is walked: counting in SQLite costs half a walk that returns every row.
    const rows = index.newestMatches(query, page.offset + page.limit).slice(page.offset).map(unranked);
    return { plan: 'newest', ...counted(index.countMatches(query, COUNT_LIMIT + 1)), rows };
  }
  // One walk over the newest matches counts them (up to the limit) and finds where the window ends.
  const window = Math.max(RANK_WINDOW, page.offset + page.limit);
  const walkLimit = Math.max(window, COUNT_LIMIT + 1);
  const newest = index.newestMatches(query, walkLimit);
  // Nothing matches: nothing to weigh or rank. A mistyped or absent word is a common search.
  if (newest.length === 0) return { plan: 'newest', ...counted(0), rows: [] };
  const inWindow = newest.slice(0, window);
  const oldest = newest.length > window ? (inWindow.at(-1) ?? 0) : 0;
  const count = counted(newest.length);
  const weighed = weighedWords(query, { rows: newest, whole: newest.length < walkLimit }, index);
  if (weighed.length === 0) return { plan: 'newest', ...count, rows: pageOf(inWindow, page).map(unranked) };
  const scoredOn = weighed.join(' AND ');
  if (scoredOn !== allWords(query) && !isNarrowed(query) && fewSince(index, scoredOn, oldest, SCORED_ON_WORDS_LIMIT * window)) {
    const matching = new Set(inWindow);
    const ranked = index.scoredBest(scoredOn, oldest, (n) => matching.has(n), page.offset + page.limit);
    return { plan: 'scored-on-words', ...count, rows: ranked.slice(page.offset) };
  }
  return { plan: 'scored-whole', ...count, rows: index.scoredPage(query, oldest, page.limit, page.offset) };
}

function hasWords(query: SqlQuery): query is WordQuery {
  return query.match !== null;
}

/** A walk over an expression's newest matches, newest first; `whole` when it reached the oldest. */
interface Walk {
  rows: readonly number[];
  whole: boolean;
}

/** What the query is scored on: its words and phrases, less their common words. */
function weighedWords(query: WordQuery, newest: Walk, index: SearchPrimitives): string[] {
  // A query of one word or phrase has just walked its own newest matches.
  const walked = query.groups.length === 1 && !isNarrowed(query) ? newest : undefined;
  if (newest.whole && newest.rows.length <= FEW_MATCHES && walked) return [...query.groups];
  const top = index.topRow();
  // In a small catalog BM25's counts of the words' clips cost less than asking which are common.
  const scoredWholeUpTo = top <= SMALL_CATALOG ? Math.max(FEW_MATCHES, halfSample(top)) : 0;
  if (newest.whole && newest.rows.length <= scoredWholeUpTo) return [...query.groups];
  const common = (expression: string, walk?: Walk) => isCommon(index, expression, top, walk);
  return query.groups.flatMap((group, i) => weighedGroup(group, query.groupWords[i] ?? [group], common, walked));
}

/**
 * What a group is scored on: nothing when it is common; a phrase containing common words, on its
 * other words (weighing the phrase itself costs a pass over every clip holding all its words, and
 * its common words would weigh nothing anyway).
 */
function weighedGroup(
  group: string,
  words: readonly string[],
  common: (expression: string, walked?: Walk) => boolean,
  walked: Walk | undefined,
): string[] {
  if (common(group, walked)) return [];
  if (words.length < 2) return [group];
  const rare = words.filter((word) => !common(word));
  return rare.length === words.length ? [group] : rare;
}

/**
 * True for a word or phrase in more than half of the newest clips (`top` is the newest row number),
 * told by walking its newest matches (cheap, as the index is ordered by row number) rather than over
 * the whole library, which costs a pass over all its matches. BM25 gives such a word no weight (FTS5
 * floors its IDF at about zero), so leaving it out of the scoring changes no order. (Row numbers of
 * deleted clips count as clips without the word, which can only make a word look rarer than it is.)
 */
function isCommon(index: SearchPrimitives, expression: string, top: number, walked?: Walk): boolean {
  const half = halfSample(top);
  const middle = walked && (walked.whole || walked.rows.length > half) ? walked.rows[half] : index.nthNewest(expression, half);
  return middle !== undefined && middle > top - 2 * half;
}

/** Half the newest clips a word is told common by: in more of them than this, it is. */
function halfSample(top: number): number {
  return Math.floor(Math.min(COMMON_SAMPLE, top) / 2);
}

/** True when fewer than `count` clips from row `oldest` on match the expression. */
function fewSince(index: SearchPrimitives, expression: string, oldest: number, count: number): boolean {
  const last = index.nthNewest(expression, count);
  return last === undefined || last < oldest;
}

/**
 * Tags, exclusions and filters narrow the matches: scoring the weighed words alone would then score
 * many clips the query does not match, so those queries are scored whole.
 */
function isNarrowed(query: SqlQuery): boolean {
  return query.where.length > 0 || query.match !== allWords(query);
}

function allWords(query: SqlQuery): string {
  return query.groups.join(' AND ');
}

function counted(found: number): { total: number; totalIsLowerBound: boolean } {
  return { total: Math.min(found, COUNT_LIMIT), totalIsLowerBound: found > COUNT_LIMIT };
}

function pageOf<T>(rows: readonly T[], page: PageRequest): T[] {
  return rows.slice(page.offset, page.offset + page.limit);
}

function unranked(n: number): ScoredRow {
  return { n, score: 0 };
}
