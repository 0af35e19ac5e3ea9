import type { ClipSummary, ExtractedClip, ReadState } from '../../api.js';
import { reanchorAll } from '../annotations.js';
import { contentHashOf, metadataOf, newRecord } from '../clip-record.js';
import type { ClipRecord } from '../store/schema.js';
import { withTags } from '../tags.js';
import type { ImportedHighlight } from './import-entry.js';
import { importedAnnotation, newHighlights } from './imported-highlights.js';

/** An entry of another app's export, as extraction (or an address alone) made it, with the user's data. */
export interface ImportedItem {
  extracted: ExtractedClip;
  data: ImportedUserData;
  /** Only an address: the article is still to be fetched. */
  pending: boolean;
}

/** The clip a batch's items go to, and what they bring it. */
export interface ImportTarget {
  id: string;
  existing: ClipRecord | undefined;
  extracted: ExtractedClip;
  pending: boolean;
  data: ImportedUserData[];
}

export interface ImportedOutcome {
  id: string;
  outcome: ImportedSave['outcome'];
}

/** The record a target's items leave: made new, or the clip as it is (filled if it was pending), with each item's data merged in. */
export function importedRecord(target: ImportTarget, fresh: ClipRecord | undefined, text: string, now: string): ClipRecord {
  const [first, ...rest] = target.data;
  const fills = fresh?.pending && !target.pending;
  const base = fresh ? (fills ? filled(fresh, target.extracted, now) : fresh) : newImported(target, first, now, text);
  return (fresh ? target.data : rest).reduce((record, data) => mergeImported(record, data, text, now), base);
}

function newImported(target: ImportTarget, data: ImportedUserData | undefined, now: string, text: string): ClipRecord {
  const { id, extracted, pending } = target;
  return {
    ...newRecord(id, extracted, data?.addedAt ?? now),
    updatedAt: now,
    tags: withTags([], data?.tags ?? []),
    note: data?.note ?? '',
    starred: data?.starred ?? false,
    readState: data?.readState ?? 'unread',
    pending: pending ? { attempts: 0, lastError: null, nextAttemptAt: now } : null,
    annotations: (data?.highlights ?? []).map((highlight) => importedAnnotation(id, text, highlight, now)),
  };
}

/** An entry for a clip the library has: its tags and new highlights join, and a trashed clip comes back, as clipping it again would do. */
function mergeImported(record: ClipRecord, data: ImportedUserData, text: string, now: string): ClipRecord {
  const added = newHighlights(record.annotations, data.highlights).map((quote) => importedAnnotation(record.id, text, quote, now));
  return {
    ...record,
    deletedAt: null,
    tags: withTags(record.tags, data.tags),
    note: record.note || (data.note ?? ''),
    starred: record.starred || Boolean(data.starred),
    annotations: [...record.annotations, ...added],
    updatedAt: now,
  };
}

/** What an entry of another app's export says of the user's own dealings with the item. */
export interface ImportedUserData {
  tags: readonly string[];
  note: string | null;
  readState: ReadState | null;
  starred: boolean | null;
  /** When it was saved in the other app: the clip's clipping date. */
  addedAt: string | null;
  highlights: readonly ImportedHighlight[];
}

export interface ImportedSave {
  clip: ClipSummary;
  /** 'merged' when the library had the page already. */
  outcome: 'created' | 'merged';
}

/** A record whose placeholder gives way to the article: the page's own metadata, the user's title and data kept. */
export function filled(record: ClipRecord, extracted: ExtractedClip, now: string): ClipRecord {
  return {
    ...record,
    ...metadataOf(extracted),
    url: record.url ?? extracted.url,
    // The title the other app kept (perhaps edited there) stays; an address standing in for one gives way.
    title: record.title && record.title !== record.url ? record.title : extracted.title || record.title,
    contentHash: contentHashOf(extracted),
    annotations: reanchorAll(record.annotations, extracted.text),
    pending: null,
    updatedAt: now,
  };
}

