import type { Statements } from './statements.js';

/** Pages of merge work per step: a few milliseconds, so a search that comes meanwhile waits little. */
const STEP_PAGES = 128;
/** Writes that stop for this long leave the app idle: the upkeep they put off is done then. */
const IDLE_MS = 1000;
/** A write of this many clips (an import's batch, a rebuild's) merges as it writes, as FTS5 does by default. */
const MERGES_AS_IT_WRITES_FROM = 64;

/**
 * Whether a write merges the full-text index's segments as it goes. Each write adds a small segment,
 * and FTS5 merges them as it writes (automerge): at 100,000 clips, one tag edit in 16 paid 40-55 ms for
 * merging levels it did not touch, against a median edit of 5 ms. So a small write turns that off for
 * its own transaction (statements.ts) and IdleUpkeep merges what it put off. Meanwhile FTS5 still
 * merges the newest level whenever it holds 16 segments (its crisis merge), which bounds what a
 * search reads without touching the big levels. Merging changes no result, only how many segments
 * a search reads.
 */
export function mergesAsItWrites(clips: number): boolean {
  return clips >= MERGES_AS_IT_WRITES_FROM;
}

/**
 * The catalog's upkeep that waits for its writes to pause for a second: merging the segments small
 * writes left, a step at a time with the event loop free between steps, then copying the write-ahead
 * log into the file and emptying it (a checkpoint, which took 8-12 ms of one edit in a few dozen at
 * 100,000 clips; the connection checkpoints by itself only once the log is large, catalog-db.ts).
 * Only what small writes put off is merged here: merging in the pauses between an import's batches
 * too did more work in all (100,000 clips imported in 4 min 40 s against 3 min).
 */
export class IdleUpkeep {
  readonly #db: Statements;
  #timer: NodeJS.Timeout | undefined;
  #mergesOwed = false;
  #closed = false;

  constructor(db: Statements) {
    this.#db = db;
  }

  /** Called after each write of `clips` clips: the upkeep starts once no other write came for IDLE_MS. */
  written(clips: number): void {
    if (!mergesAsItWrites(clips)) this.#mergesOwed = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#upkeep(), IDLE_MS).unref();
  }

  /** No step starts after this; one under way has already finished (a step is synchronous). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  async #upkeep(): Promise<void> {
    try {
      // Neither waits for a lock: another connection writing (a rebuild, a second app) would otherwise
      // stall this process's event loop. What it could not do is tried again after the next pause.
      while (this.#mergesOwed && !this.#closed) {
        this.#mergesOwed = this.#db.mergeStep(STEP_PAGES);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!this.#closed) this.#db.checkpoint();
    } catch (error) {
      // Any other fault, the next search or write meets and reports: upkeep is never the one to.
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') this.written(1);
    }
  }
}
