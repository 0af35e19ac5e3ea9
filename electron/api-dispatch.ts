/**
 * One handler per API method, shared by every host adapter (Electron IPC, the web host): checks the
 * method name, validates the argument list against its schema, calls the facade, and turns any error
 * into `{ ok: false, error: { code, message } }`; a stack trace never leaves the main process.
 */
import type { z } from 'zod';
import { API_ARGS } from './api.js';
import type { ApiMethod, ApiResult, ClipperInfo, ExportedFile, WireErrorCode } from './api.js';
import { describeInvalid, isClipdeskError } from './core/index.js';
import type { ExportedBytes, Library } from './core/index.js';

type Handlers = { [M in ApiMethod]: (...args: z.infer<(typeof API_ARGS)[M]>) => unknown };

/** What the host running the facade adds: its browser clipper, if it started one. */
export interface HostInfo {
  clipper: ClipperInfo | null;
}

function handlersFor(library: Library, host: HostInfo): Handlers {
  return {
    list: (options) => library.list(options),
    get: (id) => library.get(id),
    search: (query, options) => library.search(query, options),
    import: (input) => library.import(input),
    update: (id, patch) => library.update(id, patch),
    addTags: (id, tags) => library.addTags(id, tags),
    removeTags: (id, tags) => library.removeTags(id, tags),
    tags: () => library.tags(),
    renameTag: (from, to) => library.renameTag(from, to),
    mergeTags: (from, into) => library.mergeTags(from, into),
    deleteTag: (name) => library.deleteTag(name),
    annotate: (clipId, input) => library.annotate(clipId, input),
    updateAnnotation: (clipId, annotationId, patch) => library.updateAnnotation(clipId, annotationId, patch),
    deleteAnnotation: (clipId, annotationId) => library.deleteAnnotation(clipId, annotationId),
    trash: (id) => library.trash(id),
    restore: (id) => library.restore(id),
    emptyTrash: () => library.emptyTrash(),
    revisions: (id) => library.revisions(id),
    restoreRevision: (id, n) => library.restoreRevision(id, n),
    clipsMissingPictures: () => library.pictures.missing(),
    fetchPictures: (id) => library.pictures.fetchAgain(id),
    describeExport: (file) => library.describeExport(Buffer.from(file.data, 'base64'), file.name),
    importLibrary: (file) => library.importLibrary(Buffer.from(file.data, 'base64'), file.name),
    fetchStatus: () => library.fetching.status(),
    catalogStatus: () => library.catalogStatus(),
    fetchArticle: (id) => library.fetching.fetchNow(id),
    pauseFetching: () => library.fetching.pause(),
    resumeFetching: () => library.fetching.resume(),
    exportAs: async (format, scope) => wireFile(await library.exports.exportAs(format, scope)),
    digestItems: (definition) => library.digests.items(definition),
    makeDigest: async (definition, format) => wireFile(await library.digests.make(definition, format)),
    digestPresets: () => library.digests.presets.list(),
    saveDigestPreset: (preset) => library.digests.savePreset(preset),
    deleteDigestPreset: (name) => library.digests.presets.delete(name),
    clipperInfo: () => host.clipper,
    notices: () => library.notices(),
    syncStatus: () => library.sync.status(),
    syncSettings: () => library.sync.settings(),
    saveSyncSettings: (input) => library.sync.saveSettings(input),
    testSyncConnection: (input) => library.sync.testConnection(input),
    syncNow: async () => {
      await library.sync.syncNow();
      return library.sync.status();
    },
  };
}

/** A file made for the window to save, with its bytes as base64 for the wire. */
function wireFile({ bytes, ...file }: ExportedBytes): ExportedFile {
  return { ...file, data: Buffer.from(bytes).toString('base64') };
}

export type Dispatch = (method: string, args: unknown) => Promise<ApiResult<unknown>>;

export function createDispatch(library: Library, host: HostInfo = { clipper: null }): Dispatch {
  const handlers = handlersFor(library, host);
  return async (method, args) => {
    if (!Object.hasOwn(API_ARGS, method)) return failure('BAD_INPUT', `unknown method "${method}"`);
    const parsed = API_ARGS[method as ApiMethod].safeParse(args);
    if (!parsed.success) return failure('BAD_INPUT', `${method}: ${describeInvalid(parsed.error, 'arguments')}`);
    try {
      const handler = handlers[method as ApiMethod] as (...values: unknown[]) => unknown;
      const value = await handler(...(parsed.data as unknown[]));
      return { ok: true, value: value ?? null };
    } catch (error) {
      const { code, message } = wireError(error, method);
      return failure(code, message);
    }
  };
}

/**
 * What crosses the wire for an error: a library error's own code and message; anything else is a
 * bug, logged here with its stack and reported as INTERNAL with no details.
 */
export function wireError(error: unknown, where: string): { code: WireErrorCode; message: string } {
  if (isClipdeskError(error)) return { code: error.code, message: error.message };
  console.error(`clipdesk: ${where} failed:`, error);
  return { code: 'INTERNAL', message: 'something went wrong inside Clipdesk; the details are in its log' };
}

function failure(code: WireErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
