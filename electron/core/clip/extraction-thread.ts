import type { Worker } from 'node:worker_threads';
import type { ExtractedClip } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { startWorker } from '../worker-file.js';
import type { Failure, WorkerAnswer } from './extraction-worker.js';
import type { PageRequest } from './read-page.js';

interface Waiting {
  page: PageRequest;
  resolve: (clip: ExtractedClip) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads pages in a worker thread, so that a long page (seconds for a 400 KB one) does not hold up
 * the library's lists, searches and saves, nor the window's calls in the app. One worker serves the
 * process; it is started by the first page and does not keep the process alive while idle.
 *
 * A worker that cannot start (a build without its file) leaves its pages, and all later ones, to
 * this thread. A worker that dies on a page (out of memory on a huge one) fails the pages it held
 * with a clear error, and the next page starts a new one: the library itself is unharmed.
 */
export class ExtractionThread {
  readonly #start: () => Worker;
  readonly #waiting = new Map<number, Waiting>();
  #worker: Worker | undefined;
  #ready = false;
  #inProcess = false;
  #nextId = 0;

  constructor(start: () => Worker = () => startWorker(import.meta.url, 'extraction-worker')) {
    this.#start = start;
  }

  read(page: PageRequest): Promise<ExtractedClip> {
    if (this.#inProcess) return readHere(page);
    const worker = (this.#worker ??= this.#started());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { page, resolve, reject });
      worker.postMessage({ id, page });
      worker.ref();
    });
  }

  #started(): Worker {
    const worker = this.#start();
    let error: unknown;
    worker.on('message', (answer: WorkerAnswer) => this.#answered(worker, answer));
    worker.on('error', (cause) => (error = cause));
    worker.on('exit', (code) => this.#exited(error, code));
    return worker;
  }

  #answered(worker: Worker, answer: WorkerAnswer): void {
    if ('ready' in answer) {
      this.#ready = true;
      return;
    }
    const waiting = this.#waiting.get(answer.id);
    this.#waiting.delete(answer.id);
    if ('clip' in answer) waiting?.resolve(answer.clip);
    else waiting?.reject(errorOf(answer.failure));
    if (this.#waiting.size === 0) worker.unref();
  }

  #exited(error: unknown, code: number): void {
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    this.#worker = undefined;
    if (!this.#ready) this.#inProcess = true;
    this.#ready = false;
    for (const { page, resolve, reject } of waiting) {
      if (this.#inProcess) readHere(page).then(resolve, reject);
      else reject(stoppedBy(error, code));
    }
  }
}

/** Extraction on this thread, loaded only if the worker could not start. */
async function readHere(page: PageRequest): Promise<ExtractedClip> {
  const { readPage } = await import('./read-page.js');
  return readPage(page);
}

function errorOf({ code, message, stack }: Failure): Error {
  if (code) return new ClipdeskError(code, message);
  const error = new Error(message);
  if (stack) error.stack = stack;
  return error;
}

function stoppedBy(error: unknown, code: number): ClipdeskError {
  if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ClipdeskError('TOO_LARGE', 'The page needs more memory than Clipdesk gives one page.', { cause: error });
  }
  return new ClipdeskError('EXTRACT_FAILED', `Reading the page stopped the extraction (exit code ${code}).`, { cause: error });
}
