import type { Database } from './replica.js';

/** After a change here, a round waits this long for more (typing a note is many commits). */
const SETTLE_MS = 1500;
/** Rounds run this often anyway: changes made by another Clipdesk process on this library are found by them. */
const EVERY_MS = 5 * 60_000;
/** After a failed round, the next waits longer each time, up to this. */
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Rounds of sync while the app runs: soon after a change here, at once when the server announces a
 * change (its changes feed), and every few minutes; after a failure (offline, server down), again
 * later and later. One round at a time; a change during a round asks for one more.
 */
export class LiveSync {
  readonly #round: () => Promise<unknown>;
  readonly #remote: () => Database | null;
  #timer: NodeJS.Timeout | null = null;
  #feed: { cancel(): void } | null = null;
  #failures = 0;
  #stopped = false;
  #busy = false;
  #again = false;

  constructor(round: () => Promise<unknown>, remote: () => Database | null) {
    this.#round = round;
    this.#remote = remote;
  }

  start(): void {
    this.#schedule(0);
  }

  nudge(): void {
    if (this.#busy) this.#again = true;
    else this.#schedule(SETTLE_MS);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#feed?.cancel();
    this.#feed = null;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), ms);
    this.#timer.unref();
  }

  async #run(): Promise<void> {
    this.#busy = true;
    this.#again = false;
    try {
      await this.#round();
      this.#failures = 0;
      this.#listen();
    } catch {
      this.#failures++;
      this.#feed?.cancel();
      this.#feed = null;
    } finally {
      this.#busy = false;
    }
    const backoff = Math.min(MAX_BACKOFF_MS, 15_000 * 2 ** (this.#failures - 1));
    this.#schedule(this.#failures > 0 ? backoff : this.#again ? SETTLE_MS : EVERY_MS);
  }

  /** Follows the server's changes feed, so a change made elsewhere arrives within moments. */
  #listen(): void {
    const remote = this.#remote();
    if (this.#feed || !remote || this.#stopped) return;
    const feed = remote.changes({ since: 'now', live: true, heartbeat: 30_000 });
    feed.on('change', () => this.nudge());
    feed.on('error', () => {
      this.#feed = null;
    });
    // A feed cut by the server ends as a rejected promise too; the next round starts a new one.
    feed.catch(() => undefined);
    this.#feed = feed;
  }
}
