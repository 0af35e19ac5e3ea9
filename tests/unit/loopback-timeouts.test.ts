import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import type { Library } from '../../electron/core/library.js';
import { loadClipperSettings, startClipper } from '../../electron/hosts/clipper.js';
import type { ServerTimeouts } from '../../electron/hosts/http-guards.js';
import { startWebHost } from '../../electron/hosts/web.js';
import { rawRequest } from '../helpers/raw-request.js';
import { tempLibrary } from '../helpers/temp-library.js';

/** Short limits, so a test need not wait out the real ones. */
const SHORT: Partial<ServerTimeouts> = { headers: 500, request: 1500 };

interface HungUp {
  /** What the server sent before it closed the connection. */
  answer: string;
  afterMs: number;
}

/**
 * A client on a raw socket that sends `head` at once, then `drip` every 100 ms for as long as the
 * server listens. It gives up itself after `giveUpMs`, with no answer, so a server that never cuts it
 * off fails the test instead of hanging it.
 */
function slowClient(port: number, head: string, drip: string, giveUpMs: number): Promise<HungUp> {
  return new Promise((done) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const dripping = setInterval(() => socket.write(drip), 100);
    const givingUp = setTimeout(() => socket.destroy(), giveUpMs);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined); // a write after the server hung up; 'close' follows
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(givingUp);
      done({ answer, afterMs: performance.now() - started });
    });
  });
}

/** Request headers sent one line at a time, never finished. */
const trickledHeaders = (port: number, giveUpMs: number): Promise<HungUp> =>
  slowClient(port, `POST /api/list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, 'X-Slow: 1\r\n', giveUpMs);

/** A clip whose headers, token included, come at once, then a body declared as 1 MB, a byte at a time. */
const trickledClip = (port: number, token: string, giveUpMs: number): Promise<HungUp> => {
  const head = `POST /clip HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Clipdesk-Token: ${token}\r\n` +
    'Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n';
  return slowClient(port, head, ' ', giveUpMs);
};

/** A request to the web host's API with its token, then a JSON body declared as 1 MB, a byte at a time. */
const trickledImport = (port: number, token: string, giveUpMs: number): Promise<HungUp> => {
  const head = `POST /api/import HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Clipdesk-Token: ${token}\r\n` +
    'Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n';
  return slowClient(port, head, ' ', giveUpMs);
};

/** What the servers log as errors while the test runs (a slow or vanished client is not one). */
function loggedErrors(t: TestContext): unknown[][] {
  const logged: unknown[][] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args));
  return logged;
}

function assertCutOff(reply: HungUp, withinMs: [number, number]): void {
  assert.match(reply.answer, /^HTTP\/1\.1 408 /, `no 408 after ${Math.round(reply.afterMs)} ms`);
  assert.ok(reply.afterMs >= withinMs[0] && reply.afterMs <= withinMs[1], `cut off after ${Math.round(reply.afterMs)} ms`);
}

/** Lets the server finish with a request its client has left (its handler runs on after the socket closes). */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

describe('time limits on slow clients', () => {
  let library: Library;
  let dir: string;
  let cleanup: () => Promise<void>;

  before(async () => {
    ({ library, dir, cleanup } = await tempLibrary());
  });
  after(async () => {
    await cleanup();
  });

  it('the web host cuts off a client that trickles its headers after 10 s, with 408', async (t) => {
    const host = await startWebHost(library, { rendererDir: tmpdir() });
    t.after(() => host.close());
    assertCutOff(await trickledHeaders(Number(new URL(host.url).port), 15_000), [9_500, 12_000]);
  });

  it('the web host cuts off trickled headers at a shorter limit, and still answers prompt clients', async (t) => {
    const host = await startWebHost(library, { rendererDir: tmpdir(), timeouts: SHORT });
    t.after(() => host.close());
    const port = Number(new URL(host.url).port);
    assertCutOff(await trickledHeaders(port, 5_000), [450, 1_000]);
    const headers = { 'content-type': 'application/json', 'x-clipdesk-token': host.token };
    const prompt = await rawRequest(port, '/api/list', { method: 'POST', headers, body: '[{}]' });
    assert.equal(prompt.status, 200);
  });

  it('the clipper cuts off a client that trickles its headers, or its body, with 408, and logs no error', async (t) => {
    const clipper = await startClipper(library, { token: (await loadClipperSettings(dir)).token, port: 0, timeouts: SHORT });
    t.after(() => clipper.close());
    const errors = loggedErrors(t);
    assertCutOff(await trickledHeaders(clipper.port, 5_000), [450, 1_000]);
    assertCutOff(await trickledClip(clipper.port, clipper.token, 5_000), [1_450, 2_000]);
    await settled();
    assert.deepEqual(errors, []);
  });

  it('the web host cuts off a trickled body with 408, and logs no error', async (t) => {
    const host = await startWebHost(library, { rendererDir: tmpdir(), timeouts: SHORT });
    t.after(() => host.close());
    const errors = loggedErrors(t);
    assertCutOff(await trickledImport(Number(new URL(host.url).port), host.token, 5_000), [1_450, 2_000]);
    await settled();
    assert.deepEqual(errors, []);
  });

  it('logs no error when a client hangs up halfway through its body', async (t) => {
    const host = await startWebHost(library, { rendererDir: tmpdir(), timeouts: SHORT });
    const clipper = await startClipper(library, { token: (await loadClipperSettings(dir)).token, port: 0, timeouts: SHORT });
    t.after(() => Promise.all([host.close(), clipper.close()]));
    const errors = loggedErrors(t);
    const gone = [
      await trickledImport(Number(new URL(host.url).port), host.token, 300),
      await trickledClip(clipper.port, clipper.token, 300),
    ];
    assert.deepEqual(gone.map((reply) => reply.answer), ['', '']);
    await settled();
    assert.deepEqual(errors, []);
  });

  it('still logs a real failure inside a server', async (t) => {
    const errors = loggedErrors(t);
    const broken = { import: () => Promise.reject(new TypeError('the store broke')) } as unknown as Library;
    const clipper = await startClipper(broken, { token: (await loadClipperSettings(dir)).token, port: 0, timeouts: SHORT });
    t.after(() => clipper.close());
    const headers = { 'content-type': 'application/json', 'x-clipdesk-token': clipper.token };
    const reply = await rawRequest(clipper.port, '/clip', { method: 'POST', headers, body: '{"url":"https://example.com/a"}' });
    assert.equal(reply.status, 500);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]?.[1]), /the store broke/);
  });
});
