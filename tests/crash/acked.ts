import { markersIn } from './articles.js';
import type { Op } from './protocol.js';
import { acksOf, pendingOf } from './writer-process.js';
import type { WriterProcess } from './writer-process.js';

/** What a set of concurrent writers were told landed, and what they began without being told. */
export interface Acked {
  /** Clip id -> tags acknowledged as added to it. */
  tags: Map<string, Set<string>>;
  /** Clip id -> ids of highlights acknowledged on it. */
  annotations: Map<string, Set<string>>;
  /** Marker word of each acknowledged import -> the clip it landed in. */
  imports: Map<string, string>;
  /** Ops begun and never acknowledged (their writer was killed): they may or may not have landed. */
  pending: Op[];
}

export function collectAcks(writers: readonly WriterProcess[]): Acked {
  const acked: Acked = { tags: new Map(), annotations: new Map(), imports: new Map(), pending: [] };
  for (const writer of writers) {
    for (const { op, result } of acksOf(writer)) {
      if (op.kind === 'addTags') addAll(acked.tags, op.id, op.tags);
      if (op.kind === 'annotate' && result.annotationId) addAll(acked.annotations, op.id, [result.annotationId]);
      if (op.kind === 'import' && result.id) acked.imports.set(op.word, result.id);
    }
    const pending = pendingOf(writer);
    if (pending) acked.pending.push(pending.op);
  }
  return acked;
}

/** Tags a pending op might have added to `id`: those may be there or not, nothing else may. */
export function pendingTags(acked: Acked, id: string): string[] {
  return acked.pending.flatMap((op) => (op.kind === 'addTags' && op.id === id ? op.tags : []));
}

export function pendingImports(acked: Acked): number {
  return acked.pending.filter((op) => op.kind === 'import').length;
}

export function pendingAnnotations(acked: Acked, id: string): number {
  return acked.pending.filter((op) => op.kind === 'annotate' && op.id === id).length;
}

/** Writers overlapped when each one acknowledged a write while another was between two of its own. */
export function overlapped(writers: readonly WriterProcess[]): boolean {
  const spans = writers.map((writer) => {
    const times = writer.arrivals.filter((_, i) => writer.lines[i]?.t === 'ack');
    return [times[0] ?? Infinity, times.at(-1) ?? -Infinity] as const;
  });
  return Math.max(...spans.map(([first]) => first)) < Math.min(...spans.map(([, last]) => last));
}

export function markerOf(title: string): string | undefined {
  return markersIn(title)[0];
}

function addAll(map: Map<string, Set<string>>, key: string, values: readonly string[]): void {
  const set = map.get(key) ?? new Set<string>();
  for (const value of values) set.add(value);
  map.set(key, set);
}
