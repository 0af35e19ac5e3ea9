import type { Worker } from 'node:worker_threads';
import type { ExtractedClip } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { startWorker } from '../worker-file.js';
import type { Failure, WorkerAnswer } from './extraction-worker.js';
import type { PageRequest } from './read-page.js';

/**
 * A worker silent this long while pages wait for it is taken to be stuck on one (a page crafted never
 * to finish) and stopped. A page takes seconds (the slowest of the corpora 5 s, a synthetic one of
 * 3,000 paragraphs 8 s), and a batch's pages are answered one by one, each answer resetting the wait.
 */
const STALL_MS = 120_000;

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
 * with a clear error, and so does one stuck on a page (STALL_MS); the next page starts a new one: the
 * library itself is unharmed.
 */
export class ExtractionThread {
  readonly #start: () => Worker;
  readonly #stallMs: number;
  readonly #waiting = new Map<number, Waiting>();
  #worker: Worker | undefined;
  #ready = false;
  #inProcess = false;
  #nextId = 0;
  #watchdog: NodeJS.Timeout | undefined;
  #stalled = false;

  constructor(start: () => Worker = () => startWorker(import.meta.url, 'extraction-worker'), stallMs = STALL_MS) {
    this.#start = start;
    this.#stallMs = stallMs;
  }

  read(page: PageRequest): Promise<ExtractedClip> {
    if (this.#inProcess) return readHere(page);
    const worker = (this.#worker ??= this.#started());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { page, resolve, reject });
      worker.postMessage({ id, page });
      worker.ref();
      this.#watchdog ??= this.#watch(worker);
    });
  }

  /** Stops the worker if it stays silent for #stallMs while pages wait; restarted at each answer. */
  #watch(worker: Worker): NodeJS.Timeout | undefined {
    clearTimeout(this.#watchdog);
    if (this.#waiting.size === 0) return undefined;
    return setTimeout(() => {
      this.#stalled = true;
      void worker.terminate();
    }, this.#stallMs).unref();
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
    if ('ready' in answer) this.#ready = true;
    else {
      const waiting = this.#waiting.get(answer.id);
      this.#waiting.delete(answer.id);
      if ('clip' in answer) waiting?.resolve(answer.clip);
      else waiting?.reject(errorOf(answer.failure));
      if (this.#waiting.size === 0) worker.unref();
    }
    this.#watchdog = this.#watch(worker);
  }

  #exited(error: unknown, code: number): void {
    const waiting = [...this.#waiting.values()];
    const failure = this.#stalled ? stalledFor(this.#stallMs) : stoppedBy(error, code);
    this.#waiting.clear();
    clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
    this.#worker = undefined;
    // A worker that never said it was ready could not start; one stuck even before that is not trusted with this thread.
    if (!this.#ready && !this.#stalled) this.#inProcess = true;
    this.#ready = false;
    this.#stalled = false;
    for (const { page, resolve, reject } of waiting) {
      if (this.#inProcess) readHere(page).then(resolve, reject);
      else reject(failure);
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

function stalledFor(ms: number): ClipdeskError {
  return new ClipdeskError('EXTRACT_FAILED', `Reading the page took over ${Math.round(ms / 1000)} s, so it was stopped.`);
}

function stoppedBy(error: unknown, code: number): ClipdeskError {
  if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ClipdeskError('TOO_LARGE', 'The page needs more memory than Clipdesk gives one page.', { cause: error });
  }
  return new ClipdeskError('EXTRACT_FAILED', `Reading the page stopped the extraction (exit code ${code}).`, { cause: error });
}
