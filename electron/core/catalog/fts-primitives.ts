import { FTS_COLUMNS } from '../search/fts-document.js';
import type { SqlQuery } from '../search/fts-query.js';
import type { ScoredRow, SearchPrimitives, WordQuery } from '../search/search-plan.js';
import { newestRow } from './clip-row.js';
import { pageAccess } from './page-cost.js';
import type { Statements } from './statements.js';

/** FTS5's BM25 with the column weights; called by name (not `rank`) so a rowid bound narrows what it scores. */
const BM25 = `bm25(fts, ${FTS_COLUMNS.map((column) => column.weight).join(', ')})`;

/**
 * A flag's clips are looked up in a list of them (see #matchesOf) when at most this share of the
 * catalog carries it: the list costs about 0.35 µs a clip to make, once per statement, where joining
 * each match to its clip costs 0.3-1 µs a match, and a walk stops once it has the matches it needs.
 */
const FLAG_LIST_SHARE = 0.1;

/** The questions of a search plan (search-plan.ts), each one statement over the catalog's index and tables. */
export class FtsPrimitives implements SearchPrimitives {
  readonly #db: Statements;
  /** Per search: whether its matches are checked against a list of its flag's clips (see #matchesOf). */
  readonly #flagLists = new WeakMap<WordQuery, boolean>();

  constructor(statements: Statements) {
    this.#db = statements;
  }

  newestMatches(query: WordQuery, limit: number): number[] {
    const { from, args } = this.#matchesOf(query);
    return this.#db.sql(`select fts.rowid ${from} order by fts.rowid desc limit ?`).pluck().all(...args, limit) as number[];
  }

  countMatches(query: WordQuery, limit: number): number {
    const { from, args } = this.#matchesOf(query);
    return this.#db.sql(`select count(*) from (select 1 ${from} limit ?)`).pluck().get(...args, limit) as number;
  }

  nthNewest(expression: string, n: number): number | undefined {
    return this.#db.sql('select rowid from fts where fts match ? order by rowid desc limit 1 offset ?').pluck()
      .get(expression, n) as number | undefined;
  }

