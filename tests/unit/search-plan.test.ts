import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SqlQuery } from '../../electron/core/search/fts-query.js';
import {
  COMMON_SAMPLE, COUNT_LIMIT, FEW_MATCHES, RANK_WINDOW, SCORED_ON_WORDS_LIMIT, SMALL_CATALOG, planSearch,
} from '../../electron/core/search/search-plan.js';
import type { ScoredRow, SearchPrimitives, WordQuery } from '../../electron/core/search/search-plan.js';

/** Row numbers 1..top that `keep` selects. */
function rows(top: number, keep: (n: number) => boolean): number[] {
  return Array.from({ length: top }, (_, i) => i + 1).filter(keep);
}

/**
 * The catalog's answers, made up: `matches` gives every expression's rows (the query's own under its
 * whole MATCH expression, filters applied); a row's BM25 score is `score(n)`, lower is better. Every
 * question asked is logged, by name.
 */
function fakeIndex(matches: Record<string, number[]>, options: { score?: (n: number) => number; filtered?: number[] } = {}) {
  const asked: string[] = [];
  const newestOf = (expression: string) => [...(matches[expression] ?? [])].sort((a, b) => b - a);
  const scored = (expression: string, oldest: number): ScoredRow[] =>
    (matches[expression] ?? []).filter((n) => n >= oldest).map((n) => ({ n, score: options.score?.(n) ?? 0 }));
  const filtered = options.filtered ?? [];
  const index: SearchPrimitives = {
    newestMatches: (query, limit) => (asked.push('newestMatches'), newestOf(query.match).slice(0, limit)),
    countMatches: (query, limit) => (asked.push('countMatches'), Math.min(newestOf(query.match).length, limit)),
    nthNewest: (expression, n) => (asked.push(`nthNewest ${expression}`), newestOf(expression)[n]),
    topRow: () => (asked.push('topRow'), Math.max(0, ...Object.values(matches).flat())),
    scoredPage: (query, oldest, limit, offset) => (asked.push(`scoredPage from ${oldest}`),
      scored(query.match, oldest).sort((a, b) => a.score - b.score || b.n - a.n).slice(offset, offset + limit)),
    scoredBest: (expression, oldest, keep, count) => (asked.push(`scoredBest ${expression} from ${oldest}`),
      scored(expression, oldest).filter((row) => keep(row.n)).sort((a, b) => a.score - b.score || b.n - a.n).slice(0, count)),
    countFiltered: (_query, limit) => Math.min(filtered.length, limit),
    filteredPage: (_query, limit, offset) => filtered.slice(offset, offset + limit),
  };
  return { index, asked };
}

const base: SqlQuery = { match: null, groups: [], groupWords: [], exclude: null, where: [], params: [], index: null, broad: false };

/** Words all required, as toSqlQuery makes them. */
function words(...groups: string[]): WordQuery {
  return { ...base, match: groups.join(' AND '), groups, groupWords: groups.map((group) => [group]) };
}

function phrase(...parts: string[]): WordQuery {
  const group = `"${parts.join(' ')}"`;
  return { ...base, match: group, groups: [group], groupWords: [parts] };
}

const page = (limit = 20, offset = 0) => ({ limit, offset });
const ids = (found: { rows: ScoredRow[] }) => found.rows.map((row) => row.n);

test('ranks a query with few matches whole, best first', () => {
  const { index, asked } = fakeIndex({ steel: [3, 5, 9] }, { score: (n) => (n === 3 ? -2 : -1) });
  const found = planSearch(words('steel'), page(), index);
  assert.equal(found.plan, 'scored-whole');
  assert.deepEqual(ids(found), [3, 9, 5]);
  assert.deepEqual([found.total, found.totalIsLowerBound], [3, false]);
  assert.ok(asked.includes('scoredPage from 0'), 'every match is scored');
});

test('asks nothing more of a query that matches nothing', () => {
  const { index, asked } = fakeIndex({ steel: rows(3 * COMMON_SAMPLE, () => true) });
  const found = planSearch(words('steel', 'zzqx'), page(), index);
  assert.deepEqual([found.total, found.rows.length], [0, 0]);
  assert.deepEqual(asked, ['newestMatches']);
});

test('counts matches up to COUNT_LIMIT and says "more than" past it', () => {
  const exactly = planSearch(words('steel'), page(), fakeIndex({ steel: rows(COUNT_LIMIT, () => true) }).index);
  assert.deepEqual([exactly.total, exactly.totalIsLowerBound], [COUNT_LIMIT, false]);
  const more = planSearch(words('steel'), page(), fakeIndex({ steel: rows(COUNT_LIMIT + 5, () => true) }).index);
  assert.deepEqual([more.total, more.totalIsLowerBound], [COUNT_LIMIT, true]);
});

test('ranks a query with more matches than RANK_WINDOW only among its newest matches', () => {
  // Every other clip: not common, so the word is weighed.
  const steel = rows(6 * RANK_WINDOW, (n) => n % 2 === 0);
  const { index, asked } = fakeIndex({ steel }, { score: (n) => (n === 2 ? -9 : -1) });
  const found = planSearch(words('steel'), page(), index);
  const windowEnd = steel.at(-RANK_WINDOW);
  assert.ok(asked.includes(`scoredPage from ${windowEnd}`));
  assert.ok(!ids(found).includes(2), 'the best-scored match, oldest of all, is outside the window');
});

