import type { Worker } from 'node:worker_threads';
import type { CatalogStatus } from '../../api.js';
import type { ClipStore } from '../store/clip-store.js';
import type { RecoveryReport } from '../store/recovery.js';
import type { Catalog } from './catalog.js';
import { fillCatalog } from './catalog-fill.js';
import type { FillProgress } from './catalog-fill.js';
import type { RebuildMarker } from './rebuild-marker.js';
import { startWorker } from '../worker-file.js';

type WorkerMessage = { progress: FillProgress } | { recoveries: RecoveryReport[] };

/**
 * A catalog rebuild in a worker thread, so the library is used while it runs (at 100,000 clips it
 * takes minutes). Writes meanwhile are mirrored by the main thread as always; `finish` then mirrors
 * again what the worker may have overwritten and marks the catalog whole. Should the worker fail to
 * start, the same fill runs here instead, between the main thread's other work. The marker names this
 * process as the rebuilder until the rebuild ends, whole or not, so other processes wait instead of rebuilding.
 */
export class BackgroundRebuild {
  /** Every clip is listed (the duplicate checks of new clips need it): writes wait for this. */
  readonly listed: Promise<void>;
  /** The catalog is whole, or the rebuild stopped (it starts again at the next open). */
  readonly finished: Promise<void>;
  #status: CatalogStatus = { rebuilding: true, listing: true, indexed: 0, total: 0 };
  #worker: Worker | undefined;
  #stopped = false;
  /** Whether the worker filled the catalog (else this thread did). */
  #inThread = false;
  #markListed: () => void = () => undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly store: ClipStore,
    private readonly finish: () => Promise<void>,
    private readonly marker: RebuildMarker,
    private readonly pauseMs = 0,
  ) {
    this.listed = new Promise((resolve) => (this.#markListed = resolve));
    this.finished = this.#run().finally(() => {
      this.marker.release();
      this.#status = { ...this.#status, rebuilding: false, listing: false };
      this.#markListed();
    });
  }

  status(): CatalogStatus {
    return this.#status;
  }

  /** Whether the catalog was filled by the worker thread, as meant, rather than here after the worker failed. */
  get filledInWorker(): boolean {
    return this.#inThread;
  }

  /** Stops the worker (the library is closing); the catalog stays unmarked, so the next open rebuilds it. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#worker?.terminate();
    await this.finished;
  }

  async #run(): Promise<void> {
    try {
      await this.#inWorker().catch(async () => {
        if (!this.#stopped) await fillCatalog(this.catalog, this.store, (progress) => this.#progress(progress), this.pauseMs);
      });
      if (!this.#stopped) await this.finish();
    } catch {
      // Closed mid-way, or the store could not be read: the catalog stays unmarked and is rebuilt at the next open.
    }
  }

  #inWorker(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = startWorker(import.meta.url, 'rebuild-worker', { workerData: { dir: this.store.dir, pauseMs: this.pauseMs } });
      this.#worker = worker;
      let filled = false;
      worker.on('message', (message: WorkerMessage) => {
        if ('progress' in message) return this.#progress(message.progress);
        filled = true;
        this.#keepRecoveries(message.recoveries);
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        this.#inThread = filled;
        if (filled) resolve();
        else reject(new Error('the catalog rebuild stopped'));
      });
    });
  }

  #progress({ listing, done, total }: FillProgress): void {
    this.#status = { rebuilding: true, listing, indexed: done, total };
    if (!listing) this.#markListed();
  }

  /** Damaged shards the worker found and recovered, for the user to hear of them like any other. */
  #keepRecoveries(reports: readonly RecoveryReport[]): void {
    const known = this.store.recoveries;
    for (const report of reports) if (!known.some((seen) => seen.doc === report.doc && seen.keptAt === report.keptAt)) known.push(report);
  }
}
