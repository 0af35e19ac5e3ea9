import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import { ExtractionThread } from '../../electron/core/clip/extraction-thread.js';
import { readPage } from '../../electron/core/clip/read-page.js';
import { isClipdeskError } from '../../electron/core/errors.js';
import { startWorker } from '../../electron/core/worker-file.js';
import { tempLibrary } from '../helpers/temp-library.js';

const coded = (code: string) => (error: unknown) => isClipdeskError(error) && error.code === code;
const THREAD_MODULE = new URL('../../electron/core/clip/extraction-thread.ts', import.meta.url).href;

/** A page of `count` paragraphs: extracting 3,000 takes about a second on this machine. */
function longPage(count: number): string {
  const paragraphs = Array.from({ length: count }, (_, i) => `<p>Paragraph ${i}: the harbour board met on trade and shipping.</p>`);
  return `<html><head><title>A long report</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`;
}

const SHORT_PAGE =
  '<html><head><title>Port news</title></head><body><article><p>The harbour reopened after the storm.</p></article></body></html>';

/** The longest time the event loop went without running a timer while `work` ran. */
async function longestStall<T>(work: Promise<T>): Promise<{ value: T; stallMs: number; elapsedMs: number }> {
  const start = performance.now();
  let last = start;
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    const value = await work;
    return { value, stallMs: Math.max(stallMs, performance.now() - last), elapsedMs: performance.now() - start };
  } finally {
    clearInterval(timer);
  }
}

describe('pages are read in a worker thread', () => {
  it('so that a long page does not hold up the library while it is extracted', async (t) => {
    const { library } = await tempLibrary(t);
    await library.import({ kind: 'html', html: SHORT_PAGE });
    let listedMeanwhile = false;
    const clipping = library.import({ kind: 'html', html: longPage(3000) });
    setTimeout(() => (listedMeanwhile = library.list().total === 1), 100);
    const { value, stallMs, elapsedMs } = await longestStall(clipping.then((result) => ({ result, listed: listedMeanwhile })));
    assert.equal(value.result.outcome, 'created');
    assert.ok(value.listed, 'the list was answered before the long page was saved');
    assert.ok(elapsedMs > 600, `the page took ${Math.round(elapsedMs)} ms, too short to show a stall`);
    assert.ok(stallMs < elapsedMs / 3, `the event loop stalled ${Math.round(stallMs)} ms of ${Math.round(elapsedMs)} ms`);
  });

  it('gives the clip the main thread would give', async () => {
    const thread = new ExtractionThread();
    const page = { kind: 'html', html: SHORT_PAGE, url: 'https://example.com/port' } as const;
    assert.deepEqual(await thread.read(page), await readPage(page));
  });

  it('keeps the code of an error across the thread', async () => {
    const thread = new ExtractionThread();
    await assert.rejects(thread.read({ kind: 'file', name: 'report.pdf', data: '' }), coded('UNSUPPORTED'));
    await assert.rejects(thread.read({ kind: 'html', html: '<html><body><p> </p></body></html>' }), coded('EXTRACT_FAILED'));
  });

  it('reads pages on the main thread when the worker cannot start', async () => {
    let starts = 0;
    const thread = new ExtractionThread(() => {
      starts += 1;
      return new Worker(new URL('./no-such-worker.js', import.meta.url));
    });
    const page = { kind: 'html', html: SHORT_PAGE } as const;
    assert.deepEqual(await thread.read(page), await readPage(page));
    assert.deepEqual(await thread.read(page), await readPage(page));
    assert.equal(starts, 1, 'a worker that could not start is not tried for every page');
  });

  it('fails the page a worker dies on, and reads the next in a new worker', async () => {
    const workers: Worker[] = [];
    const thread = new ExtractionThread(() => {
      const worker = startWorker(THREAD_MODULE, 'extraction-worker');
      workers.push(worker);
      return worker;
    });
    await thread.read({ kind: 'html', html: SHORT_PAGE });
    const dying = thread.read({ kind: 'html', html: longPage(3000) });
    setTimeout(() => void workers[0]?.terminate(), 100);
    await assert.rejects(dying, coded('EXTRACT_FAILED'));
    assert.equal((await thread.read({ kind: 'html', html: SHORT_PAGE })).title, 'Port news');
    assert.equal(workers.length, 2);
  });

  it('stops a worker stuck on a page, fails that page, and reads the next in a new worker', async () => {
    // The first worker says it is ready, then never answers (as one stuck in a page would); the next answers.
    const workerCode = (answers: boolean) => `const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ ready: true });
      parentPort.on('message', ({ id }) => ${answers} && parentPort.postMessage({ id, failure: { message: 'answered' } }));`;
    let starts = 0;
    const thread = new ExtractionThread(() => new Worker(workerCode(starts++ > 0), { eval: true }), 300);
    const started = performance.now();
    await assert.rejects(thread.read({ kind: 'html', html: SHORT_PAGE }), (error) => coded('EXTRACT_FAILED')(error) && /took over/.test(String(error)));
    assert.ok(performance.now() - started < 5000, 'stopped after its wait, not at the end of the test');
    await assert.rejects(thread.read({ kind: 'html', html: SHORT_PAGE }), /answered/);
    assert.equal(starts, 2, 'the stuck worker was replaced');
  });
});