test('a page past the window widens it: every match can be reached by paging', () => {
  const steel = rows(6 * RANK_WINDOW, (n) => n % 2 === 0);
  const { index, asked } = fakeIndex({ steel });
  const found = planSearch(words('steel'), page(50, RANK_WINDOW + 200), index);
  assert.ok(asked.includes('scoredPage from 0'), 'a walk no longer than the window cannot tell where it ends: all is ranked');
  assert.equal(found.rows.length, 50);
});

test('lists a broad prefix newest first, unscored, without asking which words are common', () => {
  const { index, asked } = fakeIndex({ '"st" *': rows(3000, () => true) });
  const found = planSearch({ ...words('"st" *'), broad: true }, page(3, 2), index);
  assert.equal(found.plan, 'newest');
  assert.deepEqual(found.rows, [{ n: 2998, score: 0 }, { n: 2997, score: 0 }, { n: 2996, score: 0 }]);
  assert.deepEqual([found.total, found.totalIsLowerBound], [COUNT_LIMIT, true]);
  assert.deepEqual(asked, ['newestMatches', 'countMatches']);
});

test('a word in more than half the newest clips lists newest first when alone, told from its own walk', () => {
  const { index, asked } = fakeIndex({ the: rows(3000, () => true) });
  const found = planSearch(words('the'), page(), index);
  assert.equal(found.plan, 'newest');
  assert.deepEqual(ids(found).slice(0, 2), [3000, 2999]);
  assert.deepEqual(asked, ['newestMatches', 'topRow'], 'no second walk over its matches');
});

/** A catalog past SMALL_CATALOG, where a query's common words are asked for before it is scored. */
const BIG = SMALL_CATALOG + 2000;

test('a word in more than half the newest clips is left out of the scoring of the others', () => {
  const company = rows(BIG, (n) => n % 10 === 0);
  const { index, asked } = fakeIndex({ the: rows(BIG, () => true), company, 'the AND company': company }, { score: (n) => -(n % 7) });
  const found = planSearch(words('the', 'company'), page(), index);
  assert.equal(found.plan, 'scored-on-words');
  assert.ok(asked.includes(`scoredBest company from ${company.at(-RANK_WINDOW)}`));
  assert.deepEqual(ids(found).slice(0, 3), [11990, 11920, 11850], 'best score first, ties newest first');
});

test('a phrase with a common word is scored on its other words, among the phrase\'s own matches', () => {
  const thePhrase = rows(BIG, (n) => n % 20 === 0);
  const company = rows(BIG, (n) => n % 10 === 0);
  const matches = { '"the company"': thePhrase, the: rows(BIG, () => true), company };
  const { index, asked } = fakeIndex(matches, { score: (n) => (n === 10 ? -9 : -(n % 7)) });
  const found = planSearch(phrase('the', 'company'), page(200), index);
  assert.equal(found.plan, 'scored-on-words');
  assert.ok(asked.includes('scoredBest company from 0'));
  assert.ok(!ids(found).includes(10), 'a clip with the word but not the phrase is left out');
  assert.deepEqual(found.total, thePhrase.length);
  assert.ok(ids(found).every((n) => n % 20 === 0));
});

test('a phrase of rare words is scored whole', () => {
  const matches = {
    '"steel tariffs"': rows(3000, (n) => n % 20 === 0), steel: rows(3000, (n) => n % 5 === 0), tariffs: rows(3000, (n) => n % 4 === 0),
  };
  assert.equal(planSearch(phrase('steel', 'tariffs'), page(), fakeIndex(matches).index).plan, 'scored-whole');
});

test('a query narrowed by a filter, tag or exclusion is scored whole, common words and all', () => {
  const company = rows(3000, (n) => n % 10 === 0);
  const matches = { the: rows(3000, () => true), company, 'the AND company': company, 'the AND company AND tag_names : "t74"': company };
  const filtered = { ...words('the', 'company'), where: ['c.day >= ?'], params: ['2020-01-01'] };
  const tagged = { ...words('the', 'company'), match: 'the AND company AND tag_names : "t74"' };
  for (const query of [filtered, tagged]) {
    const { index, asked } = fakeIndex(matches);
    assert.equal(planSearch(query, page(), index).plan, 'scored-whole');
    assert.ok(!asked.some((question) => question.startsWith('nthNewest the AND')), 'no walk of the weighed words');
  }
});

