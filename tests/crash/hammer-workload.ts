import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Library } from '../../electron/core/library.js';
import { articleInput, markerWord } from './articles.js';
import type { Op, OpResult } from './protocol.js';

/**
 * Scripted workloads for several writers on one library at once. Round r of writer `name` tags a
 * shared clip `name-r`, imports a clip of its own every other round and highlights a shared clip
 * every fifth, so writers keep editing the same shards while the others do.
 */
export function hammerOps(name: string, lane: number, sharedIds: readonly string[], round: number, imports = true): Op[] {
  const shared = (k: number): string => sharedIds[k % sharedIds.length] ?? '';
  const ops: Op[] = [{ kind: 'addTags', id: shared(round), tags: [`${name}-${round}`] }];
  if (imports && round % 2 === 0) {
    ops.push({ kind: 'import', format: round % 4 === 0 ? 'text' : 'chinese', word: markerWord(round, 0, lane) });
  }
  if (round % 5 === 0) ops.push({ kind: 'annotate', id: shared(round * 7), start: 0, end: 12, note: `By ${markerWord(round, 1, lane)}` });
  return ops;
}

/** A race round: tag the shared clip, or (no clip given) import the same article at the same URL as the others. */
export function raceOp(name: string, clipId: string | undefined, round: number): Op {
  if (clipId) return { kind: 'addTags', id: clipId, tags: [`${name}-${round}`] };
  const word = markerWord(round, 0, 999);
  return { kind: 'import', format: 'html', word, url: raceUrl(round) };
}

export function raceUrl(round: number): string {
  return `https://news.crash.test/html/race-${round}`;
}

export async function executeHammerOp(library: Library, op: Op): Promise<OpResult> {
  switch (op.kind) {
    case 'addTags': return (await library.addTags(op.id, op.tags), {});
    case 'import': {
      const { clip, outcome } = await library.import(articleInput(op.format, op.word, op.url));
      return { id: clip.id, outcome, title: clip.title };
    }
    case 'annotate': return { annotationId: (await library.annotate(op.id, { start: op.start, end: op.end, note: op.note })).id };
    default: throw new Error(`hammer writers do not ${op.kind}`);
  }
}

/** Waits for the harness's go file of a round, so all writers hit the lock in the same millisecond. */
export async function waitForGo(goDir: string, round: number): Promise<void> {
  const path = join(goDir, `go-${round}`);
  while (!existsSync(path)) await sleep(1);
}
