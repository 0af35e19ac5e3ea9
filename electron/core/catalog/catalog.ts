import { join } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { ClipSummary, ListOptions, ListResult, TagCount } from '../../api.js';
import { toSearchDoc, toSummary } from '../clip-record.js';
import type { ParsedQuery } from '../search/query.js';
import { FTS_COLUMNS, ftsColumns } from '../search/fts-document.js';
import { toSqlQuery } from '../search/fts-query.js';
import type { SqlQuery } from '../search/fts-query.js';
import { fold } from '../search/tokenize.js';
import type { ClipRecord } from '../store/schema.js';
import { foldTag, tagKey } from '../tags.js';
import { openCatalogDb } from './catalog-db.js';

/** What the catalog needs to know of a clip after a write: its record (none if deleted) and text. */
export interface CatalogUpdate {
  id: string;
  record: ClipRecord | undefined;
  /** The current text; only read for clips outside the trash, which are the ones searched. */
  text: () => Promise<string>;
}

export interface CatalogHit {
  clip: ClipSummary;
  score: number;
}

/**
 * Counting the clips a broad query matches costs as much as finding them; past this many, a search
 * says "more than" instead of reading on.
 */
export const COUNT_LIMIT = 1000;

/**
 * A query's matches are ranked among its newest RANK_WINDOW (plus the page asked for). BM25 costs a few
 * microseconds per match (it reads every instance of every word in every column), so ranking all 90,000
 * matches of a common word at 100,000 clips took half a second; the newest thousand take milliseconds.
 * A query with fewer matches, which is most of them, is ranked whole; for a broad one, a news library's
 * newest matches are where a reader looks first.
 */
export const RANK_WINDOW = 1000;

/** How many of the newest clips tell whether a word is common (in more than half of them). */
const COMMON_SAMPLE = 2000;
/** Below this many clips, every word is weighed: ranking them all is cheap. (Row numbers of deleted
 * clips count as clips without the word, which can only make a word look rarer than it is.) */
const MIN_SAMPLE = 200;

/**
 * Scoring on some of a query's words (see #weighed) scores every clip in the window's range that has
 * those words; past this many times the window, the query is scored whole instead.
 */
const SCORED_ON_WORDS_LIMIT = 4;

/** FTS5's BM25 with the column weights; called by name (not `rank`) so a rowid bound narrows what it scores. */
const BM25 = `bm25(fts, ${FTS_COLUMNS.map((column) => column.weight).join(', ')})`;

const SORT_COLUMNS = { clippedAt: 'c.clipped_at', publishedAt: 'c.published_at', title: 'c.title_key' } as const;

/**
 * The derived, on-disk view of the library (see catalog-db.ts). Every store write is mirrored here
 * under the same cross-process lock, together with the stamps of the shard files it came from, so a
 * crash between the two writes is noticed and repaired at the next open.
 */
export class Catalog {
  readonly #db: Database;
  readonly #statements = new Map<string, Statement>();
  /** True when the file was just created and still has to be filled from the store. */
  readonly fresh: boolean;

  private constructor(db: Database, fresh: boolean) {
    this.#db = db;
    this.fresh = fresh;
  }

  static open(dir: string): Catalog {
    const { db, fresh } = openCatalogDb(join(dir, 'index.sqlite'));
    return new Catalog(db, fresh);
  }

  close(): void {
    this.#db.close();
  }

  // --- writing ----------------------------------------------------------------------------------

  /** Mirrors written clips; their texts are read first, so the transaction never waits on the disk. */
  async apply(updates: readonly CatalogUpdate[], stamps: ReadonlyMap<string, string | null> = new Map()): Promise<void> {
    this.write(await Promise.all(updates.map(async ({ id, record, text }) => ({
      id,
      record,
      text: record && !record.deletedAt ? await text() : '',
    }))), stamps);
  }

