/**
 * The names of the API methods and the channels they travel on, with no dependencies, so the
 * sandboxed preload (which can load no npm package) and the renderer can use them at run time.
 * `API_ARGS` in api.ts is checked against this list.
 */
export const API_METHODS = [
  'list', 'get', 'search', 'import', 'update', 'addTags', 'removeTags', 'tags', 'renameTag', 'mergeTags', 'deleteTag',
  'annotate', 'updateAnnotation', 'deleteAnnotation', 'trash', 'restore', 'emptyTrash', 'revisions', 'restoreRevision',
  'clipsMissingPictures', 'fetchPictures', 'describeExport', 'importLibrary', 'fetchStatus', 'fetchArticle', 'pauseFetching',
  'resumeFetching', 'catalogStatus', 'exportAs', 'digestItems', 'makeDigest', 'digestPresets', 'saveDigestPreset',
  'deleteDigestPreset', 'clipperInfo', 'notices', 'syncStatus', 'syncSettings', 'saveSyncSettings', 'testSyncConnection', 'syncNow',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The IPC channel of a method: one channel per method, so the main process accepts only known ones. */
export function channelOf(method: ApiMethod): string {
  return `clipdesk:${method}`;
}

/** The one channel the main process sends shell commands on (see ShellCommand in api.ts). */
export const SHELL_COMMAND_CHANNEL = 'clipdesk:command';
