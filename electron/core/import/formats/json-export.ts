/** The JSON exports read alike: each item of one array is an entry or a problem, numbered for the report. */
import { problem } from '../entry-fields.js';
import type { ImportEntry, ImportProblem } from '../import-entry.js';
import { jsonItems } from '../read/json-items.js';

export type JsonEntryOf = (value: Record<string, unknown>, source: string) => ImportEntry | ImportProblem;

/** The items of the array at `path`, each named `${noun} ${n}` in its source. */
export function* jsonEntries(
  bytes: Uint8Array, path: readonly string[], noun: string, entryOf: JsonEntryOf,
): Generator<ImportEntry | ImportProblem> {
  for (const item of jsonItems(bytes, path)) {
    const source = `${noun} ${item.index}`;
    if ('error' in item) yield problem(source, item.error);
    else if (!isRecord(item.value)) yield problem(source, `it is ${JSON.stringify(item.value)?.slice(0, 40)}, not an object`);
    else yield entryOf(item.value, source);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of names as exports write them: strings, or objects with a `name` or `label` (Linkwarden, Wallabag's API). */
export function namesOf(list: unknown): unknown[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => (isRecord(item) ? (item.name ?? item.label) : item));
}
