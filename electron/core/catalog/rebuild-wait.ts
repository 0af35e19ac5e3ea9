import { setTimeout as sleep } from 'node:timers/promises';
import { ClipdeskError } from '../errors.js';
import { catalogIsWhole, peekCatalogDb } from './catalog-db.js';
import type { FillProgress } from './catalog-fill.js';
import type { RebuildMarker } from './rebuild-marker.js';

/** How a rebuild goes: this process's own, or another one's that this one waits for. */
export interface RebuildProgress extends FillProgress {
  /** The pid of the other Clipdesk process whose rebuild this one waits for. */
  elsewhere?: number;
}

/** The rebuild's batches commit every second or so even at 100,000 clips: a minute without one is a stall. */
export const STALL_MS = 60_000;
const POLL_MS = 250;

/**
 * Waits, outside the store's lock (the other process takes it to finish), until the process that is
 * rebuilding the catalog has finished, stopped or died; reports its progress as read from the file.
 * Throws LOCKED when the rebuild makes no progress for `stallMs`: the other process hangs, or is
 * stopped in a debugger, and waiting on would wedge this one.
 */
export async function waitForRebuildElsewhere(
  path: string,
  marker: RebuildMarker,
  report: (progress: RebuildProgress) => void,
  stallMs = STALL_MS,
): Promise<void> {
  let seen = '';
  let deadline = Date.now() + stallMs;
  for (let owner = marker.rebuilder(); owner && !catalogIsWhole(path); owner = marker.rebuilder()) {
    const progress = rebuildProgress(path);
    if (JSON.stringify(progress) !== seen) {
      seen = JSON.stringify(progress);
      deadline = Date.now() + stallMs;
      if (progress) report({ ...progress, elsewhere: Number(owner.pid) });
    } else if (Date.now() > deadline) {
      throw new ClipdeskError('LOCKED', `another Clipdesk process (pid ${String(owner.pid)}) is rebuilding this library's index `
        + `and has made no progress for ${Math.round(stallMs / 1000)} s; try again once it is done, or quit it`);
    }
    await sleep(POLL_MS);
  }
}

/** How far a rebuild got, from the catalog file: clips listed, then clips indexed (the index holds rows for those only). */
function rebuildProgress(path: string): FillProgress | null {
  return peekCatalogDb(path, (db) => {
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    const listed = count('select count(*) from clip');
    const indexed = count('select count(*) from fts');
    const listing = count('select count(*) from shard') === 0;
    return listing ? { listing, done: listed, total: 0 } : { listing, done: indexed, total: listed };
  });
}
