import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import type { RequestOptions } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { Library } from '../../electron/core/library.js';
import { loadClipperSettings, startClipper } from '../../electron/hosts/clipper.js';
import type { Clipper } from '../../electron/hosts/clipper.js';
import { startWebHost } from '../../electron/hosts/web.js';
import type { WebHost } from '../../electron/hosts/web.js';
import { tempLibrary } from '../helpers/temp-library.js';

/**
 * The loopback endpoints under a bounded load, as `clipdesk serve` runs them: the web host and the
 * clipper on one real library, 10,000 requests from a local keep-alive client, 16 at a time, mixing
 * reads (list, search, get, tags, the clipper's page) with writes (300 new clips, 200 tag edits).
 * With the default rate limits, every request must succeed within a minute, and every clip whose
 * creation was acknowledged must be in the library afterwards, once.
 */
const REQUESTS = 10_000;
const CONCURRENCY = 16;
const WEB_CLIPS = 200;
const CLIPPER_CLIPS = 100;
const TAG_EDITS = 200;
const TIME_LIMIT_MS = 60_000;

type Op = 'webClip' | 'clipperClip' | 'tag' | 'list' | 'search' | 'get' | 'tags' | 'clipperPage';

interface Reply {
  status: number;
  body: string;
}

/** The 10,000 operations in a fixed pseudo-random order, so that a failure reproduces. */
function schedule(): Op[] {
  const writes: Op[] = [
    ...Array<Op>(WEB_CLIPS).fill('webClip'), ...Array<Op>(CLIPPER_CLIPS).fill('clipperClip'), ...Array<Op>(TAG_EDITS).fill('tag'),
  ];
  const reads: Op[] = ['list', 'search', 'get', 'get', 'tags', 'clipperPage'];
  const ops = [...writes, ...Array.from({ length: REQUESTS - writes.length }, (_, i) => reads[i % reads.length] as Op)];
  let state = 20240601;
  for (let i = ops.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [ops[i], ops[j]] = [ops[j] as Op, ops[i] as Op];
  }
  return ops;
}

function article(n: number): string {
  return `<!doctype html><html lang="en"><head><title>Berth ${n} reopens</title></head><body><article><h1>Berth ${n} reopens</h1>
<p>The harbour authority reopened berth ${n} on Monday after inspectors finished their review of its mooring posts and cranes.</p>
<p>Ships waiting at anchor for berth ${n} began to move in at dawn, and the authority expects the queue to clear by Friday.</p>
</article></body></html>`;
}

