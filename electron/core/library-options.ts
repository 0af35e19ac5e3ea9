import type { RebuildProgress } from './catalog/rebuild-wait.js';
import type { ArticleFetchOptions } from './clip-extractor.js';
import type { PdfPrinter } from './digest/pdf-printer.js';
import type { CredentialVault } from './sync/credential-vault.js';
import type { PictureFetchOptions } from './pictures/fetch-pictures.js';

/** How a library opens and fetches: what `Library.open` takes. */
export interface LibraryOptions extends ArticleFetchOptions {
  /** Rebuild the catalog (list and search index) from the store instead of trusting the file. */
  rebuildCatalog?: boolean;
  /**
   * Whether a rebuild (after an update, damage, or `rebuildCatalog`) runs in the background while the
   * library is used (an app: see catalogStatus), or `open` waits for it (the CLI, whose answers must be whole).
   */
  rebuildInBackground?: boolean;
  /** How a rebuild that `open` waits for goes: its own, or another Clipdesk process's (`elsewhere`). */
  onRebuildProgress?: (progress: RebuildProgress) => void;
  /** Tests only: a pause after each batch of a background rebuild, so a small library's rebuild can be watched. */
  rebuildPauseMs?: number;
  /** Tests only: how long another process's rebuild may make no progress before `open` gives up (LOCKED). */
  rebuildStallMs?: number;
  /** Limits on fetching a clip's pictures (sizes, time, concurrency; the defaults suit people), or false to fetch none. */
  pictures?: Omit<PictureFetchOptions, 'pageUrl'> | false;
  /** What prints press reviews to PDF: the app passes Electron's; without one, the system's Chromium does. */
  printPdf?: PdfPrinter;
  /** Where the sync password and key are kept: the app passes the OS keychain's; without one, a 0600 file in the library. */
  syncVault?: CredentialVault;
}

/** What opening found and did, for hosts to tell the user. */
export interface OpenReport {
  catalogRebuilt: boolean;
  /** Clips whose catalog entry was brought up to date after a crash or an outside change. */
  catalogRepaired: number;
  /** Clips the catalog listed that the store no longer has (a shard restored from an older backup). */
  lostClips: Array<{ id: string; title: string }>;
}
