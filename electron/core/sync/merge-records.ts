import type { Annotation, Revision } from '../../api.js';
import { STAMPED_FIELDS, STAMPED_PARTS, STAMP_CHAIN, removedAnnotationKey } from '../store/field-stamps.js';
import type { StampedPart } from '../store/field-stamps.js';
import type { ClipRecord, HistoryEntry, Stamps } from '../store/schema.js';
import { tagKey } from '../../shared/tag-names.js';

/**
 * Merges copies of one clip edited apart (this machine's and the ones replication brought) into one,
 * part by part, so nothing is lost:
 * - each part (a field, or the page's metadata and text together) takes the later edit; when both
 *   copies changed it since they were last in step, the losing value goes to the clip's history;
 * - tags merge as a set, each tag by its own stamp: removed on one side and untouched on the other, it
 *   stays removed; added on one side, it is added;
 * - highlights merge one by one (the later change of each wins); a deleted one stays deleted unless it
 *   was changed after it was deleted;
 * - every version of the text either copy had is kept (the one that loses becomes a revision);
 * - trashed on one side and edited on the other after that, the clip comes back from the trash.
 * The result does not depend on the order of the copies, so every machine arrives at the same clip.
 */
export function mergeRecords(copies: readonly ClipRecord[]): ClipRecord {
  const [first, ...rest] = [...copies].sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b)));
  if (!first) throw new Error('mergeRecords needs at least one copy');
  return rest.reduce(mergeTwo, first);
}

/** Whether `record` has an edit the side that knew `stamps` had not seen. */
export function hasUnseenEdits(record: ClipRecord, stamps: Stamps): boolean {
  return Object.entries(record.stamps).some(([key, chain]) => !seenBy(stamps[key] ?? [], stampOf(chain)));
}

/**
 * The record with the highlight notes that lost a conflict (two machines edited one highlight at the
 * same time) kept in its history, like any part's losing value.
 */
type HighlightConflict = { value: Annotation; losers: readonly Annotation[] };

export function withLostHighlights(record: ClipRecord, conflicts: readonly HighlightConflict[]): ClipRecord {
  const lost = conflicts.flatMap(({ value, losers }) => losers
    .filter((loser) => loser.note !== value.note || loser.color !== value.color)
    .map((loser): HistoryEntry => ({
      part: 'highlight',
      value: { quote: loser.target.selector[0].exact, note: loser.note, color: loser.color },
      stamp: loser.modified,
      replacedAt: value.modified,
    })));
  return lost.length === 0 ? record : { ...record, history: uniqueHistory([...record.history, ...lost]) };
}

/** How many replaced values a clip's history keeps, the oldest dropped first. */
export const HISTORY_LIMIT = 50;

function mergeTwo(a: ClipRecord, b: ClipRecord): ClipRecord {
  const stamps: Stamps = { ...a.stamps, ...b.stamps };
  const history: HistoryEntry[] = [...a.history, ...b.history];
  let merged: ClipRecord = { ...a, clippedAt: a.clippedAt < b.clippedAt ? a.clippedAt : b.clippedAt };
  for (const part of STAMPED_PARTS) {
    const { values, chain, lost } = mergePart(a, b, part);
    merged = { ...merged, ...values };
    if (chain.length > 0) stamps[part] = chain;
    if (lost) history.push(lost);
  }
  const tags = mergeTags(a, b, stamps);
  merged = {
    ...merged,
    tags,
    annotations: mergeAnnotations(a, b, stamps),
    revisions: mergeRevisions(a, b, merged.contentHash),
    updatedAt: a.updatedAt > b.updatedAt ? a.updatedAt : b.updatedAt,
    stamps,
    history: uniqueHistory(history),
  };
  return backFromTrash(merged, a, b);
}

type Chain = readonly string[];

function chainOf(record: ClipRecord, key: string): Chain {
  return record.stamps[key] ?? [];
}

function stampOf(chain: Chain): string {
  return chain[0] ?? '';
}

/** Both chains in one, newest first: after a merge, each side's edits count as seen. */
function joinChains(a: Chain, b: Chain): string[] {
  return [...new Set([...a, ...b])].sort(compareText).reverse().slice(0, STAMP_CHAIN + 1);
}

/** Whether the edit stamped `stamp` is one the side with `chain` has seen (it edited on top of it, or later). */
function seenBy(chain: Chain, stamp: string): boolean {
  if (stamp === '' || chain.includes(stamp)) return true;
  const oldest = chain.at(-1);
  // A full chain has forgotten older stamps: an edit older than all it remembers is taken as seen.
  return chain.length > STAMP_CHAIN && oldest !== undefined && stamp < oldest;
}

function mergePart(a: ClipRecord, b: ClipRecord, part: StampedPart): { values: Partial<ClipRecord>; chain: string[]; lost?: HistoryEntry } {
  const fields = STAMPED_FIELDS[part];
  const valuesOf = (record: ClipRecord) => Object.fromEntries(fields.map((field) => [field, record[field]]));
  const [va, vb] = [valuesOf(a), valuesOf(b)];
  const [ca, cb] = [chainOf(a, part), chainOf(b, part)];
  const chain = joinChains(ca, cb);
  const [ja, jb] = [JSON.stringify(va), JSON.stringify(vb)];
  if (ja === jb) return { values: va, chain };
  const order = compareText(stampOf(ca), stampOf(cb)) || compareText(ja, jb);
  const [winner, loser, winnerChain, loserChain] = order > 0 ? [va, vb, ca, cb] : [vb, va, cb, ca];
  if (seenBy(winnerChain, stampOf(loserChain))) return { values: winner, chain };
  return { values: winner, chain, lost: { part, value: loser, stamp: stampOf(loserChain), replacedAt: stampOf(winnerChain) } };
}

