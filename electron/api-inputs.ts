/**
 * What callers send the library: the schema of every input and of each API method's argument list
 * (API_ARGS), with the types inferred from them. Hosts validate every payload with these before the
 * core sees it; api.ts re-exports all of it as part of the one contract.
 */
import { z } from 'zod';
import type { ApiMethod } from './shared/api-methods.js';
import { DIGEST_CONTENTS, DIGEST_GROUPS, DIGEST_ORDERS, MAX_DIGEST_ITEMS, PAPERS } from './shared/digest-choices.js';
import { HIGHLIGHT_COLORS } from './shared/highlight-colors.js';
import { MAX_EXPORT_FILE_BYTES, MAX_PAGE_BYTES, base64Length } from './shared/limits.js';
import { READ_STATES } from './shared/read-states.js';
import { syncSettingsInputSchema } from './sync-api.js';

export const SORT_KEYS = ['clippedAt', 'publishedAt', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const listOptionsSchema = z.object({
  tags: z.array(z.string()).optional(),
  starred: z.boolean().optional(),
  annotated: z.boolean().optional(),
  readState: z.enum(READ_STATES).optional(),
  trashed: z.boolean().optional(),
  sort: z.enum(SORT_KEYS).optional(),
  descending: z.boolean().optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});
export type ListOptions = z.infer<typeof listOptionsSchema>;

export const annotationInputSchema = z.object({
  /** Code-point offsets into the clip's text; or give `quote` and the first (or `occurrence`-th) match is used. */
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  quote: z.string().min(1).optional(),
  occurrence: z.number().int().min(1).optional(),
  color: z.enum(HIGHLIGHT_COLORS).optional(),
  note: z.string().max(100_000).optional(),
});
export type AnnotationInput = z.infer<typeof annotationInputSchema>;

export const annotationPatchSchema = z.object({
  color: z.enum(HIGHLIGHT_COLORS).optional(),
  note: z.string().max(100_000).optional(),
});
export type AnnotationPatch = z.infer<typeof annotationPatchSchema>;

export const clipPatchSchema = z.object({
  title: z.string().min(1).max(1000).optional(),
  note: z.string().max(1_000_000).optional(),
  starred: z.boolean().optional(),
  readState: z.enum(READ_STATES).optional(),
});
export type ClipPatch = z.infer<typeof clipPatchSchema>;

/**
 * The most characters of HTML or text an import may carry: as many as the download cap lets bytes
 * through, so a page or a text given directly is held to the same limit as one fetched. The clip code
 * refuses more as TOO_LARGE (not the schema, whose refusals are all BAD_INPUT).
 */
export const MAX_IMPORT_CHARS = MAX_PAGE_BYTES;

/** Tags to put on the clip as it is saved (added to those it has when it is already in the library). */
const importTags = z.array(z.string().max(200)).max(100).optional();

export const importInputSchema = z.union([
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(8192), tags: importTags }),
  z.object({ kind: z.literal('html'), html: z.string(), url: z.string().max(8192).optional(), tags: importTags }),
  z.object({
    kind: z.literal('text'),
    text: z.string(),
    url: z.string().max(8192).optional(),
    markdown: z.boolean().optional(),
    tags: importTags,
  }),
  /**
   * A file's bytes (base64) with its name, e.g. dropped onto the window; the charset is detected like a
   * page's. Its size is checked before decoding, as TOO_LARGE.
   */
  z.object({ kind: z.literal('file'), name: z.string().min(1).max(1000), data: z.string(), tags: importTags }),
]);
export type ImportInput = z.infer<typeof importInputSchema>;

/** What `clipdesk export --format` takes; the README's "Export formats" says what each keeps. */
export const EXPORT_FORMATS = ['json', 'markdown', 'html', 'csv', 'w3c', 'netscape', 'vault', 'backup'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats written as one stream of text, to a file or a terminal: a vault is a folder, a backup a zip file. */
export type StreamedExportFormat = Exclude<ExportFormat, 'vault' | 'backup'>;

export const searchOptionsSchema = z.object({
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
});
export type SearchOptions = z.infer<typeof searchOptionsSchema>;

const id = z.string().min(1).max(64);

/**
 * The argument list of a method whose one argument may be left out. Zod 4.1 refuses `[]` for a tuple
 * whose every element is optional (colinhacks/zod#5843, fixed in Zod 4.4), which turned `list()` sent
 * over HTTP into BAD_INPUT; so an empty list is read as the argument left out, and the tuple checks
 * everything else as strictly as before.
 */
function optionalArgument<T extends z.ZodType>(argument: T) {
  return z.preprocess((args) => (Array.isArray(args) && args.length === 0 ? [undefined] : args), z.tuple([argument.optional()]));
}

const tagNames = z.array(z.string().max(200)).min(1).max(100);

/** The formats the window saves as one file; a vault is a folder of notes, which the CLI writes. */
export const FILE_EXPORT_FORMATS = ['w3c', 'netscape', 'markdown', 'csv', 'json', 'html', 'backup'] as const;
export type FileExportFormat = (typeof FILE_EXPORT_FORMATS)[number];

/** Which clips an export holds: some by id (the open clip), a search's matches, the list as filtered, or every clip. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clips'), ids: z.array(id).min(1).max(100_000) }),
  z.object({ kind: z.literal('search'), query: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('list'), options: listOptionsSchema.omit({ offset: true, limit: true, trashed: true }) }),
  z.object({ kind: z.literal('library') }),
]);
export type ExportScope = z.infer<typeof exportScopeSchema>;

/** A calendar day, `YYYY-MM-DD`, that exists (no 2023-02-30). */
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'a day that exists');

