import type { BackgroundRebuild } from './catalog/background-rebuild.js';
import type { Catalog } from './catalog/catalog.js';
import { mirrorInto } from './catalog/catalog-sync.js';
import { ClipAnnotations } from './clip-annotations.js';
import { ClipEditor } from './clip-editor.js';
import { ClipExtractor } from './clip-extractor.js';
import { ClipRevisions } from './clip-revisions.js';
import { ClipSaver } from './clip-saver.js';
import { ClipSearch } from './clip-search.js';
import type { PdfPrinter } from './digest/pdf-printer.js';
import { PendingArticles } from './import/pending-articles.js';
import { LibraryDigests } from './library-digests.js';
import { LibraryExports } from './library-exports.js';
import { LibraryImports } from './library-imports.js';
import type { LibraryOptions } from './library-options.js';
import { LibraryPictures } from './library-pictures.js';
import { LibrarySync } from './library-sync.js';
import { LibraryTrash } from './library-trash.js';
import { PictureStore } from './pictures/picture-store.js';
import { observeAll } from './store/clip-store.js';
import type { ClipStore } from './store/clip-store.js';
import { credentialsPath, fileVault } from './sync/credential-vault.js';
import { PurgeJournal } from './sync/purge-journal.js';

/** The collaborators the Library facade hands its calls to, each a whole concern. */
export interface LibraryParts {
  search: ClipSearch;
  imports: LibraryImports;
  pending: PendingArticles;
  editor: ClipEditor;
  annotations: ClipAnnotations;
  trash: LibraryTrash;
  revisions: ClipRevisions;
  pictures: LibraryPictures;
  exports: LibraryExports;
  digests: LibraryDigests;
  sync: LibrarySync;
}

/**
 * Makes the parts over one store and catalog. Every part writes through the same chain of commit
 * observers, and none refers back to the Library. Writes wait on `rebuild` until it has listed every
 * clip: until then the catalog would not know a page is clipped already, or which clips carry a tag.
 */
export function wireParts(store: ClipStore, catalog: Catalog, options: LibraryOptions, rebuild: BackgroundRebuild | null): LibraryParts {
  const listed = async () => {
    await rebuild?.listed;
  };
  const journal = new PurgeJournal(store.dir);
  const catalogMirror = mirrorInto(catalog, store);
  const pictureStore = new PictureStore(store.dir);
  const vault = options.syncVault ?? fileVault(credentialsPath(store.dir));
  const sync = new LibrarySync({ store, pictures: pictureStore, mirror: catalogMirror, journal, vault, listed });
  // Every commit also notes clips deleted for good (for sync to delete on the server) and asks a live sync for a round.
  const mirror = observeAll(catalogMirror, journal.observer, { wrote: async (written) => sync.nudge(written.map(({ id }) => id)) });
  const saver = new ClipSaver(store, catalog, mirror);
  const editor = new ClipEditor(store, catalog, mirror, listed);
  const pictures = new LibraryPictures({ store, catalog, pictures: pictureStore, mirror, listed, fetch: options.pictures });
  const extractor = new ClipExtractor(pictures, options);
  const pending = new PendingArticles(store, catalog, saver, mirror, (url) => extractor.fetchArticle(url), listed);
  const exports = new LibraryExports(store, catalog, pictureStore);
  const rebuilding = () => rebuild?.status().rebuilding ?? false;
  return {
    search: new ClipSearch(catalog, store),
    imports: new LibraryImports({ extractor, saver, pending, listed }),
    pending,
    editor,
    annotations: new ClipAnnotations(store, editor),
    trash: new LibraryTrash({ store, catalog, editor, pictures, listed, rebuilding }),
    revisions: new ClipRevisions(store, saver, listed),
    pictures,
    exports,
    digests: new LibraryDigests(store, exports, pictureStore, () => printerOf(options)),
    sync,
  };
}

/** The app prints with its own Chromium; the CLI and the web host with the system's, loaded when first used. */
async function printerOf(options: LibraryOptions): Promise<PdfPrinter> {
  return options.printPdf ?? (await import('./digest/chromium-printer.js')).chromiumPrinter();
}
