import type { ExtractedClip, FetchStatus, PendingArticle } from '../../api.js';
import { isClipdeskError } from '../errors.js';
import type { ClipStore, CommitObserver } from '../store/clip-store.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ClipSaver } from '../clip-saver.js';
import { fetchPending } from './fetch-pending.js';
import type { FetchPendingOptions, FetchRun } from './fetch-pending.js';

/** Tries of a pending clip before Clipdesk stops on its own (asking again still tries). */
const MAX_ATTEMPTS = 5;
/** Waits after each failed try: a site down for an hour, or a day, still gets its article fetched. */
const BACKOFF_MINUTES = [5, 30, 120, 720];


/** What hosts ask of the fetching of pending clips' articles (library.fetching). */
export type FetchingAccess = Pick<PendingArticles, 'status' | 'run' | 'fetchNow' | 'startFetching' | 'pause' | 'resume'>;

/**
 * The clips made from addresses alone (imports) and the fetching of their articles: one attempt at a
 * clip, a run through those due (the CLI), and the same in the background while an app runs, which
 * can be paused. Each attempt's outcome is kept with the clip, so nothing is lost to a crash.
 */
export class PendingArticles {
  #background: { controller: AbortController; run: FetchRun } | null = null;
  #paused = false;
  /** Whether pending clips are fetched in the background as they come (an app that stays open), or only on request (the CLI). */
  #inBackground = false;

  constructor(
    private readonly store: ClipStore,
    private readonly catalog: Catalog,
    private readonly saver: ClipSaver,
    private readonly mirror: CommitObserver,
    private readonly fetchArticle: (url: string) => Promise<ExtractedClip>,
    /** Resolves once the catalog lists every clip, before anything is written. */
    private readonly listed: () => Promise<void>,
  ) {}

  /** How many clips wait for their article (and how many were given up on), and what the background run has done. */
  status(): FetchStatus {
    const run = this.#background?.run ?? { fetched: 0, failed: 0 };
    return { ...this.catalog.pendingCounts(), running: this.#background !== null, paused: this.#paused, run: { ...run } };
  }

  /** Fetches the clips due, a few at once and politely per site, until none is due or `signal` stops it. */
  run(options: FetchPendingOptions = {}): Promise<FetchRun> {
    return fetchPending({
      due: (now, limit) => this.catalog.pendingDue(now, limit),
      hostOf: async (id) => {
        const url = (await this.store.get(id))?.url;
        return url && URL.canParse(url) ? new URL(url).host : null;
      },
      attempt: (id) => this.#attempt(id),
    }, options);
  }

  /** Tries one pending clip's article now, whatever its schedule (a person asked). */
  async fetchNow(id: string): Promise<'fetched' | 'failed' | 'gone'> {
    await this.listed();
    return this.#attempt(id);
  }

  /** From now on pending clips are fetched in the background, as they come (for an app that stays open). */
  startFetching(): void {
    this.#inBackground = true;
    void this.listed().then(() => this.#startBackground());
  }

  /** An import made pending clips: fetched now in the background when the app asked for that (startFetching). */
  added(): void {
    if (this.#inBackground) this.#startBackground();
  }

  /** One try at a pending clip's article, now, whatever its schedule; its outcome is kept with the clip. */
  async #attempt(id: string): Promise<'fetched' | 'failed' | 'gone'> {
    const record = await this.store.get(id);
    if (!record?.pending || !record.url) return 'gone';
    try {
      const filled = await this.saver.fillPending(id, await this.fetchArticle(record.url));
      return filled ? 'fetched' : 'gone';
    } catch (error) {
      if (!isClipdeskError(error)) throw error;
      await this.#failed(id, error.message);
      return 'failed';
    }
  }

  /** Runs in the background until nothing is due; a later import or `resume` starts it again. */
  #startBackground(): void {
    if (this.#background || this.#paused) return;
    const controller = new AbortController();
    const background = { controller, run: { fetched: 0, failed: 0 } };
    this.#background = background;
    void this.run({ signal: controller.signal, onProgress: (run) => (background.run = run) })
      .catch((error: unknown) => console.error('clipdesk: fetching pending clips stopped:', error))
      .finally(() => {
        if (this.#background === background) this.#background = null;
      });
  }

  /** Stops the background run, and keeps it stopped until resume (the side panel's pause). */
  pause(): void {
    this.#paused = true;
    this.#background?.controller.abort();
    this.#background = null;
  }

  /** Lets the background run go on, starting it now. */
  resume(): void {
    this.#paused = false;
    this.#startBackground();
  }

  async #failed(id: string, reason: string): Promise<void> {
    const now = Date.now();
    await this.store.commit([id], (fresh) => {
      if (!fresh?.pending) return fresh;
      const attempts = fresh.pending.attempts + 1;
      const wait = BACKOFF_MINUTES[attempts - 1];
      const next: PendingArticle = {
        attempts,
        lastError: reason,
        nextAttemptAt: attempts >= MAX_ATTEMPTS || wait === undefined ? null : new Date(now + wait * 60_000).toISOString(),
      };
      return { ...fresh, pending: next, updatedAt: new Date(now).toISOString() };
    }, this.mirror);
  }
}
