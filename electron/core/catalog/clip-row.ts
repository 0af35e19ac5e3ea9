import type { ClipRecord } from '../store/schema.js';
import { fold } from '../../shared/fold.js';
import type { Statements } from './statements.js';

/** A clip's row in the catalog's `clip` table: what lists, filters and duplicate checks read. */

export const CLIP_FIELDS = [
  'id', 'same_key', 'trashed', 'starred', 'annotated', 'read_state', 'clipped_at', 'published_at', 'day', 'title_key', 'source',
] as const;

export function clipRow(record: ClipRecord): Record<(typeof CLIP_FIELDS)[number], string | number | null> {
  const date = record.publishedAt ?? record.clippedAt;
  return {
    id: record.id,
    same_key: sameKey(record.canonicalUrl, record.contentHash),
    trashed: record.deletedAt ? 1 : 0,
    starred: record.starred ? 1 : 0,
    annotated: record.annotations.length > 0 ? 1 : 0,
    read_state: record.readState,
    clipped_at: record.clippedAt,
    published_at: date,
    day: /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? null,
    title_key: fold(record.title),
    source: fold(record.source ?? ''),
  };
}

/** What makes two clips the same clip: their canonical URL, or their text when there is no URL. */
export function sameKey(canonicalUrl: string | null, contentHash: string): string {
  return canonicalUrl ? `url ${canonicalUrl}` : `hash ${contentHash}`;
}

/** The clip's row number (also its full-text row id), if the catalog has it. */
export function rowNumber(statements: Statements, id: string): number | undefined {
  return statements.sql('select n from clip where id = ?').pluck().get(id) as number | undefined;
}

/** The newest row number (given to clips as they are added), 0 when the catalog is empty: about how many clips it holds. */
export function newestRow(statements: Statements): number {
  return (statements.sql('select max(n) from clip').pluck().get() as number | null) ?? 0;
}