test(`scores whole when the other words match more than ${SCORED_ON_WORDS_LIMIT} windows' worth of clips in its range`, () => {
  const top = 60 * RANK_WINDOW;
  const thePhrase = rows(top, (n) => n % 40 === 0);
  const index = (year: number[]) => fakeIndex({ '"the year"': thePhrase, the: rows(top, () => true), year }).index;
  // The phrase's window spans its newest RANK_WINDOW matches, 40 * RANK_WINDOW rows: a third of them
  // hold "year" (not common), more than SCORED_ON_WORDS_LIMIT windows' worth.
  assert.equal(planSearch(phrase('the', 'year'), page(), index(rows(top, (n) => n % 3 === 0))).plan, 'scored-whole');
  assert.equal(planSearch(phrase('the', 'year'), page(), index(rows(top, (n) => n % 20 === 0))).plan, 'scored-on-words');
});

test(`in a catalog of up to ${SMALL_CATALOG} clips, scores a query on every word when it has at most half the common sample`, () => {
  /** "the" in every clip; the query's matches are the newest `count` of the clips numbered a multiple of `every`. */
  const matchesIn = (top: number, count: number, every = 2) => {
    const company = rows(top, (n) => n % every === 0).slice(-count);
    return { the: rows(top, () => true), company, 'the AND company': company };
  };
  const plan = (matches: Record<string, number[]>) => planSearch(words('the', 'company'), page(), fakeIndex(matches).index).plan;
  const half = COMMON_SAMPLE / 2;
  const small = fakeIndex(matchesIn(SMALL_CATALOG, half));
  assert.equal(planSearch(words('the', 'company'), page(), small.index).plan, 'scored-whole');
  assert.deepEqual(small.asked, ['newestMatches', 'topRow', 'scoredPage from 0'], 'nothing asked about its words');
  // Past half the sample, and in a bigger catalog, BM25's counts of its words' clips cost more than asking.
  assert.equal(plan(matchesIn(SMALL_CATALOG, half + 1)), 'scored-on-words');
  assert.equal(plan(matchesIn(SMALL_CATALOG + 1, FEW_MATCHES)), 'scored-on-words');
  // A small catalog's half is of its own clips (past it, every word of the query is common), never under FEW_MATCHES.
  assert.equal(plan(matchesIn(900, 300, 3)), 'scored-whole');
  assert.equal(plan(matchesIn(500, 300, 1)), 'newest');
  assert.equal(plan(matchesIn(300, FEW_MATCHES, 1)), 'scored-whole');
});

test(`a word or phrase of at most ${FEW_MATCHES} matches is scored whole in a catalog of any size, asking nothing about its words`, () => {
  const top = 10 * COMMON_SAMPLE;
  const thePhrase = rows(top, (n) => n % 100 === 0);
  const { index, asked } = fakeIndex({ '"the company"': thePhrase, the: rows(top, () => true), company: rows(top, (n) => n % 10 === 0) });
  assert.equal(planSearch(phrase('the', 'company'), page(), index).plan, 'scored-whole');
  assert.deepEqual(asked, ['newestMatches', 'scoredPage from 0'], 'BM25 counts the phrase\'s clips by the walk just made');
  // Narrowed, the walk is not the phrase's own matches: BM25 would count all of them.
  const dated = { ...phrase('the', 'company'), where: ['c.day >= ?'], params: ['2020-01-01'] };
  const narrowed = fakeIndex({ '"the company"': thePhrase, the: rows(top, () => true) });
  planSearch(dated, page(), narrowed.index);
  assert.ok(narrowed.asked.includes('nthNewest "the company"'), 'its words are weighed');
});

test('a word whose walk reached its oldest match is weighed on that walk alone', () => {
  const top = 2 * COMMON_SAMPLE;
  const steel = rows(top, (n) => n % 5 === 0);
  const { index, asked } = fakeIndex({ the: rows(top, () => true), steel });
  assert.equal(planSearch(words('steel'), page(), index).plan, 'scored-whole');
  assert.deepEqual(asked, ['newestMatches', 'topRow', 'scoredPage from 0'], 'its matches, fewer than half the clips: not common');
});

test(`tells a common word by the middle of the newest ${COMMON_SAMPLE} clips, not by all its matches`, () => {
  // In every clip of the newest COMMON_SAMPLE and in none before: common, however rare over the library.
  const top = 10 * COMMON_SAMPLE;
  const the = rows(top, (n) => n > top - COMMON_SAMPLE);
  const company = rows(top, (n) => n % 10 === 0);
  const { index, asked } = fakeIndex({ the, company, 'the AND company': company.filter((n) => the.includes(n)) });
  assert.equal(planSearch(words('the', 'company'), page(), index).plan, 'scored-on-words');
  assert.ok(asked.includes('nthNewest the'), 'the word walked to its middle');
});

test(`a filter-only query counts up to ${COUNT_LIMIT} and pages in the catalog's order, unscored`, () => {
  const { index } = fakeIndex({}, { filtered: rows(COUNT_LIMIT + 10, () => true).reverse() });
  const found = planSearch({ ...base, where: ['c.starred = ?'], params: [1] }, page(2, 1), index);
  assert.equal(found.plan, 'filtered');
  assert.deepEqual([found.total, found.totalIsLowerBound], [COUNT_LIMIT, true]);
  assert.deepEqual(found.rows, [{ n: COUNT_LIMIT + 9, score: 0 }, { n: COUNT_LIMIT + 8, score: 0 }]);
});
