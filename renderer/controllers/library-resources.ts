import type { ApiMethod } from '../../electron/api.js';

/** What the window fetches from the library; each one is fetched again on its own. */
export type Resource = 'list' | 'tags' | 'search' | 'clip' | 'trash' | 'revisions' | 'pictures' | 'fetching' | 'catalog';

type ReadMethod =
  | 'list' | 'get' | 'search' | 'tags' | 'revisions' | 'clipsMissingPictures' | 'describeExport' | 'fetchStatus'
  | 'catalogStatus' | 'exportAs' | 'digestItems' | 'makeDigest' | 'digestPresets' | 'clipperInfo' | 'notices'
  | 'syncStatus' | 'syncSettings' | 'testSyncConnection';

/** An API method that changes the library. */
export type ApiMutation = Exclude<ApiMethod, ReadMethod>;

/** A change to the library: one made through the API, or one made elsewhere (the main process clipped a page). */
export type Mutation = ApiMutation | 'external';

const EVERYTHING: readonly Resource[] = ['list', 'tags', 'search', 'clip', 'trash', 'revisions', 'pictures', 'fetching'];
const TAGGING: readonly Resource[] = ['list', 'tags', 'search', 'clip'];
const HIGHLIGHT_COUNT: readonly Resource[] = ['list', 'search', 'clip'];
// The clips that miss pictures are counted outside the trash.
const TRASHING: readonly Resource[] = ['list', 'tags', 'search', 'trash', 'pictures'];

/**
 * What each change makes stale. List rows and search hits show the same summary (title, source, date,
 * star, tags, highlight count, excerpt); search also matches notes and highlight notes; tag counts
 * leave out trashed clips. A record, so the compiler asks for a row when the contract gains a method.
 */
const TOUCHES: Record<Mutation, readonly Resource[]> = {
  update: ['list', 'search', 'clip'], // title, note, star
  addTags: TAGGING,
  removeTags: TAGGING,
  renameTag: TAGGING,
  mergeTags: TAGGING,
  deleteTag: TAGGING,
  annotate: HIGHLIGHT_COUNT,
  deleteAnnotation: HIGHLIGHT_COUNT,
  updateAnnotation: ['search', 'clip'], // a colour or a note: the count and is:annotated stay
  trash: TRASHING,
  restore: TRASHING,
  emptyTrash: ['trash'],
  restoreRevision: ['list', 'search', 'clip', 'revisions'], // tags, note and highlights stay
  fetchPictures: ['clip', 'pictures'], // the same text, now with its pictures
  // Another app's clips come in (as new clips, merged into known ones, or pending their articles).
  importLibrary: EVERYTHING,
  // A pending clip gets its article (title, text, pictures) or a reason it did not.
  fetchArticle: ['list', 'search', 'clip', 'pictures', 'fetching'],
  // Saved press-review definitions are read by the press-review dialog alone, when it opens.
  saveDigestPreset: [],
  deleteDigestPreset: [],
  // The sync indicator asks for the status itself; what a round brings in is any kind of change.
  saveSyncSettings: [],
  syncNow: EVERYTHING,
  pauseFetching: ['fetching'],
  resumeFetching: ['fetching'],
  // A page clipped again may be the open clip, gain an earlier version, or come back from the trash.
  import: EVERYTHING,
  external: EVERYTHING,
};

export function resourcesTouchedBy(mutation: Mutation): readonly Resource[] {
  return TOUCHES[mutation];
}
