import type { ClipSummary } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import type { ClipEditor } from './clip-editor.js';
import type { LibraryPictures } from './library-pictures.js';
import type { ClipStore } from './store/clip-store.js';
import type { ClipRecord } from './store/schema.js';

/** What the trash takes: the store and catalog, the editor that moves clips in and out, and the kept pictures. */
export interface TrashContext {
  store: ClipStore;
  catalog: Catalog;
  editor: ClipEditor;
  pictures: LibraryPictures;
  /** Resolves once the catalog lists every clip: until then it would not know every clip in the trash. */
  listed: () => Promise<void>;
  /** Whether a background rebuild is still reading the clips' texts. */
  rebuilding: () => boolean;
}

/** The trash: clips moved into it and back out, and emptied for good with their texts and the pictures left unused. */
export class LibraryTrash {
  readonly #context: TrashContext;

  constructor(context: TrashContext) {
    this.#context = context;
  }

  put(id: string): Promise<ClipSummary> {
    return this.#context.editor.edit(id, (record) => ({ ...record, deletedAt: new Date().toISOString() }));
  }

  restore(id: string): Promise<ClipSummary> {
    return this.#context.editor.edit(id, (record) => ({ ...record, deletedAt: null }));
  }

  async empty(): Promise<number> {
    const { store, catalog, editor, pictures, listed, rebuilding } = this.#context;
    await listed();
    const gone: ClipRecord[] = [];
    await editor.commit(catalog.trashedIds(), (fresh) => {
      if (!fresh?.deletedAt) return fresh;
      gone.push(fresh);
      return undefined;
    });
    for (const record of gone) await store.texts.deleteBodies(record);
    // Which pictures the clips show is known once a rebuild has read every text; until then none is deleted.
    if (!rebuilding()) await pictures.collectUnused();
    return gone.length;
  }
}
