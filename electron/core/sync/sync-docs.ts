import type { Annotation } from '../../api.js';
import type { ClipRecord } from '../store/schema.js';

/**
 * How a library is cut into replication documents. Each piece that can change on its own is a
 * document of its own, so edits made apart on two machines rarely touch the same document:
 *   clip:<id>                 a clip's metadata and user fields, with their stamps (no highlights)
 *   ann:<clipId>:<annId>      one highlight and its note: two machines highlighting one clip write two documents
 *   body:<clipId>.<hash>      one version of a clip's text, as an attachment; never changes once written
 *   pic:<name>                one kept picture, named by the hash of its bytes; never changes once written
 * Bodies and pictures never change, so replication sends each once, and the same picture in many clips once.
 */

/** A clip's record as its document holds it: the highlights are documents of their own, and when it last changed is derived. */
export type ClipFields = Omit<ClipRecord, 'annotations' | 'updatedAt'>;

export interface ClipDoc {
  _id: string;
  _rev?: string;
  type: 'clip';
  clip: ClipFields;
}

export interface AnnotationDoc {
  _id: string;
  _rev?: string;
  type: 'annotation';
  annotation: Annotation;
}

export const BODY_ATTACHMENT = 'body.json.gz';

export function clipDocId(clipId: string): string {
  return `clip:${clipId}`;
}

export function annotationDocId(clipId: string, annotationId: string): string {
  return `ann:${clipId}:${annotationId}`;
}

/** The range of ids that holds one clip's highlight documents, for allDocs. */
export function annotationDocRange(clipId: string): { startkey: string; endkey: string } {
  return { startkey: `ann:${clipId}:`, endkey: `ann:${clipId}:\uffff` };
}

export function bodyDocId(clipId: string, contentHash: string): string {
  return `body:${clipId}.${contentHash}`;
}

export function pictureDocId(name: string): string {
  return `pic:${name}`;
}

/** The clip a document belongs to (a picture belongs to none): what a change to it asks to merge again. */
export function clipIdOfDoc(docId: string): string | null {
  const match = /^(?:clip:([0-9a-f]+)|ann:([0-9a-f]+):|body:([0-9a-f]+)\.)/.exec(docId);
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

export function clipFieldsOf(record: ClipRecord): ClipFields {
  const { annotations: _annotations, updatedAt: _updatedAt, ...fields } = record;
  return fields;
}

/** A record from its documents; it changed last when its latest part or highlight did. */
export function recordOfDocs(clip: ClipFields, annotations: readonly Annotation[]): ClipRecord {
  const times = [clip.clippedAt, ...Object.values(clip.stamps).map((chain) => chain[0] ?? ''), ...annotations.map((a) => a.modified)];
  return { ...clip, annotations: [...annotations], updatedAt: times.reduce((latest, time) => (time > latest ? time : latest)) };
}
