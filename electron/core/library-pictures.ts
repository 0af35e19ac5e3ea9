import type { PictureCount } from '../api.js';
import type { Catalog } from './catalog/catalog.js';
import { countPictures, keepPictures } from './pictures/keep-pictures.js';
import type { PictureFetchOptions } from './pictures/fetch-pictures.js';
import type { PictureStore } from './pictures/picture-store.js';
import { pictureMediaType } from '../shared/picture-names.js';
import type { ClipStore, CommitObserver } from './store/clip-store.js';

/** How long a stored picture no clip shows yet is kept: an import stores pictures before its clip. */
const PICTURE_GRACE_MS = 60 * 60 * 1000;

/** What a library needs to keep clips' pictures: its store, catalog and picture files, and the fetch limits. */
export interface PicturesContext {
  store: ClipStore;
  catalog: Catalog;
  pictures: PictureStore;
  mirror: CommitObserver;
  /** Resolves once the catalog lists every clip, before anything is written. */
  listed: () => Promise<void>;
  /** Limits on fetching pictures, or false to fetch none. */
  fetch: Omit<PictureFetchOptions, 'pageUrl'> | false | undefined;
}

/** What hosts ask of the kept pictures (library.pictures); keeping and collecting them is the library's own work. */
export type PictureAccess = Pick<LibraryPictures, 'missing' | 'fetchAgain' | 'picture'>;

/** The pictures clips show, kept in the library: fetched as clips are saved or later, served, and collected when unused. */
export class LibraryPictures {
  readonly #context: PicturesContext;

  constructor(context: PicturesContext) {
    this.#context = context;
  }

  /** Keeps the pictures `content` shows (addresses relative to `pageUrl`) and points it at the kept copies. */
  keep(content: string, pageUrl: string | null): Promise<{ content: string } & PictureCount> {
    const { fetch, pictures } = this.#context;
    if (fetch === false) return Promise.resolve({ content, ...countPictures(content) });
    return keepPictures(content, pictures, { ...fetch, pageUrl });
  }

  /** Clips outside the trash whose text shows pictures the library does not keep, newest first. */
  missing(): string[] {
    return this.#context.catalog.idsMissingPictures();
  }

  /**
   * Fetches again the pictures a clip shows by address only (their fetch failed, or the clip predates
   * kept pictures) and keeps those that arrive. The text stays the same, so no version is added.
   */
  async fetchAgain(id: string): Promise<PictureCount> {
    const { store, mirror, listed } = this.#context;
    const record = await store.require(id);
    const body = await store.texts.readBody(id, record.contentHash);
    const kept = await this.keep(body.content, record.url);
    if (kept.content === body.content) return countPictures(body.content);
    await listed();
    return store.exclusive(async (writer) => {
      const fresh = await store.require(id);
      // Clipped again meanwhile with other text: these pictures belong to a version that is now a revision.
      if (fresh.contentHash !== record.contentHash) return countPictures((await store.texts.readBody(id, fresh.contentHash)).content);
      await store.texts.writeBody(id, { ...body, content: kept.content });
      await writer.commit([id], (current) => current && { ...current, updatedAt: new Date().toISOString() }, mirror);
      return { kept: kept.kept, missing: kept.missing };
    });
  }

  /** A stored picture's bytes and media type, by the name the content gives it; null for anything else. */
  async picture(name: string): Promise<{ bytes: Buffer; type: string } | null> {
    const type = pictureMediaType(name);
    const bytes = type ? await this.#context.pictures.get(name) : null;
    return type && bytes ? { bytes, type } : null;
  }

  /** Deletes the stored pictures no clip shows any more, in any version, not even one in the trash. */
  async collectUnused(): Promise<number> {
    const { catalog, pictures } = this.#context;
    return pictures.collect(catalog.unusedPictures(await pictures.names()), PICTURE_GRACE_MS);
  }
}
