import type { Statements } from './statements.js';

/** Pages of merge work, or of free pages given back, per step: a few milliseconds, so a search that comes meanwhile waits little. */
const STEP_PAGES = 128;
/** Writes that stop for this long leave the app idle: the upkeep they put off is done then. */
const IDLE_MS = 1000;
/** A write of this many clips (an import's batch, a rebuild's) merges as it writes, as FTS5 does by default. */
const MERGES_AS_IT_WRITES_FROM = 64;
/**
 * Small writes in a row whose merging may wait: past them (a script, a sync catching up), writes merge
 * as they go again, so a pause never owes one huge merge. 3,000 clips imported one at a time without a
 * pause left 2.6 MB of free pages in the catalog file after the one merge at the end, 0.8 MB with this
 * bound: the file 5.0 KB a clip, against 4.9 KB merged as written (with a 2.4 MB log beside it while open).
 */
const MOST_DEFERRED = 256;
/** The index is merged whole once its other segments hold more than this share of the leaves its biggest holds, */
const WHOLE_MERGE_SHARE = 0.05;
/** and at least this many leaves (256 KB): below it, what merging saves is not worth a rewrite. */
const WHOLE_MERGE_LEAST = 64;

/**
 * The catalog's upkeep that can wait for its writes to pause for a second.
 *
 * Merging the full-text index's segments: each write adds a small segment, and FTS5 merges them as it
 * writes (automerge). At 100,000 clips one tag edit in 16 paid 40-55 ms for merging levels it did not
 * touch, against a median edit of 5 ms. So a small write turns that off for its own transaction
 * (statements.ts), and what it put off is merged in the pause, a step at a time with the event loop
 * free between steps. Meanwhile FTS5 still merges the newest level whenever it holds 16 segments (its
 * crisis merge), which bounds what a search reads without touching the big levels. Merging changes
 * no result, only how many segments a search reads.
 *
 * Then merging the index whole when its smaller segments have grown to a twentieth of its biggest.
 * Each segment repeats the terms it holds and their lists' headers, and FTS5 keeps several of each
 * size: 500 whole Chinese articles imported one at a time took 7% fewer leaves merged into one (4,050
 * -> 3,762), the bench's 10,000 short clips 4-6%. A small segment pays most: 25 more Chinese articles
 * took 12 leaves an article in segments of their own, 10 merged, so a library left with a tenth more
 * in them was 2.01x its text on disk against 1.98x merged (a quarter more: 2.04x). So the index is
 * rewritten each time it grows by a twentieth (100,000 short clips: after 5,000 more, about 5 s of
 * steps), in steps like those above; the steps after the first continue the merge that one started,
 * so writes between them add segments of their own without starting it over.
 *
 * Then giving the pages that merging freed back to the file system (500 English articles imported one
 * at a time left 892 of the file's 3,778 pages free; returning them took 7 ms in steps of at most 1.5 ms).
 * Free pages would be reused by later writes, but a library people stop adding to would keep them.
 *
 * Then copying the write-ahead log into the file and emptying it (a checkpoint, which took 8-12 ms of
 * one edit in a few dozen at 100,000 clips; the connection checkpoints by itself only once the log is
 * large, catalog-db.ts). The file shrinks then.
 */
export class IdleUpkeep {
  readonly #db: Statements;
  #timer: NodeJS.Timeout | undefined;
  /** Small writes whose merging waits for the pause. */
  #deferred = 0;
  #closed = false;

  constructor(db: Statements) {
    this.#db = db;
  }

  /** Whether a write of `clips` clips merges as it goes, or leaves its merging for the pause. */
  mergesAsItWrites(clips: number): boolean {
    return clips >= MERGES_AS_IT_WRITES_FROM || this.#deferred >= MOST_DEFERRED;
  }

  /** Called after each write: the upkeep starts once no other write came for IDLE_MS. */
  written(mergedAsWritten: boolean): void {
    if (!mergedAsWritten) this.#deferred++;
    this.schedule();
  }

  /**
   * The upkeep starts in IDLE_MS unless a write comes first. Also called when the catalog opens: a
   * process that closed it right after writing (a command-line import) left its free pages.
   */
  schedule(): void {
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
      // stall this process's event loop. What it could not do is tried again after another pause.
      while (this.#deferred > 0 && !this.#closed) {
        if (!this.#db.mergeStep(STEP_PAGES)) this.#deferred = 0;
        else await nextTurn();
      }
      if (!this.#closed && wantsWholeMerge(this.#db.segmentLeaves())) {
        for (let pages = -STEP_PAGES; !this.#closed && this.#db.mergeStep(pages); pages = STEP_PAGES) await nextTurn();
      }
      while (!this.#closed && this.#db.reclaimStep(STEP_PAGES)) await nextTurn();
      if (!this.#closed) this.#db.checkpoint();
    } catch (error) {
      // Any other fault, the next search or write meets and reports: upkeep is never the one to.
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') this.written(true);
    }
  }
}

/** Whether segments of these leaves are worth merging into one (see WHOLE_MERGE_SHARE). */
export function wantsWholeMerge(leaves: readonly number[]): boolean {
  const biggest = Math.max(0, ...leaves);
  const rest = leaves.reduce((sum, count) => sum + count, 0) - biggest;
  return rest >= WHOLE_MERGE_LEAST && rest > WHOLE_MERGE_SHARE * biggest;
}

/** Lets what waits on the event loop (a search, an IPC call) run between two steps. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
