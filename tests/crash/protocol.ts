import type { ArticleFormat } from './articles.js';

/**
 * What a writer process and the harness say to each other. The writer prints one JSON line per event
 * on stdout, written synchronously, so a line the harness read is a write the library acknowledged.
 */

export type Op =
  | { kind: 'import'; format: ArticleFormat; word: string; url?: string }
  | { kind: 'addTags'; id: string; tags: string[] }
  | { kind: 'removeTags'; id: string; tags: string[] }
  | { kind: 'annotate'; id: string; start: number; end: number; note: string }
  | { kind: 'deleteAnnotation'; id: string; annotationId: string }
  | { kind: 'note'; id: string; note: string }
  | { kind: 'star'; id: string; starred: boolean }
  | { kind: 'trash'; id: string }
  | { kind: 'restore'; id: string }
  | { kind: 'emptyTrash' };

/** What the library answered: the clip an import landed in, the id of a new highlight. */
export interface OpResult {
  id?: string;
  outcome?: 'created' | 'updated' | 'unchanged';
  title?: string;
  annotationId?: string;
  removed?: number;
}

export type WriterLine =
  /** The library is open; a web writer adds where its API listens. */
  | { t: 'ready'; pid: number; ms: number; url?: string; token?: string }
  | { t: 'begin'; n: number; op: Op }
  | { t: 'ack'; n: number; op: Op; result: OpResult }
  | { t: 'error'; n: number; code: string; message: string }
  | { t: 'done'; ops: number };

/** How a writer runs: a crash workload of its own, a web host driven by the harness, or a scripted concurrency workload. */
export type WriterConfig =
  /** The web host (electron/hosts/web.ts) on the library; the harness drives its HTTP API. */
  | { mode: 'web'; dir: string }
  | { mode: 'crash'; dir: string; seed: number; run: number; imports: boolean; maxOps: number }
  /** `imports: false` only tags and highlights: such a writer starts without loading extraction (jsdom). */
  | { mode: 'hammer'; dir: string; name: string; lane: number; sharedIds: string[]; rounds: number; imports?: boolean }
  /** Each round waits for the harness's go file, then tags `clipId`, or without one imports the round's shared article. */
  | { mode: 'race'; dir: string; name: string; clipId?: string; rounds: number; goDir: string };

export function parseLine(line: string): WriterLine | undefined {
  try {
    return JSON.parse(line) as WriterLine;
  } catch {
    return undefined; // a line cut by SIGKILL: never acknowledged
  }
}
