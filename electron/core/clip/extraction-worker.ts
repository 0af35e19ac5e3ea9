/**
 * The extraction thread (started by extraction-thread.ts): it loads extraction, says it is ready,
 * then reads each page posted to it and answers with its clip or with why it has none.
 */
import { parentPort } from 'node:worker_threads';
import type { ExtractedClip } from '../../api.js';
import type { ErrorCode } from '../errors.js';
import { isClipdeskError } from '../errors.js';
import { readPage } from './read-page.js';
import type { PageRequest } from './read-page.js';

/** Why a page has no clip, as plain data: a thrown error loses its code and class when posted. */
export interface Failure {
  code?: ErrorCode;
  message: string;
  stack?: string;
}

export type WorkerAnswer = { ready: true } | { id: number; clip: ExtractedClip } | { id: number; failure: Failure };

const port = parentPort;
if (!port) throw new Error('extraction-worker.ts runs only as a worker thread');

port.on('message', ({ id, page }: { id: number; page: PageRequest }) => {
  readPage(page).then(
    (clip) => port.postMessage({ id, clip } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage({ id, failure: failureOf(error) } satisfies WorkerAnswer),
  );
});
port.postMessage({ ready: true } satisfies WorkerAnswer);

function failureOf(error: unknown): Failure {
  if (isClipdeskError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}
