import { createHash } from 'node:crypto';
import type { Clip, ClipSummary, ExtractedClip } from '../api.js';
import { ClipdeskError } from './errors.js';
import type { SearchDoc } from './search/index.js';
import type { ClipStore } from './store/clip-store.js';
import { recordDefaults } from './store/schema.js';
import type { Body, ClipRecord } from './store/schema.js';

/** Same text, same hash: how a re-clipped article is told apart from a changed one. */
export function contentHashOf(extracted: Pick<ExtractedClip, 'text'>): string {
  return createHash('sha256').update(extracted.text).digest('hex').slice(0, 16);
}

export function bodyOf(extracted: ExtractedClip): Body {
  return { contentHash: contentHashOf(extracted), content: extracted.content, text: extracted.text };
}

export function newRecord(id: string, extracted: ExtractedClip, now: string): ClipRecord {
  return { ...recordDefaults(), ...metadataOf(extracted), id, clippedAt: now, updatedAt: now, contentHash: contentHashOf(extracted) };
}

type PageMetadata = Omit<ExtractedClip, 'content' | 'text'>;

/** The fields that come from the page itself, as opposed to what the user added. */
export function metadataOf(page: PageMetadata): PageMetadata {
  return {
    url: page.url,
    canonicalUrl: page.canonicalUrl,
    title: page.title,
    byline: page.byline,
    source: page.source,
    publishedAt: page.publishedAt,
    publishedText: page.publishedText,
    language: page.language,
    excerpt: page.excerpt,
    wordCount: page.wordCount,
  };
}

/** A stored clip as extraction would have produced it, e.g. to bring back an earlier revision. */
export function extractedOf(record: ClipRecord, body: Body): ExtractedClip {
  return { ...metadataOf(record), content: body.content, text: body.text };
}

export function toSummary(record: ClipRecord): ClipSummary {
  const { annotations, revisions, stamps, history, ...summary } = record;
  return { ...summary, revisions: revisions.length, annotationCount: annotations.length };
}

export function toSearchDoc(record: ClipRecord, text: string): SearchDoc {
  return {
    id: record.id,
    title: record.title,
    text,
    source: record.source ?? '',
    byline: record.byline ?? '',
    tags: record.tags,
    note: record.note,
    annotations: record.annotations.map((a) => `${a.target.selector[0].exact} ${a.note}`).join('\n'),
  };
}

/** The record a commit wrote, or NOT_FOUND when another process deleted the clip meanwhile. */
export function writtenRecord(record: ClipRecord | undefined, id: string): ClipRecord {
  if (!record) throw new ClipdeskError('NOT_FOUND', `clip ${id} was deleted meanwhile`);
  return record;
}

/** A clip as the library shows it: its record, current body and highlights. */
export async function readClip(store: ClipStore, id: string): Promise<Clip> {
  const record = await store.require(id);
  const body = await store.texts.readBody(id, record.contentHash);
  return { ...toSummary(record), content: body.content, text: body.text, annotations: record.annotations, history: record.history };
}
