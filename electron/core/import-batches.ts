import { setImmediate } from 'node:timers/promises';
import type { BatchImportResult } from '../api.js';
import type { Saved, ToSave } from './clip-saver.js';
import { isClipdeskError } from './errors.js';
import { mapBounded } from './map-bounded.js';
import { countPictures } from './pictures/keep-pictures.js';

/** Inputs saved together, under one lock and in one commit: many clips per shard write, few enough that memory stays flat. */
export const BATCH = 500;
/** Inputs extracted at the same time: an address waits on the network for its page and its pictures. */
const EXTRACTING_AT_ONCE = 4;

type Extracted = { index: number; item: ToSave } | { index: number; reason: string };

/**
 * Extracts `count` inputs and saves them a batch at a time. Every input gets a result in its place:
 * one that cannot be extracted (or whose batch cannot be saved) says why, and the others are saved.
 */
export async function importInBatches(
  count: number,
  extract: (index: number) => Promise<ToSave>,
  save: (items: readonly ToSave[]) => Promise<Saved[]>,
): Promise<BatchImportResult[]> {
  const results: BatchImportResult[] = [];
  let next = extractBatch(0, count, extract);
  for (let start = 0; start < count; start += BATCH) {
    const extracted = await next;
    // The next batch is extracted (CPU, network) while this one is written (disk).
    next = extractBatch(start + BATCH, count, extract);
    results.push(...(await saveBatch(extracted, save)));
  }
  return results;
}

function extractBatch(start: number, count: number, extract: (index: number) => Promise<ToSave>): Promise<Extracted[]> {
  const indexes = Array.from({ length: Math.max(0, Math.min(BATCH, count - start)) }, (_, i) => start + i);
  return mapBounded(indexes, EXTRACTING_AT_ONCE, async (index): Promise<Extracted> => {
    // Extracting a text never waits: without a turn of the event loop the batch being saved would not move meanwhile.
    await setImmediate();
    try {
      return { index, item: await extract(index) };
    } catch (error) {
      return { index, reason: reasonOf(error) };
    }
  });
}

async function saveBatch(
  extracted: readonly Extracted[],
  save: (items: readonly ToSave[]) => Promise<Saved[]>,
): Promise<BatchImportResult[]> {
  const ready = extracted.flatMap((entry) => ('item' in entry ? [entry.item] : []));
  let saved: Saved[] = [];
  let failure: string | null = null;
  try {
    if (ready.length > 0) saved = await save(ready);
  } catch (error) {
    failure = reasonOf(error);
  }
  let next = 0;
  return extracted.map((entry): BatchImportResult => {
    const { index } = entry;
    if ('reason' in entry) return { index, outcome: 'failed', reason: entry.reason };
    const one = saved[next++];
    if (!one) return { index, outcome: 'failed', reason: failure ?? 'not saved' };
    return { index, clip: one.clip, outcome: one.outcome, pictures: countPictures(one.content) };
  });
}

function reasonOf(error: unknown): string {
  return isClipdeskError(error) ? error.message : String(error);
}
