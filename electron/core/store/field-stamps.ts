import { tagKey } from '../../shared/tag-names.js';
import type { ClipRecord, Stamps } from './schema.js';

/**
 * When each part of a clip last changed, so two copies edited apart (two machines that sync) can be
 * merged part by part instead of one copy overwriting the other (sync/merge-records.ts).
 *
 * A stamp is the ISO time of the commit that changed the part; a part's entry is its stamp followed
 * by the stamps of the values it replaced, newest first, up to STAMP_CHAIN. The chain tells an edit
 * made on top of another (its stamp is in the chain) from one made at the same time elsewhere (it is
 * not), which decides whether the value that loses is kept in the clip's history. A part never
 * changed has no entry: it is as old as the clip.
 */

/** Each part that merges as one: the page's metadata and its text change together when a page is clipped again. */
export const STAMPED_FIELDS = {
  page: ['url', 'canonicalUrl', 'byline', 'source', 'publishedAt', 'publishedText', 'language', 'excerpt', 'wordCount', 'contentHash'],
  title: ['title'],
  note: ['note'],
  starred: ['starred'],
  readState: ['readState'],
  pending: ['pending'],
  deletedAt: ['deletedAt'],
} as const satisfies Record<string, ReadonlyArray<keyof ClipRecord>>;

export type StampedPart = keyof typeof STAMPED_FIELDS;
export const STAMPED_PARTS = Object.keys(STAMPED_FIELDS) as StampedPart[];

/** How many replaced stamps a part remembers: more edits than this between two syncs count as concurrent. */
export const STAMP_CHAIN = 6;

/** The stamp key of a tag: present or absent, it is one element of a set that merges element by element. */
export function tagStampKey(name: string): string {
  return `tag:${tagKey(name)}`;
}

/** The stamp key of a deleted highlight: when it was deleted (a highlight changed after that comes back). */
export function removedAnnotationKey(id: string): string {
  return `ann:${id}`;
}

/**
 * The stamps of `next` as a commit writes it over `previous` at `now`: every part whose value changed
 * gets a new stamp, unless the change brought its own (a merge carries the stamps of the copy it took
 * the value from). Stamps only grow: a clock set back never makes an edit older than the one it replaces.
 */
export function stampChanges(previous: ClipRecord | undefined, next: ClipRecord, now: Date): Stamps {
  if (!previous) return next.stamps;
  const stamps = { ...next.stamps };
  const restamp = (key: string) => {
    if (next.stamps[key]?.[0] !== previous.stamps[key]?.[0]) return;
    stamps[key] = advance(previous.stamps[key], now);
  };
  for (const part of STAMPED_PARTS) if (!sameValues(previous, next, STAMPED_FIELDS[part])) restamp(part);
  for (const key of changedTagKeys(previous.tags, next.tags)) restamp(key);
  const kept = new Set(next.annotations.map((a) => a.id));
  for (const { id } of previous.annotations) if (!kept.has(id)) restamp(removedAnnotationKey(id));
  return stamps;
}

function advance(chain: readonly string[] | undefined, now: Date): string[] {
  const last = chain?.[0];
  const stamp = last && last >= now.toISOString() ? new Date(Date.parse(last) + 1).toISOString() : now.toISOString();
  return [stamp, ...(chain ?? [])].slice(0, STAMP_CHAIN + 1);
}

function sameValues(a: ClipRecord, b: ClipRecord, fields: ReadonlyArray<keyof ClipRecord>): boolean {
  return fields.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/** The stamp keys of the tags one list has and the other has not (a tag spelled anew is the same tag). */
function changedTagKeys(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before.map(tagStampKey));
  const is = new Set(after.map(tagStampKey));
  return [...[...was].filter((key) => !is.has(key)), ...[...is].filter((key) => !was.has(key))];
}
