/**
 * The query language of the search bar:
 *   words (AND)   "exact phrase"   -word   -"phrase"   a OR b   tag:NAME   -tag:"two words"
 *   source:NAME   after:YYYY-MM-DD   before:YYYY-MM-DD   is:starred   is:annotated   -is:starred
 *   is:unread   is:read   is:archived   -is:archived
 * An unterminated quote runs to the end of the query, so a phrase being typed already searches.
 */
import { ClipdeskError } from '../errors.js';
import { fold } from '../../shared/fold.js';
import { queryTerms } from './tokenize.js';
import { READ_STATES } from '../../shared/read-states.js';
import type { ReadState } from '../../shared/read-states.js';

export const MAX_QUERY_LENGTH = 1000;

export interface Term {
  kind: 'word' | 'phrase';
  text: string;
  /** Index terms that must all match (see queryTerms). */
  terms: string[];
  /** The last bare word is still being typed, so its last term matches as a prefix. */
  prefix: boolean;
}

export type Filter =
  | { kind: 'tag' | 'source'; value: string; negate: boolean }
  | { kind: 'is'; value: 'starred' | 'annotated'; negate: boolean }
  | { kind: 'state'; value: ReadState; negate: boolean }
  | { kind: 'after' | 'before'; day: string };

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does: `a OR b c` = [[a, b], [c]]. */
  groups: Term[][];
  exclude: Term[];
  filters: Filter[];
}

const FILTER_KEYS = new Set(['tag', 'source', 'after', 'before', 'is']);
const OPEN_QUOTES = '"“”';
const CLOSE_QUOTE = /["“”]/;

interface Item {
  negate: boolean;
  key: string | null;
  value: string;
  quoted: boolean;
}

/** A query with no words and no filters (blank, or only spaces): it matches nothing. */
export function asksNothing(parsed: ParsedQuery): boolean {
  return parsed.groups.length === 0 && parsed.filters.length === 0;
}

export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) {
    throw badQuery(`The query is too long (${query.length} characters; the limit is ${MAX_QUERY_LENGTH}).`);
  }
  const parsed: ParsedQuery = { groups: [], exclude: [], filters: [] };
  let lastWord: Term | null = null;
  let orPending = false;
  let previousWasTerm = false;

  for (const item of lex(query)) {
    if (isOr(item)) {
      if (!previousWasTerm || orPending) throw badQuery('OR must stand between two search words, as in: china OR japan.');
      orPending = true;
      continue;
    }
    if (orPending && (item.key !== null || item.negate)) {
      throw badQuery('OR must stand between two search words, not next to a filter or an exclusion.');
    }
    if (item.key !== null) {
      parsed.filters.push(parseFilter(item.key, item));
      previousWasTerm = false;
      continue;
    }
    const term = makeTerm(item);
    if (item.negate) {
      parsed.exclude.push(term);
    } else if (orPending) {
      parsed.groups.at(-1)?.push(term);
    } else {
      parsed.groups.push([term]);
    }
    if (!item.negate && term.kind === 'word') lastWord = term;
    previousWasTerm = !item.negate;
    orPending = false;
  }
  if (orPending) throw badQuery('OR must stand between two search words; nothing follows it.');
  if (lastWord) lastWord.prefix = true;
  return withoutEmptyTerms(parsed);
}

/** Splits the query into items: [-][key:]("quoted value"|value). */
function lex(query: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query.charAt(i))) {
      i++;
      continue;
    }
    const negate = query.charAt(i) === '-' && i + 1 < query.length && !/\s/.test(query.charAt(i + 1));
    if (negate) i++;
    const keyMatch = /^([a-z]+):/i.exec(query.slice(i, i + 8));
    const key = keyMatch?.[1]?.toLowerCase() ?? null;
    const isFilter = key !== null && FILTER_KEYS.has(key);
    if (isFilter) i += key.length + 1;
    const { value, quoted, end } = readValue(query, i);
    items.push({ negate, key: isFilter ? key : null, value, quoted });
    i = end;
  }
  return items;
}

function readValue(query: string, start: number): { value: string; quoted: boolean; end: number } {
  if (OPEN_QUOTES.includes(query.charAt(start))) {
    const rest = query.slice(start + 1);
    const close = rest.search(CLOSE_QUOTE);
    const value = close === -1 ? rest : rest.slice(0, close);
    return { value, quoted: true, end: start + 1 + value.length + 1 };
  }
  const rest = query.slice(start);
  const space = rest.search(/\s/);
  const value = space === -1 ? rest : rest.slice(0, space);
  return { value, quoted: false, end: start + value.length };
}

function isOr(item: Item): boolean {
  return item.value === 'OR' && !item.quoted && !item.negate && item.key === null;
}

function makeTerm(item: Item): Term {
  return { kind: item.quoted ? 'phrase' : 'word', text: item.value, terms: queryTerms(item.value), prefix: false };
}

function parseFilter(key: string, item: Item): Filter {
  const value = item.value.trim();
  if (value === '') throw badQuery(`${key}: needs a value, as in ${key}:${example(key)}.`);
  switch (key) {
    case 'tag':
    case 'source':
      return { kind: key, value: fold(value), negate: item.negate };
    case 'is': {
      const flag = value.toLowerCase();
      if (isReadState(flag)) return { kind: 'state', value: flag, negate: item.negate };
      if (flag !== 'starred' && flag !== 'annotated') {
        throw badQuery(`Unknown is: value ${shown(value)}; use is:starred, is:annotated, is:unread, is:read or is:archived.`);
      }
      return { kind: 'is', value: flag, negate: item.negate };
    }
    default: {
      const kind = key === 'after' ? 'after' : 'before';
      if (item.negate) throw badQuery(`${kind}: cannot be negated; use ${kind === 'after' ? 'before' : 'after'}: instead.`);
      if (!isCalendarDay(value)) throw badQuery(`Bad date in ${kind}: ${shown(value)}; use YYYY-MM-DD, as in ${kind}:2024-01-31.`);
      return { kind, day: value };
    }
  }
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // The pattern alone lets 2023-02-30 through; the round trip rejects days the calendar lacks.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Terms without any word in them ('!!!', '-', an emoji) cannot match anything, so they are dropped. */
function withoutEmptyTerms(parsed: ParsedQuery): ParsedQuery {
  const groups = parsed.groups
    .map((group) => group.filter((term) => term.terms.length > 0))
    .filter((group) => group.length > 0);
  const exclude = parsed.exclude.filter((term) => term.terms.length > 0);
  if (groups.length === 0 && parsed.filters.length === 0 && exclude.length > 0) {
    throw badQuery('The query only excludes; add a word or a filter to search for, as in: china -trade.');
  }
  return { groups, exclude, filters: parsed.filters };
}

const EXAMPLES: Record<string, string> = { tag: 'china', source: 'reuters', is: 'starred', after: '2024-01-31', before: '2024-01-31' };

function example(key: string): string {
  return EXAMPLES[key] ?? 'value';
}

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function badQuery(message: string): ClipdeskError {
  return new ClipdeskError('BAD_QUERY', message);
}

function isReadState(value: string): value is ReadState {
  return (READ_STATES as readonly string[]).includes(value);
}