  /**
   * Mirrors clips whose texts are at hand and records the shard files they came from, in one
   * transaction: one WAL append per store write.
   */
  write(entries: ReadonlyArray<{ id: string; record: ClipRecord | undefined; text: string }>, stamps: ReadonlyMap<string, string | null> = new Map()): void {
    this.#db.transaction(() => {
      for (const { id, record, text } of entries) {
        if (!record) this.#remove(id);
        else this.#put(record, record.deletedAt ? null : ftsColumns(toSearchDoc(record, text)));
      }
      this.#stamp(stamps);
    })();
  }

  #remove(id: string): void {
    const n = this.#n(id);
    if (n === undefined) return;
    this.#sql('delete from fts where rowid = ?').run(n);
    this.#sql('delete from clip_tag where n = ?').run(n);
    this.#sql('delete from clip_summary where n = ?').run(n);
    this.#sql('delete from clip where n = ?').run(n);
  }

  /**
   * Inserts or updates a clip in place: an edit keeps the clip's row number, so only the rows and
   * index entries that changed are rewritten (what a tag edit costs on disk).
   */
  #put(record: ClipRecord, columns: string[] | null): void {
    const values = clipRow(record);
    const n = this.#n(record.id);
    const row = n ?? (this.#sql(`insert into clip (${CLIP_FIELDS.join(', ')}) values (${CLIP_FIELDS.map((k) => `@${k}`).join(', ')})`).run(values).lastInsertRowid as number);
    if (n !== undefined) {
      this.#sql(`update clip set ${CLIP_FIELDS.map((k) => `${k} = @${k}`).join(', ')} where n = @n`).run({ ...values, n });
      this.#sql('delete from fts where rowid = ?').run(n);
    }
    this.#sql('insert or replace into clip_summary (n, summary) values (?, ?)').run(row, JSON.stringify(toSummary(record)));
    this.#putTags(row, record.tags);
    if (columns) this.#sql(`insert into fts (rowid, ${FTS_COLUMNS.map((c) => c.name).join(', ')}) values (?, ${columns.map(() => '?').join(', ')})`).run(row, ...columns);
  }

  /** Only the tags that changed are written. */
  #putTags(n: number, tags: readonly string[]): void {
    const wanted = new Map(tags.map((name) => [tagKey(name), name]));
    const stored = this.#sql('select tag_key as key, name from clip_tag where n = ?').all(n) as Array<{ key: string; name: string }>;
    for (const { key, name } of stored) {
      if (wanted.get(key) === name) wanted.delete(key);
      else this.#sql('delete from clip_tag where tag_key = ? and n = ?').run(key, n);
    }
    const insert = this.#sql('insert into clip_tag (tag_key, n, name, folded) values (?, ?, ?, ?)');
    for (const [key, name] of wanted) insert.run(key, n, name, foldTag(name));
  }

  #n(id: string): number | undefined {
    return this.#sql('select n from clip where id = ?').pluck().get(id) as number | undefined;
  }

  #stamp(stamps: ReadonlyMap<string, string | null>): void {
    for (const [key, stamp] of stamps) {
      if (stamp === null) this.#sql('delete from shard where key = ?').run(key);
      else this.#sql('insert or replace into shard (key, stamp) values (?, ?)').run(key, stamp);
    }
  }

  shardStamps(): Map<string, string> {
    const rows = this.#sql('select key, stamp from shard').all() as Array<{ key: string; stamp: string }>;
    return new Map(rows.map((row) => [row.key, row.stamp]));
  }

  // --- reading ----------------------------------------------------------------------------------

  get size(): number {
    return this.#sql('select count(*) from clip').pluck().get() as number;
  }

  /** The clip an import would duplicate: same canonical URL, or same text when there is no URL. */
  findSame(canonicalUrl: string | null, contentHash: string): string | undefined {
    return this.#sql('select id from clip where same_key = ? order by n limit 1').pluck().get(sameKey(canonicalUrl, contentHash)) as string | undefined;
  }

  has(id: string): boolean {
    return this.#n(id) !== undefined;
  }

  summary(id: string): ClipSummary | undefined {
    const json = this.#sql('select s.summary from clip c join clip_summary s on s.n = c.n where c.id = ?').pluck().get(id) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as ClipSummary);
  }

  idsStartingWith(prefix: string, limit: number): string[] {
    return this.#sql("select id from clip where id >= ? and id < ? || 'g' order by id limit ?").pluck().all(prefix, prefix, limit) as string[];
  }

  /** Clips carrying any of the tags, in the trash or not. */
  idsTagged(names: readonly string[]): string[] {
    const keys = JSON.stringify(names.map(tagKey));
    return this.#sql('select distinct c.id from clip_tag t join clip c on c.n = t.n where t.tag_key in (select value from json_each(?))').pluck().all(keys) as string[];
  }

  trashedIds(): string[] {
    return this.#sql('select id from clip where trashed = 1').pluck().all() as string[];
  }

  list(options: ListOptions): ListResult {
    const where = ['c.trashed = ?'];
    const params: Array<string | number> = [options.trashed ? 1 : 0];
    for (const flag of ['starred', 'annotated'] as const) {
      const wanted = options[flag];
      if (wanted === undefined) continue;
      where.push(`c.${flag} = ?`);
      params.push(wanted ? 1 : 0);
    }
    for (const tag of options.tags ?? []) {
      where.push('exists (select 1 from clip_tag t where t.n = c.n and t.tag_key = ?)');
      params.push(tagKey(tag));
    }
    const filter = where.join(' and ');
    const column = SORT_COLUMNS[options.sort ?? 'clippedAt'];
    const direction = options.descending === false ? 'asc' : 'desc';
    const total = this.#sql(`select count(*) from clip c where ${filter}`).pluck().get(...params) as number;
    const page = this.#sql(`select s.summary from clip c join clip_summary s on s.n = c.n where ${filter} order by ${column} ${direction}, c.id limit ? offset ?`)
      .pluck().all(...params, options.limit ?? 100, options.offset ?? 0) as string[];
    return { total, clips: page.map((json) => JSON.parse(json) as ClipSummary) };
  }

  /** Tags of clips outside the trash, most used first, each under the spelling its oldest clip has. */
  tags(): TagCount[] {
    const rows = this.#sql(`select t.name as name, min(t.n) as oldest, count(*) as count
      from clip_tag t join clip c on c.n = t.n where c.trashed = 0 group by t.tag_key`).all() as Array<TagCount & { oldest: number }>;
    return rows.map(({ name, count }) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** One page of the clips matching a query, best first (newest first for filters and broad prefixes). */
  search(parsed: ParsedQuery, limit: number, offset: number): { total: number; totalIsLowerBound: boolean; hits: CatalogHit[] } {
    const sql = toSqlQuery(parsed);
    const rows = sql.match === null
      ? this.#filtered(['c.trashed = 0', ...sql.where].join(' and '), sql.exclude, sql.params, limit, offset)
      : this.#matched(sql, sql.match, limit, offset);
    return { total: Math.min(rows.total, COUNT_LIMIT), totalIsLowerBound: rows.total > COUNT_LIMIT, hits: rows.page.map(({ summary, score }) => ({ clip: JSON.parse(summary) as ClipSummary, score: -score })) };
  }

  #matched(sql: SqlQuery, match: string, limit: number, offset: number): SearchRows {
    // The index holds no clip in the trash, so without date or flag filters it answers alone, with no join.
    const filtered = sql.where.length > 0;
    const from = filtered ? `from fts join clip c on c.n = fts.rowid where fts match ? and ${sql.where.join(' and ')}` : 'from fts where fts match ?';
    const args = [match, ...(filtered ? sql.params : [])];
    // One walk over the newest matches counts them (up to the limit) and finds where the window ends.
    const window = Math.max(RANK_WINDOW, offset + limit);
    const newest = this.#sql(`select fts.rowid ${from} order by fts.rowid desc limit ?`).pluck().all(...args, Math.max(window, COUNT_LIMIT + 1)) as number[];
    const total = Math.min(newest.length, COUNT_LIMIT + 1);
    const inWindow = newest.slice(0, window);
    const oldest = newest.length > window ? (inWindow.at(-1) ?? 0) : 0;
    // Tags, exclusions and filters narrow the matches: scoring the weighed words alone would then
    // score many clips the query does not match, so those queries are scored whole.
    const allWords = sql.groups.join(' AND ');
    const narrowed = filtered || match !== allWords;
    // A query of one word or phrase has just walked its own newest matches.
    const walked = sql.groups.length === 1 && !narrowed ? newest : undefined;
    const top = sql.broad ? 0 : ((this.#sql('select max(n) from clip').pluck().get() as number | null) ?? 0);
    const weighed = sql.broad ? [] : sql.groups.flatMap((group, i) => this.#weighed(group, sql.groupWords[i] ?? [group], top, walked));
    if (weighed.length === 0) return { total, page: this.#summaries(inWindow.slice(offset, offset + limit).map((n) => ({ n, score: 0 }))) };
    const scoredOn = weighed.join(' AND ');
    const ranked = scoredOn !== allWords && !narrowed && this.#fewSince(scoredOn, oldest, SCORED_ON_WORDS_LIMIT * window)
      ? this.#scoredOn(scoredOn, oldest, new Set(inWindow)).slice(offset, offset + limit)
      : this.#sql(`select fts.rowid as n, ${BM25} as score ${from} and fts.rowid >= ? order by score, fts.rowid desc limit ? offset ?`)
        .all(...args, oldest, limit, offset) as ScoredRow[];
    return { total, page: this.#summaries(ranked) };
  }

  /** True when fewer than `count` clips from row `oldest` on match the expression (a walk from the newest). */
  #fewSince(expression: string, oldest: number, count: number): boolean {
    const last = this.#nthNewest(expression, count);
    return last === undefined || last < oldest;
  }

  /** The row number of the expression's match with `n` newer ones (a walk from the newest). */
  #nthNewest(expression: string, n: number): number | undefined {
    return this.#sql('select rowid from fts where fts match ? order by rowid desc limit 1 offset ?').pluck().get(expression, n) as number | undefined;
  }

  /** The window's matches scored on some of the query's words, best first (equal scores newest first, as in SQL). */
  #scoredOn(words: string, oldest: number, matching: ReadonlySet<number>): ScoredRow[] {
    return (this.#sql(`select rowid as n, ${BM25} as score from fts where fts match ? and rowid >= ?`).all(words, oldest) as ScoredRow[])
      .filter((row) => matching.has(row.n))
      .sort((a, b) => a.score - b.score || b.n - a.n);
  }

  /**
   * What a group is scored on: nothing when it is common; a phrase containing common words, on its
   * other words (weighing the phrase itself costs a pass over every clip holding all its words, ~30 ms
   * at 100,000 clips for "the company"; its common words would weigh nothing anyway).
   */
  #weighed(group: string, words: readonly string[], top: number, walked: readonly number[] | undefined): string[] {
    if (this.#common(group, top, walked)) return [];
    if (words.length < 2) return [group];
    const rare = words.filter((word) => !this.#common(word, top));
    return rare.length === words.length ? [group] : rare;
  }

  /**
   * True for a word or phrase in more than half of the newest clips (`top` is the newest row number):
   * measured by walking its newest matches (cheap, as the index is ordered by row number) rather than
   * over the whole library, which
   * costs a pass over all its matches. BM25 gives such a word no weight (FTS5 floors its IDF at about
   * zero), so leaving it out of the scoring changes no order, and spares FTS5 that very pass.
   */
  #common(group: string, top: number, newest?: readonly number[]): boolean {
    if (top < MIN_SAMPLE) return false;
    const half = Math.floor(Math.min(COMMON_SAMPLE, top) / 2);
    const middle = newest && newest.length > half ? newest[half] : this.#nthNewest(group, half);
    return middle !== undefined && middle > top - 2 * half;
  }

  /** The summaries of ranked rows, in their order. */
  #summaries(ranked: readonly ScoredRow[]): SearchRow[] {
    const rows = this.#sql('select n, summary from clip_summary where n in (select value from json_each(?))').all(JSON.stringify(ranked.map((row) => row.n))) as Array<{ n: number; summary: string }>;
    const summaries = new Map(rows.map((row) => [row.n, row.summary]));
    return ranked.flatMap(({ n, score }) => {
      const summary = summaries.get(n);
      return summary === undefined ? [] : [{ summary, score }];
    });
  }

  #filtered(filter: string, exclude: string | null, params: Array<string | number>, limit: number, offset: number): SearchRows {
    const excluded = exclude === null ? '' : ' and c.n not in (select rowid from fts where fts match ?)';
    const args = exclude === null ? params : [...params, exclude];
    const where = `where ${filter}${excluded}`;
    return {
      total: this.#sql(`select count(*) from (select 1 from clip c ${where} limit ${COUNT_LIMIT + 1})`).pluck().get(...args) as number,
      page: this.#sql(`select s.summary as summary, 0 as score from clip c join clip_summary s on s.n = c.n ${where} order by c.published_at desc, c.id limit ? offset ?`)
        .all(...args, limit, offset) as SearchRow[],
    };
  }

  /** Statements are compiled once per distinct SQL text. */
  #sql(text: string): Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }
}

interface ScoredRow {
  n: number;
  score: number;
}

interface SearchRow {
  summary: string;
  score: number;
}

interface SearchRows {
  total: number;
  page: SearchRow[];
}

const CLIP_FIELDS = ['id', 'same_key', 'trashed', 'starred', 'annotated', 'clipped_at', 'published_at', 'day', 'title_key', 'source'] as const;

function clipRow(record: ClipRecord): Record<(typeof CLIP_FIELDS)[number], string | number | null> {
  const date = record.publishedAt ?? record.clippedAt;
  return {
    id: record.id,
    same_key: sameKey(record.canonicalUrl, record.contentHash),
    trashed: record.deletedAt ? 1 : 0,
    starred: record.starred ? 1 : 0,
    annotated: record.annotations.length > 0 ? 1 : 0,
    clipped_at: record.clippedAt,
    published_at: date,
    day: /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? null,
    title_key: fold(record.title),
    source: fold(record.source ?? ''),
  };
}

function sameKey(canonicalUrl: string | null, contentHash: string): string {
  return canonicalUrl ? `url ${canonicalUrl}` : `hash ${contentHash}`;
}
