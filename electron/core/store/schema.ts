import { z } from 'zod';
import { HIGHLIGHT_COLORS, READ_STATES } from '../../api.js';
import { ClipdeskError } from '../errors.js';

/** The shape of the library on disk, version by version. Bump SCHEMA_VERSION only with a migration. */
export const SCHEMA_VERSION = 3;

/**
 * The refusal of a library (or one of its files, `what`) written by a newer Clipdesk at `version`:
 * its shape may have changed in ways this app cannot know, so it is neither read nor repaired.
 */
export function newerLibrary(what: string, version: number | string, readable: number = SCHEMA_VERSION): ClipdeskError {
  return new ClipdeskError(
    'NEWER_LIBRARY',
    `${what} was written by a newer Clipdesk (${version}, this app reads up to library version ${readable}); update Clipdesk to open it`,
  );
}

export const manifestSchema = z.object({
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  app: z.literal('clipdesk'),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const annotationSchema = z.object({
  id: z.string(),
  clipId: z.string(),
  created: z.string(),
  modified: z.string(),
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string(),
  target: z.object({
    source: z.string(),
    selector: z.tuple([
      z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
      z.object({ type: z.literal('TextPositionSelector'), start: z.number().int(), end: z.number().int() }),
    ]),
  }),
  status: z.enum(['exact', 'quote', 'fuzzy', 'orphan']),
});

const revisionSchema = z.object({
  n: z.number().int().min(1),
  savedAt: z.string(),
  title: z.string(),
  contentHash: z.string(),
});

/** See field-stamps.ts: per part of a clip, its stamp and the stamps it replaced. */
const stampsSchema = z.record(z.string(), z.array(z.string()).min(1));
export type Stamps = z.infer<typeof stampsSchema>;

/** A value a sync merge replaced with one edited at the same time elsewhere (sync/merge-records.ts). */
const historyEntrySchema = z.object({
  /** The part (see STAMPED_FIELDS), or 'highlight' for a highlight's note and colour. */
  part: z.string(),
  /** The part's fields as they were, e.g. { note: '…' }. */
  value: z.record(z.string(), z.unknown()),
  stamp: z.string(),
  replacedAt: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const clipRecordSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string(),
  byline: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedText: z.string().nullable(),
  language: z.string().nullable(),
  excerpt: z.string(),
  wordCount: z.number().int().min(0),
  clippedAt: z.string(),
  updatedAt: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  starred: z.boolean(),
  /** Since library version 2 (migrations.ts). */
  readState: z.enum(READ_STATES).default('unread'),
  /** Since library version 2: an address whose article is still to be fetched, with how that stands. */
  pending: z.object({ attempts: z.number().int().min(0), lastError: z.string().nullable(), nextAttemptAt: z.string().nullable() })
    .nullable().default(null),
  deletedAt: z.string().nullable(),
  contentHash: z.string(),
  /** Earlier contents of the same article, oldest first; their bodies stay on disk by hash. */
  revisions: z.array(revisionSchema),
  annotations: z.array(annotationSchema),
  /** When each part last changed, for sync's merge; older records have none (every part as old as the clip). */
  stamps: stampsSchema.default({}),
  /** Values that lost a sync merge to an edit made at the same time elsewhere, oldest first. */
  history: z.array(historyEntrySchema).default([]),
});
export type ClipRecord = z.infer<typeof clipRecordSchema>;

/** One metadata shard: the clips whose id starts with the shard's key. */
export const shardSchema = z.object({
  schemaVersion: z.number().int().min(1),
  clips: z.record(z.string(), clipRecordSchema),
});
export type Shard = z.infer<typeof shardSchema>;

export const bodySchema = z.object({
  contentHash: z.string(),
  content: z.string(),
  text: z.string(),
});
export type Body = z.infer<typeof bodySchema>;