/**
 * What a press review holds and how it looks. The items are `ids` when the user picked and arranged
 * them, else the clips `query` finds (every clip when empty) published (or clipped) in the period: from
 * `from` to `to`, both days included, or the `lastDays` up to today, which a preset run each week wants.
 */
export const digestDefinitionSchema = z.object({
  title: z.string().max(300),
  query: z.string().max(2000),
  ids: z.array(id).min(1).max(MAX_DIGEST_ITEMS).optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  lastDays: z.number().int().min(1).max(3660).optional(),
  group: z.enum(DIGEST_GROUPS),
  content: z.enum(DIGEST_CONTENTS),
  order: z.enum(DIGEST_ORDERS),
  paper: z.enum(PAPERS),
}).refine((digest) => digest.lastDays === undefined || (digest.from === undefined && digest.to === undefined), {
  message: 'give lastDays or from/to, not both',
}).refine((digest) => !(digest.from && digest.to) || digest.from <= digest.to, { message: 'from is after to' });
export type DigestDefinition = z.infer<typeof digestDefinitionSchema>;

/** A digest definition kept under a name to run again; it keeps the query, never picked ids. */
export const digestPresetSchema = z.object({
  name: z.string().trim().min(1).max(100),
  definition: digestDefinitionSchema,
});
export type DigestPreset = z.infer<typeof digestPresetSchema>;

export const DIGEST_FORMATS = ['html', 'pdf'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** Another app's export file, as the window sends it: its name and its bytes (base64). */
const exportFile = z.object({ name: z.string().min(1).max(1000), data: z.string().max(base64Length(MAX_EXPORT_FILE_BYTES)) });
export type ExportFileInput = z.infer<typeof exportFile>;

/**
 * Every method a host exposes, with the schema of its argument list. The Electron preload, the web
 * host's HTTP bridge and the IPC handlers are all generated from this one table.
 */
export const API_ARGS = {
  list: optionalArgument(listOptionsSchema),
  get: z.tuple([id]),
  search: z.tuple([z.string().max(2000), searchOptionsSchema.optional()]),
  import: z.tuple([importInputSchema]),
  update: z.tuple([id, clipPatchSchema]),
  addTags: z.tuple([id, tagNames]),
  removeTags: z.tuple([id, tagNames]),
  tags: z.tuple([]),
  renameTag: z.tuple([z.string().max(200), z.string().max(200)]),
  mergeTags: z.tuple([tagNames, z.string().max(200)]),
  deleteTag: z.tuple([z.string().max(200)]),
  annotate: z.tuple([id, annotationInputSchema]),
  updateAnnotation: z.tuple([id, id, annotationPatchSchema]),
  deleteAnnotation: z.tuple([id, id]),
  trash: z.tuple([id]),
  restore: z.tuple([id]),
  emptyTrash: z.tuple([]),
  revisions: z.tuple([id]),
  restoreRevision: z.tuple([id, z.number().int().min(1)]),
  clipsMissingPictures: z.tuple([]),
  fetchPictures: z.tuple([id]),
  describeExport: z.tuple([exportFile]),
  importLibrary: z.tuple([exportFile]),
  fetchStatus: z.tuple([]),
  catalogStatus: z.tuple([]),
  fetchArticle: z.tuple([id]),
  pauseFetching: z.tuple([]),
  resumeFetching: z.tuple([]),
  exportAs: z.tuple([z.enum(FILE_EXPORT_FORMATS), exportScopeSchema]),
  digestItems: z.tuple([digestDefinitionSchema]),
  makeDigest: z.tuple([digestDefinitionSchema, z.enum(DIGEST_FORMATS)]),
  digestPresets: z.tuple([]),
  saveDigestPreset: z.tuple([digestPresetSchema]),
  deleteDigestPreset: z.tuple([z.string().max(100)]),
  clipperInfo: z.tuple([]),
  notices: z.tuple([]),
  syncStatus: z.tuple([]),
  syncSettings: z.tuple([]),
  saveSyncSettings: z.tuple([syncSettingsInputSchema]),
  testSyncConnection: z.tuple([syncSettingsInputSchema]),
  syncNow: z.tuple([]),
} as const satisfies Record<ApiMethod, z.ZodType<unknown[]>>;
