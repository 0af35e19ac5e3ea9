import type { ExtractedClip, ImportResult, Revision } from '../api.js';
import { reanchorAll } from './annotations.js';
import { contentHashOf, metadataOf, newRecord } from './clip-record.js';
import type { ClipRecord } from './store/schema.js';
import { withTags } from './tags.js';

/**
 * What clipping a page, text or file makes of the record the library has for it: a new clip; the
 * same clip again (tags added, back from the trash); or a new version, the old text kept as a revision.
 */
export function savedRecord(
  existing: ClipRecord | undefined,
  id: string,
  extracted: ExtractedClip,
  tags: readonly string[],
  now: string,
): { record: ClipRecord; outcome: ImportResult['outcome'] } {
  if (!existing) return { record: { ...newRecord(id, extracted, now), tags: withTags([], tags) }, outcome: 'created' };
  if (existing.contentHash !== contentHashOf(extracted)) return { record: revised(existing, extracted, tags, now), outcome: 'updated' };
  return { record: { ...existing, tags: withTags(existing.tags, tags), deletedAt: null }, outcome: 'unchanged' };
}

/** The clip with new text: the page's metadata, the old text a revision, the highlights found again in the new one. */
export function revised(record: ClipRecord, extracted: ExtractedClip, tags: readonly string[], now: string): ClipRecord {
  const revision: Revision = { n: record.revisions.length + 1, savedAt: now, title: record.title, contentHash: record.contentHash };
  return {
    ...record,
    ...metadataOf(extracted),
    title: extracted.title || record.title,
    contentHash: contentHashOf(extracted),
    tags: withTags(record.tags, tags),
    revisions: [...record.revisions, revision],
    annotations: reanchorAll(record.annotations, extracted.text),
    updatedAt: now,
    deletedAt: null,
  };
}
