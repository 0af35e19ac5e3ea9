/**
 * A page of the library's list as SQL over the clip table (`c`): which clips its filters keep, how
 * many there are, and which rows the page shows, in the order asked.
 */
import type { ListOptions } from '../../api.js';
import { tagKey } from '../../shared/tag-names.js';
import { flagCondition, narrowestIndex, paramsOf, readStateCondition, tagCondition } from '../search/clip-conditions.js';
import type { Condition } from '../search/clip-conditions.js';
import { pageAccess } from './page-cost.js';

const SORT_COLUMNS = { clippedAt: 'c.clipped_at', publishedAt: 'c.published_at', title: 'c.title_key' } as const;

export interface Sql {
  sql: string;
  params: Array<string | number>;
}

export interface ListQuery {
  count: Sql;
  /** The page's rows, given how many clips the filters keep and about how many the catalog holds; null past the last. */
  page(total: number, size: number): Sql | null;
}

export function listQuery(options: ListOptions): ListQuery {
  const conditions = clipConditions(options);
  const filter: Filter = { conditions, tags: (options.tags ?? []).map(tagKey), flagIndex: narrowestIndex(conditions) };
  return { count: countSql(filter), page: (total, size) => pageSql(filter, options, total, size) };
}

/** What a list keeps: conditions on the clip row, and tags (by tagKey) it must carry. */
interface Filter {
  conditions: Condition[];
  tags: string[];
  /** The index of just the clips a flag condition keeps (the starred ones), if the list has one. */
  flagIndex: string | null;
}

/**
 * Where a query finds its clips: along an index of the clip table, the table in its own order, a
 * tag's rows, or the index of the clips a flag filter keeps (the starred ones, say).
 */
type Source = 'sort index' | 'smallest index' | 'table' | 'tag' | 'flag index';

/** The filters the clip row answers: the trash or not, the flags and the read state. */
function clipConditions(options: ListOptions): Condition[] {
  const conditions: Condition[] = [{ sql: 'c.trashed = ?', param: options.trashed ? 1 : 0 }];
  for (const flag of ['starred', 'annotated'] as const) {
    const wanted = options[flag];
    if (wanted !== undefined) conditions.push(flagCondition(flag, wanted));
  }
  if (options.readState) conditions.push(readStateCondition(options.readState, true));
  return conditions;
}

/**
 * How the clips are counted. The catalog keeps no statistics, so SQLite takes any index on `trashed`
 * for a selective one and walks it, reading each clip it names: 160 ms at 100,000 clips to count the
 * starred ones. So a count with a tag starts from that tag's rows (16 ms for a tag on 16,000 clips);
 * with a flag that has an index of its clips, from that index; with other filters, it reads the clip
 * table in its own order (33 ms); with none, it walks the smallest index (11 ms, where the titles' took 29).
 */
function countSql(filter: Filter): Sql {
  const source = filter.tags.length > 0 ? 'tag' : filter.flagIndex ? 'flag index'
    : filter.conditions.length > 1 ? 'table' : 'smallest index';
  return selectFrom('select count(*)', source, filter);
}

/**
 * The page's row numbers. Along the sort's index (ties go by row number, which every index holds), a
 * page costs a walk over every clip before its last row, kept or not, and only its own rows are read
 * whole afterwards: the way for a filter most clips pass, or a page near its top. When the walk would
 * cost more (page-cost.ts: a filter few clips pass, a page near its end), the clips the filters keep
 * are picked first and sorted apart, from a tag's rows (a page of a tag on 3 of 100,000 clips: 79 ->
 * 0.0 ms), from a flag's index, or from the clip table in its own order.
 */
function pageSql(filter: Filter, options: ListOptions, total: number, size: number): Sql | null {
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  if (offset >= total) return null;
  const tagged = filter.tags.length > 0;
  const can = { pick: tagged || filter.flagIndex !== null, readTable: filter.conditions.length > 1 };
  const access = pageAccess(offset + limit, total, size, can);
  const source: Source = access === 'pick' ? (tagged ? 'tag' : 'flag index') : access === 'table' ? 'table' : 'sort index';
  const column = SORT_COLUMNS[options.sort ?? 'clippedAt'];
  const direction = options.descending === false ? 'asc' : 'desc';
  const { sql, params } = selectFrom('select c.n', source, filter);
  return { sql: `${sql} order by ${column} ${direction}, c.n ${direction} limit ? offset ?`, params: [...params, limit, offset] };
}

/**
 * The clips the filters keep, from where `source` says. A tag's clips come from its rows joined to the
 * clip table, and a tag is looked up clip by clip on a walk, rather than as the list of its clips a
 * search uses (clip-conditions.ts tagListCondition): that list is made whole before the walk or the sort
 * starts, which at 100,000 clips made a tag on 16,000 clips slower to list, its first page with the count
 * 25 -> 30 ms and its deeper pages 33 -> 37 ms (though two tags went 70 -> 66 ms).
 */
function selectFrom(select: string, source: Source, { conditions, tags, flagIndex }: Filter): Sql {
  if (source === 'tag') {
    const [first = '', ...others] = tags;
    const firstTag = { sql: 'first.tag_key = ?', param: first };
    const from = 'clip_tag first cross join clip c on c.n = first.n';
    return where(`${select} from ${from}`, [firstTag, ...conditions, ...others.map((key) => tagCondition(key, true))]);
  }
  const hints = { 'sort index': '', 'smallest index': ' indexed by clip_by_clipped', table: ' not indexed' };
  const hint = source === 'flag index' ? ` indexed by ${flagIndex}` : hints[source];
  return where(`${select} from clip c${hint}`, [...conditions, ...tags.map((key) => tagCondition(key, true))]);
}

function where(select: string, conditions: readonly Condition[]): Sql {
  return {
    sql: `${select} where ${conditions.map((condition) => condition.sql).join(' and ')}`,
    params: paramsOf(conditions),
  };
}
