import type { ListOptions, ListResult, SortKey } from '../api.js';
import { toSummary } from './clip-record.js';
import type { ClipRecord } from './store/schema.js';
import { hasTag } from './tags.js';

/** Filters, sorts and pages the library's clips in memory (metadata only, no bodies are read). */
export function listClips(records: readonly ClipRecord[], options: ListOptions): ListResult {
  const matching = records.filter((record) => matches(record, options));
  const direction = options.descending === false ? 1 : -1;
  const key = options.sort ?? 'clippedAt';
  matching.sort((a, b) => direction * compare(a, b, key) || a.id.localeCompare(b.id));
  const offset = options.offset ?? 0;
  const page = matching.slice(offset, offset + (options.limit ?? 100));
  return { total: matching.length, clips: page.map(toSummary) };
}

function matches(record: ClipRecord, options: ListOptions): boolean {
  if (Boolean(record.deletedAt) !== Boolean(options.trashed)) return false;
  if (options.starred !== undefined && record.starred !== options.starred) return false;
  if (options.annotated !== undefined && record.annotations.length > 0 !== options.annotated) return false;
  return (options.tags ?? []).every((tag) => hasTag(record.tags, tag));
}

function compare(a: ClipRecord, b: ClipRecord, key: SortKey): number {
  if (key === 'title') return a.title.localeCompare(b.title);
  return sortableDate(a, key).localeCompare(sortableDate(b, key));
}

/** Clips without a published date sort by when they were clipped. */
function sortableDate(record: ClipRecord, key: Exclude<SortKey, 'title'>): string {
  return key === 'publishedAt' ? (record.publishedAt ?? record.clippedAt) : record.clippedAt;
}