describe('the loopback endpoints under load', () => {
  let library: Library;
  let cleanup: () => Promise<void>;
  let web: WebHost;
  let clipper: Clipper;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  before(async () => {
    ({ library, cleanup } = await tempLibrary());
    clipper = await startClipper(library, { token: (await loadClipperSettings(library.dir)).token, port: 0 });
    web = await startWebHost(library, { rendererDir: tmpdir() });
  });
  after(async () => {
    agent.destroy();
    await web.close();
    await clipper.close();
    library.close();
    await cleanup();
  });

  it('listen on 127.0.0.1 only: no other address of this machine reaches them', async () => {
    const ports = [Number(new URL(web.url).port), clipper.port];
    for (const port of ports) {
      assert.equal(await accepts('127.0.0.1', port), true);
      for (const address of otherAddresses()) assert.equal(await accepts(address, port), false, `${address}:${port}`);
    }
  });

  it(
    `answer ${REQUESTS.toLocaleString('en')} requests, ${CONCURRENCY} at a time, within a minute, without an error or a lost clip`,
    async (t) => {
      const webPort = Number(new URL(web.url).port);
      const acknowledged = new Map<string, string>(); // clip id -> title
      const tagged = new Map<string, string>(); // clip id -> tag
      const failures: string[] = [];
      let webClips = 0;
      let clipperClips = 0;
      let tagEdits = 0;

      let resent = 0;
      // A keep-alive socket the server closes for idleness just as a request goes out on it resets: the
      // request never reached the server, and clients send it again (browsers do; Node's documentation of
      // request.reusedSocket shows the same). Any other error, or a second reset, is a failure.
      const send = (options: RequestOptions, body: string | undefined, retry = true): Promise<Reply> =>
        new Promise((done, fail) => {
          const outgoing = request({ host: '127.0.0.1', agent, ...options }, (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.on('end', () => done({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          });
          outgoing.on('error', (error: NodeJS.ErrnoException) => {
            if (!retry || !outgoing.reusedSocket || error.code !== 'ECONNRESET') return fail(error);
            resent++;
            send(options, body, false).then(done, fail);
          });
          outgoing.end(body);
        });
      const post = (port: number, path: string, headers: Record<string, string>, body: unknown): Promise<Reply> =>
        send({ port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, JSON.stringify(body));
      const get = (port: number, path: string): Promise<Reply> => send({ port, path }, undefined);
      const api = (method: string, ...args: unknown[]): Promise<Reply> =>
        post(webPort, `/api/${method}`, { 'x-clipdesk-token': web.token }, args);
      const someClip = (): string | undefined => [...acknowledged.keys()][Math.floor(Math.random() * acknowledged.size)];

      const run: Record<Op, () => Promise<Reply>> = {
        webClip: async () => {
          const n = webClips++;
          const text = `Quay report ${n}\n\nTugboat crews logged ${n} movements at the quay, a record for the season.`;
          const reply = await api('import', { kind: 'text', text });
          if (reply.status === 200) {
            const { clip } = JSON.parse(reply.body).value as { clip: { id: string; title: string } };
            acknowledged.set(clip.id, clip.title);
          }
          return reply;
        },
        clipperClip: async () => {
          const n = clipperClips++;
          const reply = await post(clipper.port, '/clip', { 'x-clipdesk-token': clipper.token }, { url: `https://news.example/berths/${n}`, html: article(n) });
          if (reply.status === 200) {
            const { id, title } = JSON.parse(reply.body) as { id: string; title: string };
            acknowledged.set(id, title);
          }
          return reply;
        },
        tag: async () => {
          const id = someClip();
          if (!id) return api('tags');
          const tag = `load-${tagEdits++}`;
          const reply = await api('addTags', id, [tag]);
          if (reply.status === 200) tagged.set(id, tag);
          return reply;
        },
        list: () => api('list', { limit: 50, offset: Math.floor(Math.random() * 250) }),
        search: () => api('search', `berth ${Math.floor(Math.random() * CLIPPER_CLIPS)}`, { limit: 20 }),
        get: () => {
          const id = someClip();
          return id ? api('get', id) : api('list', {});
        },
        tags: () => api('tags'),
        clipperPage: () => get(clipper.port, '/'),
      };

      const ops = schedule();
      let next = 0;
      const started = performance.now();
      const worker = async (): Promise<void> => {
        for (let i = next++; i < ops.length; i = next++) {
          const op = ops[i] as Op;
          try {
            const reply = await run[op]();
            if (reply.status !== 200) failures.push(`${op}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
          } catch (error) {
            failures.push(`${op}: ${String(error)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const elapsed = performance.now() - started;
      t.diagnostic(
        `${ops.length} requests in ${(elapsed / 1000).toFixed(1)} s (${Math.round(ops.length / (elapsed / 1000))}/s), ` +
          `${failures.length} failed, ${resent} sent again after a reused keep-alive socket reset, ${acknowledged.size} clips acknowledged`,
      );

      assert.deepEqual(failures.slice(0, 5), []);
      assert.ok(elapsed < TIME_LIMIT_MS, `took ${(elapsed / 1000).toFixed(1)} s`);
      assert.equal(acknowledged.size, WEB_CLIPS + CLIPPER_CLIPS);
      assert.equal(library.list({ limit: 1000 }).total, acknowledged.size, 'every clip once, nothing else');
      for (const [id, title] of acknowledged) assert.equal((await library.get(id)).title, title);
      for (const [id, tag] of tagged) assert.ok((await library.get(id)).tags.includes(tag), `${id} lost the tag ${tag}`);
    },
  );
});

/** True when a TCP connection to `address`:`port` is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((answered) => {
    const socket = connect({ host: address, port, timeout: 1000 }, () => {
      socket.destroy();
      answered(true);
    });
    socket.on('error', () => answered(false));
    socket.on('timeout', () => {
      socket.destroy();
      answered(false);
    });
  });
}

/** This machine's addresses other than 127.0.0.1: its LAN addresses, and ::1. */
function otherAddresses(): string[] {
  return Object.values(networkInterfaces()).flat().flatMap((info) => (info && info.address !== '127.0.0.1' ? [info.address] : []));
}