  topRow(): number {
    return newestRow(this.#db);
  }

  scoredPage(query: WordQuery, oldest: number, limit: number, offset: number): ScoredRow[] {
    const { from, args } = this.#matchesOf(query);
    return this.#db.sql(`select fts.rowid as n, ${BM25} as score ${from} and fts.rowid >= ?
      order by score, fts.rowid desc limit ? offset ?`).all(...args, oldest, limit, offset) as ScoredRow[];
  }

  /**
   * Sorted and cut in SQL: a row made into an object, kept or not, then sorted, cost more than scoring
   * it (1,008 matches of `space*` at 10,000 clips: 1.33 ms so, 0.60 sorted and cut). Nearly every match
   * the plan scores is one it keeps (the window holds the newest matches of words that include these),
   * so a few rows more than asked are read first, and all of them only when too few were kept.
   */
  scoredBest(expression: string, oldest: number, keep: (n: number) => boolean, count: number): ScoredRow[] {
    const best = this.#db.sql(`select rowid as n, ${BM25} as score from fts where fts match ? and rowid >= ?
      order by score, rowid desc limit ?`);
    const limit = count + 32;
    const first = best.all(expression, oldest, limit) as ScoredRow[];
    const kept = (rows: ScoredRow[]) => rows.filter((row) => keep(row.n));
    const firstKept = kept(first);
    // Fewer rows than the limit are all there are.
    const enough = first.length < limit || firstKept.length >= count;
    return (enough ? firstKept : kept(best.all(expression, oldest, -1) as ScoredRow[])).slice(0, count);
  }

  countFiltered(query: SqlQuery, limit: number): number {
    const { where, args } = filteredBy(query);
    // From a flag's index of its clips, or in the table's own order: SQLite would walk an index on
    // `trashed` and read each clip it names, which for a filter few clips pass is the whole index and
    // every clip (page-cost.ts).
    const access = query.index ? `indexed by ${query.index}` : 'not indexed';
    return this.#db.sql(`select count(*) from (select 1 from clip c ${access} ${where} limit ?)`).pluck()
      .get(...args, limit) as number;
  }

  filteredPage(query: SqlQuery, limit: number, offset: number, matches: number | null): number[] {
    if (matches !== null && offset >= matches) return [];
    const { where, args } = filteredBy(query);
    // Apart: the clips that pass, found from a flag's index, a tag's list or the table in its own order,
    // then sorted. Else along the sort's index, which SQLite would leave for a tag's list however long.
    const access = matches === null ? 'indexed by clip_by_published' : apartAccess(query, offset + limit, matches, this.topRow());
    return this.#db.sql(`select c.n from clip c ${access} ${where} order by c.published_at desc, c.n desc limit ? offset ?`)
      .pluck().all(...args, limit, offset) as number[];
  }

  /**
   * The query's matches as SQL. With a flag few clips carry (`is:starred harbour`), each match is
   * looked for in a list of the clips its filters keep, made from the flag's index, instead of being
   * joined to its clip: at 100,000 clips with 50 starred, `is:starred said` walks 45,000 matches, in
   * 30 ms joined and 2 ms against the list. (The `+` keeps the list from FTS5, which would look each
   * of its clips up in the index anew: 40-130 µs a clip, and milliseconds for a word being typed.)
   */
  #matchesOf(query: WordQuery): { from: string; args: Array<string | number> } {
    if (!this.#flagListed(query)) return matchesOf(query);
    const kept = `select c.n from clip c indexed by ${query.index} where ${keptWhere(query)}`;
    return { from: `from fts where fts match ? and +fts.rowid in (${kept})`, args: [query.match, ...query.params] };
  }

  /** Whether few clips carry the query's flag, and its words have more matches than the clips kept. */
  #flagListed(query: WordQuery): boolean {
    if (!query.index) return false;
    const known = this.#flagLists.get(query);
    if (known !== undefined) return known;
    const kept = this.#db.sql(`select count(*) from clip c indexed by ${query.index} where ${keptWhere(query)}`)
      .pluck().get(...query.params) as number;
    const listed = kept <= FLAG_LIST_SHARE * this.topRow() && this.nthNewest(query.match, kept) !== undefined;
    this.#flagLists.set(query, listed);
    return listed;
  }
}

/** How a page of a search of filters alone reads its clips, `matches` of `size` passing (page-cost.ts). */
function apartAccess(query: SqlQuery, pageEnd: number, matches: number, size: number): string {
  const access = pageAccess(pageEnd, matches, size, { pick: query.index !== null, readTable: true });
  return access === 'pick' ? `indexed by ${query.index}` : access === 'table' ? 'not indexed' : 'indexed by clip_by_published';
}

/** The clips the query's filters keep, outside the trash (a flag's index is of the clips outside and in it). */
function keptWhere(query: SqlQuery): string {
  return ['c.trashed = 0', ...query.where].join(' and ');
}

/** The index holds no clip in the trash, so without date or flag filters it answers alone, with no join. */
function matchesOf(query: WordQuery): { from: string; args: Array<string | number> } {
  if (query.where.length === 0) return { from: 'from fts where fts match ?', args: [query.match] };
  const from = `from fts join clip c on c.n = fts.rowid where fts match ? and ${query.where.join(' and ')}`;
  return { from, args: [query.match, ...query.params] };
}

function filteredBy(query: SqlQuery): { where: string; args: Array<string | number> } {
  const excluded = query.exclude === null ? '' : ' and c.n not in (select rowid from fts where fts match ?)';
  return {
    where: `where ${keptWhere(query)}${excluded}`,
    args: query.exclude === null ? query.params : [...query.params, query.exclude],
  };
}
