import { z } from 'zod';
import { HIGHLIGHT_COLORS, READ_STATES } from '../../api.js';
import { ClipdeskError } from '../errors.js';

/** The shape of the library on disk, version by version. Bump SCHEMA_VERSION only with a migration. */
export const SCHEMA_VERSION = 6;

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

/**
 * What a field of a clip record holds when its shard file leaves it out: since library version 4 a
 * record is written without the fields at these values (storedShard). Most clips have no note,
 * highlights, revisions, sync history or pending fetch, and spelling those out took about a fifth of
 * each record, which every kept version of a shard (backups.ts) repeats.
 */
const STORED_DEFAULTS = {
  url: null,
  canonicalUrl: null,
  byline: null,
  source: null,
  publishedAt: null,
  publishedText: null,
  language: null,
  tags: [],
  note: '',
  starred: false,
  readState: 'unread',
  pending: null,
  deletedAt: null,
  revisions: [],
  annotations: [],
  stamps: {},
  history: [],
} as const;
type DefaultedField = keyof typeof STORED_DEFAULTS;
/** A default as a record holds it: an empty list a record may add to. */
type Fresh<T> = T extends readonly [] ? never[] : T;

type RecordDefaults = { -readonly [F in DefaultedField]: Fresh<(typeof STORED_DEFAULTS)[F]> };

/**
 * A fresh copy each time: records are edited in place, and must not share one default list. Every
 * default is a primitive or empty, so a new empty one is the copy: structuredClone, for about 12 absent
 * fields a record, took a tenth of the time a shard's records were checked in.
 */
function storedDefault<F extends DefaultedField>(field: F): () => Fresh<(typeof STORED_DEFAULTS)[F]> {
  const value: unknown = STORED_DEFAULTS[field];
  const fresh = Array.isArray(value) ? () => [] : value !== null && typeof value === 'object' ? () => ({}) : () => value;
  return fresh as () => Fresh<(typeof STORED_DEFAULTS)[F]>;
}

/** Every defaulted field at its default, fresh: what a new clip starts with before its page and user data. */
export function recordDefaults(): RecordDefaults {
  const fields = Object.keys(STORED_DEFAULTS) as DefaultedField[];
  return Object.fromEntries(fields.map((field) => [field, storedDefault(field)()])) as RecordDefaults;
}

export const clipRecordSchema = z.object({
  id: z.string(),
  url: z.string().nullable().default(storedDefault('url')),
  canonicalUrl: z.string().nullable().default(storedDefault('canonicalUrl')),
  title: z.string(),
  byline: z.string().nullable().default(storedDefault('byline')),
  source: z.string().nullable().default(storedDefault('source')),
  publishedAt: z.string().nullable().default(storedDefault('publishedAt')),
  publishedText: z.string().nullable().default(storedDefault('publishedText')),
  language: z.string().nullable().default(storedDefault('language')),
  excerpt: z.string(),
  wordCount: z.number().int().min(0),
  clippedAt: z.string(),
  updatedAt: z.string(),
  tags: z.array(z.string()).default(storedDefault('tags')),
  note: z.string().default(storedDefault('note')),
  starred: z.boolean().default(storedDefault('starred')),
  /** Since library version 2 (migrations.ts). */
  readState: z.enum(READ_STATES).default(storedDefault('readState')),
  /** Since library version 2: an address whose article is still to be fetched, with how that stands. */
  pending: z.object({ attempts: z.number().int().min(0), lastError: z.string().nullable(), nextAttemptAt: z.string().nullable() })
    .nullable().default(storedDefault('pending')),
  deletedAt: z.string().nullable().default(storedDefault('deletedAt')),
  contentHash: z.string(),
  /** Earlier contents of the same article, oldest first; their bodies stay on disk by hash. */
  revisions: z.array(revisionSchema).default(storedDefault('revisions')),
  annotations: z.array(annotationSchema).default(storedDefault('annotations')),
  /** When each part last changed, for sync's merge; older records have none (every part as old as the clip). */
  stamps: stampsSchema.default(storedDefault('stamps')),
  /** Values that lost a sync merge to an edit made at the same time elsewhere, oldest first. */
  history: z.array(historyEntrySchema).default(storedDefault('history')),
});
export type ClipRecord = z.infer<typeof clipRecordSchema>;

/** One metadata shard: the clips whose id starts with the shard's key. */
export const shardSchema = z.object({
  schemaVersion: z.number().int().min(1),
  clips: z.record(z.string(), clipRecordSchema),
});
export type Shard = z.infer<typeof shardSchema>;

/** A shard as its file holds it (library version 4): each record without the fields at their STORED_DEFAULTS. */
export function storedShard(shard: Shard): string {
  const clips = Object.fromEntries(Object.entries(shard.clips).map(([id, record]) => [id, storedRecord(record)]));
  return JSON.stringify({ ...shard, clips });
}

/**
 * A record without its fields at their defaults. Only a record's own fields: a highlight's empty note
 * or a tag list inside sync history is data. Also used on records of older versions read as plain
 * JSON (migrations.ts), so a field this app does not know is kept.
 */
export function storedRecord<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([field, value]) => !isStoredDefault(field, value))) as Partial<T>;
}

function isStoredDefault(field: string, value: unknown): boolean {
  if (!Object.hasOwn(STORED_DEFAULTS, field)) return false;
  const fallback: unknown = STORED_DEFAULTS[field as DefaultedField];
  if (Array.isArray(fallback)) return Array.isArray(value) && value.length === 0;
  if (fallback === null || typeof fallback !== 'object') return value === fallback;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

export const bodySchema = z.object({
  contentHash: z.string(),
  content: z.string(),
  text: z.string(),
});
export type Body = z.infer<typeof bodySchema>;
