/**
 * Conditions on the catalog's clip row (alias `c`, catalog/catalog-db.ts), each with its one
 * parameter or none: what the list's filters and a search's filters are both made of.
 */
import type { ReadState } from '../../shared/read-states.js';

export interface Condition {
  sql: string;
  param?: string | number;
  /** An index of just the clips that pass (catalog-db.ts), for a condition few clips pass. */
  index?: string;
}

type Flag = 'starred' | 'annotated';

/**
 * The flag's value is written into the SQL, not bound: SQLite takes a partial index (the catalog keeps
 * one of the starred clips and one of the annotated) only for SQL whose own text implies its condition.
 */
export function flagCondition(flag: Flag, wanted: boolean): Condition {
  return wanted ? { sql: `c.${flag} = 1`, index: `clip_${flag}` } : { sql: `c.${flag} = 0` };
}

/** The conditions' parameters, in order: a condition with its value in its SQL has none. */
export function paramsOf(conditions: readonly Condition[]): Array<string | number> {
  return conditions.flatMap((condition) => (condition.param === undefined ? [] : [condition.param]));
}

/** The index of the clips that pass one of the conditions, if one has such an index. */
export function narrowestIndex(conditions: readonly Condition[]): string | null {
  return conditions.find((condition) => condition.index !== undefined)?.index ?? null;
}

export function readStateCondition(state: ReadState, wanted: boolean): Condition {
  return { sql: `c.read_state ${wanted ? '=' : '!='} ?`, param: state };
}

/** A tag (by tagKey) the clip carries, or not: looked up clip by clip, so a walk along an index can stop early. */
export function tagCondition(key: string, wanted: boolean): Condition {
  return { sql: `${wanted ? '' : 'not '}exists (select 1 from clip_tag t where t.n = c.n and t.tag_key = ?)`, param: key };
}

/**
 * A tag (by tagKey) the clip carries, as the list of the tag's clips, made once: with few of them
 * SQLite reads just those clips, by row number, instead of looking the tag up for every clip.
 */
export function tagListCondition(key: string): Condition {
  return { sql: 'c.n in (select n from clip_tag where tag_key = ?)', param: key };
}
