/**
 * Conditions on the catalog's clip row (alias `c`, catalog/catalog-db.ts), each with its one
 * parameter: what the list's filters and a search's filters are both made of.
 */
import type { ReadState } from '../../shared/read-states.js';

export interface Condition {
  sql: string;
  param: string | number;
}

type Flag = 'starred' | 'annotated';

export function flagCondition(flag: Flag, wanted: boolean): Condition {
  return { sql: `c.${flag} = ?`, param: wanted ? 1 : 0 };
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
