import type { ClipSummary, ReadState } from '../../api.js';

/**
 * A ClipSummary as the catalog stores it: its values as a JSON array in a fixed order (no keys), less
 * the four the clip row already holds. Measured on the bench's clips: 673 bytes a clip on disk instead
 * of 1,086 as a keyed object, most of it because two rows now share a 1 KB page more often.
 */
const STORED = [
  'url', 'canonicalUrl', 'title', 'byline', 'source', 'publishedAt', 'publishedText', 'language', 'excerpt', 'wordCount',
  'updatedAt', 'tags', 'note', 'pending', 'deletedAt', 'contentHash', 'revisions', 'annotationCount',
] as const satisfies ReadonlyArray<keyof ClipSummary>;

/** The stored array, each value typed as its field. */
type StoredValues = { -readonly [I in keyof Stored]: Stored[I] extends keyof ClipSummary ? ClipSummary[Stored[I]] : never };
type Stored = typeof STORED;

/** What to select, with the clip table as `c` and clip_summary as `s`, read as arrays (`.raw()`) for readSummary. */
export const SUMMARY_SELECT = 's.summary, c.id, c.clipped_at, c.starred, c.read_state';

/** A row that starts with SUMMARY_SELECT's columns (a query may select more after them). */
export type SummaryRow = [summary: string, id: string, clippedAt: string, starred: number, readState: ReadState, ...more: unknown[]];

export function storedSummary(summary: ClipSummary): string {
  return JSON.stringify(STORED.map((key) => summary[key]));
}

/**
 * The summary again, as one object literal: V8 then gives every summary its shape at once, where
 * setting the stored fields key by key took 2.5 times as long (20 hits: 107 -> 44 µs). The literal
 * must follow STORED's order; it fails to compile when ClipSummary gains a field it lacks.
 */
export function readSummary([summary, id, clippedAt, starred, readState]: SummaryRow): ClipSummary {
  const v = JSON.parse(summary) as StoredValues;
  return {
    id, clippedAt, starred: starred === 1, readState,
    url: v[0], canonicalUrl: v[1], title: v[2], byline: v[3], source: v[4], publishedAt: v[5], publishedText: v[6],
    language: v[7], excerpt: v[8], wordCount: v[9], updatedAt: v[10], tags: v[11], note: v[12], pending: v[13],
    deletedAt: v[14], contentHash: v[15], revisions: v[16], annotationCount: v[17],
  };
}