/** Each tag present or absent by its own latest stamp; both stamped alike, present wins. */
function mergeTags(a: ClipRecord, b: ClipRecord, stamps: Stamps): string[] {
  const spelled = new Map<string, string>();
  for (const name of [...a.tags, ...b.tags]) if (!spelled.has(tagKey(name))) spelled.set(tagKey(name), name);
  const keys = new Set([...spelled.keys(), ...[...Object.keys(a.stamps), ...Object.keys(b.stamps)]
    .filter((key) => key.startsWith('tag:')).map((key) => key.slice('tag:'.length))]);
  const tags: string[] = [];
  for (const key of keys) {
    const stampKey = `tag:${key}`;
    const [ca, cb] = [chainOf(a, stampKey), chainOf(b, stampKey)];
    const [inA, inB] = [a.tags.some((t) => tagKey(t) === key), b.tags.some((t) => tagKey(t) === key)];
    const order = compareText(stampOf(ca), stampOf(cb));
    const present = order === 0 ? inA || inB : order > 0 ? inA : inB;
    if (ca.length + cb.length > 0) stamps[stampKey] = joinChains(ca, cb);
    const name = spelled.get(key);
    if (present && name) tags.push(name);
  }
  return tags;
}

/** Highlights by id: the later change of each; deleted ones stay deleted unless changed after the deletion. */
function mergeAnnotations(a: ClipRecord, b: ClipRecord, stamps: Stamps): Annotation[] {
  const byId = new Map<string, Annotation>();
  for (const annotation of [...a.annotations, ...b.annotations]) {
    const known = byId.get(annotation.id);
    if (!known || laterAnnotation(annotation, known)) byId.set(annotation.id, annotation);
  }
  for (const key of Object.keys(stamps).filter((k) => k.startsWith('ann:'))) {
    stamps[key] = joinChains(chainOf(a, key), chainOf(b, key));
  }
  return [...byId.values()]
    .filter((annotation) => annotation.modified > stampOf(stamps[removedAnnotationKey(annotation.id)] ?? []))
    .sort((x, y) => compareText(x.created, y.created) || compareText(x.id, y.id));
}

/** The later change of one highlight among its copies (null for none). */
export function mergeAnnotationCopies(copies: readonly Annotation[]): Annotation | null {
  return copies.reduce<Annotation | null>((kept, copy) => (!kept || laterAnnotation(copy, kept) ? copy : kept), null);
}

function laterAnnotation(candidate: Annotation, known: Annotation): boolean {
  return (compareText(candidate.modified, known.modified) || compareText(JSON.stringify(candidate), JSON.stringify(known))) > 0;
}

/** Every text version either copy knows, oldest first; the current text the merge did not keep becomes one too. */
function mergeRevisions(a: ClipRecord, b: ClipRecord, current: string): Revision[] {
  const versions = new Map<string, Omit<Revision, 'n'>>();
  const add = (version: Omit<Revision, 'n'>) => versions.set(`${version.contentHash}@${version.savedAt}`, version);
  for (const { n: _n, ...version } of [...a.revisions, ...b.revisions]) add(version);
  for (const side of [a, b]) {
    const known = [...versions.values()].some((version) => version.contentHash === side.contentHash);
    if (side.contentHash !== current && !known) {
      add({ savedAt: stampOf(chainOf(side, 'page')) || side.clippedAt, title: side.title, contentHash: side.contentHash });
    }
  }
  return [...versions.values()]
    .sort((x, y) => compareText(x.savedAt, y.savedAt) || compareText(x.contentHash, y.contentHash))
    .map((version, i) => ({ n: i + 1, ...version }));
}

function uniqueHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const unique = new Map(entries.map((entry) => [JSON.stringify(entry), entry]));
  return [...unique.values()]
    .sort((x, y) => compareText(x.replacedAt, y.replacedAt) || compareText(JSON.stringify(x), JSON.stringify(y)))
    .slice(-HISTORY_LIMIT);
}

/**
 * Edit versus trash: when the copy that put the clip in the trash had not seen an edit the other copy
 * made, the clip comes back with that edit. The restore is stamped just after the trashing, so
 * merging the result with the trashed copy again keeps it restored.
 */
function backFromTrash(merged: ClipRecord, a: ClipRecord, b: ClipRecord): ClipRecord {
  if (merged.deletedAt === null) return merged;
  const trashStamp = stampOf(merged.stamps.deletedAt ?? []);
  const [trasher, other] = a.deletedAt === merged.deletedAt ? [a, b] : [b, a];
  if (other.deletedAt !== null) return merged;
  const unseen = Object.keys(other.stamps)
    .filter((key) => key !== 'deletedAt')
    .some((key) => !seenBy(chainOf(trasher, key), stampOf(chainOf(other, key))));
  if (!unseen) return merged;
  const restoredAt = new Date(Date.parse(trashStamp) + 1).toISOString();
  return { ...merged, deletedAt: null, stamps: { ...merged.stamps, deletedAt: joinChains([restoredAt], merged.stamps.deletedAt ?? []) } };
}

/** Code-unit order: the same on every machine, unlike a locale's. */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
