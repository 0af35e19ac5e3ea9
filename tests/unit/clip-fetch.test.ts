import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { clipFromUrl } from '../../electron/core/clip/index.js';
import { isClipdeskError } from '../../electron/core/errors.js';
import type { ErrorCode } from '../../electron/core/errors.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Tide tables change</title>
<link rel="canonical" href="/articles/tides?utm_source=x"></head><body><article><h1>Tide tables change</h1>
<p>The harbour master published new tide tables on Tuesday, correcting an error that had shifted high water
by twenty minutes for most of the spring.</p>
<p>Fishing crews had reported the discrepancy for weeks, and the office thanked them for their careful logs
of the actual water levels at the quay.</p></article></body></html>`;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/article': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ARTICLE);
  },
  '/hang': () => {
    // Never answers.
  },
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>start');
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) });
    res.write('<p>');
  },
  '/big-streamed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'a'.repeat(64 * 1024)}</p>`;
    let sent = 0;
    const pump = (): void => {
      while (sent < 100 && res.write(chunk)) sent += 1;
      if (sent < 100) res.once('drain', pump);
      else res.end();
    };
    pump();
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<h1>Not here</h1>');
  },
  '/r1': (_req, res) => redirect(res, '/r2'),
  '/r2': (_req, res) => redirect(res, 'article'),
  '/loop-a': (_req, res) => redirect(res, '/loop-b'),
  '/loop-b': (_req, res) => redirect(res, '/loop-a'),
  '/to-file': (_req, res) => redirect(res, 'file:///etc/passwd'),
  '/plain': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Ferry timetable\n\nBoats leave every hour from the north pier.');
  },
  '/pdf': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('%PDF-1.4');
  },
};

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hops = /^\/n(\d+)$/.exec(path)?.[1];
    if (hops !== undefined) redirect(res, Number(hops) > 0 ? `/n${Number(hops) - 1}` : '/article');
    else (routes[path] ?? routes['/missing'])?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function failsWith(code: ErrorCode, pattern?: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(isClipdeskError(error), `expected a ClipdeskError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

describe('clipping a URL', () => {
  it('downloads and extracts an article with its canonical URL cleaned of tracking', async () => {
    const clip = await clipFromUrl(`${base}/article`);
    assert.equal(clip.title, 'Tide tables change');
    assert.equal(clip.url, `${base}/article`);
    assert.equal(clip.canonicalUrl, `${base}/articles/tides?utm_source=x`);
    assert.match(clip.text, /^The harbour master published new tide tables/);
    assert.equal(clip.language, 'en');
  });

  it('follows redirects and reports the final address', async () => {
    const clip = await clipFromUrl(`${base}/r1`);
    assert.equal(clip.url, `${base}/article`);
  });

  it('follows up to ten redirects and refuses the eleventh', async () => {
    assert.equal((await clipFromUrl(`${base}/n9`)).url, `${base}/article`);
    await assert.rejects(clipFromUrl(`${base}/n11`), failsWith('FETCH_FAILED', /more than 10/));
  });

  it('refuses a redirect loop with FETCH_FAILED', async () => {
    await assert.rejects(clipFromUrl(`${base}/loop-a`), failsWith('FETCH_FAILED', /loop/));
  });

  it('refuses a redirect to a file: URL', async () => {
    await assert.rejects(clipFromUrl(`${base}/to-file`), failsWith('UNSUPPORTED'));
  });

  it('gives up on a server that never answers within the timeout', async () => {
    const started = Date.now();
    await assert.rejects(clipFromUrl(`${base}/hang`, { fetchTimeoutMs: 300 }), failsWith('FETCH_FAILED', /0\.3 s/));
    assert.ok(Date.now() - started < 2000);
  });

  it('gives up on a body that stalls within the timeout', async () => {
    await assert.rejects(clipFromUrl(`${base}/slow-body`, { fetchTimeoutMs: 300 }), failsWith('FETCH_FAILED'));
  });

  it('refuses a page whose declared length is over the cap', async () => {
    await assert.rejects(clipFromUrl(`${base}/big-declared`, { maxBytes: 1024 * 1024 }), failsWith('TOO_LARGE'));
  });

  it('stops downloading a streamed page as soon as it passes the cap', async () => {
    await assert.rejects(clipFromUrl(`${base}/big-streamed`, { maxBytes: 1024 * 1024 }), failsWith('TOO_LARGE'));
  });

  it('reports an HTTP error status', async () => {
    await assert.rejects(clipFromUrl(`${base}/missing`), failsWith('FETCH_FAILED', /404/));
  });

  it('reports an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(clipFromUrl(`http://127.0.0.1:${port}/`), failsWith('FETCH_FAILED'));
  });

  it('clips a text/plain response as text', async () => {
    const clip = await clipFromUrl(`${base}/plain`);
    assert.equal(clip.title, 'Ferry timetable');
    assert.equal(clip.content, '<p>Ferry timetable</p>\n<p>Boats leave every hour from the north pier.</p>');
  });

  it('refuses a response that is not a page', async () => {
    await assert.rejects(clipFromUrl(`${base}/pdf`), failsWith('UNSUPPORTED', /application\/pdf/));
  });

  it('refuses file:, javascript:, data: and ftp: URLs', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x</p>', 'ftp://example.com/a']) {
      await assert.rejects(clipFromUrl(url), failsWith('UNSUPPORTED'), url);
    }
  });

  it('refuses URLs carrying credentials and strings that are not URLs', async () => {
    await assert.rejects(clipFromUrl(`http://user:secret@127.0.0.1:1/`), failsWith('BAD_INPUT', /password/));
    await assert.rejects(clipFromUrl('not a url'), failsWith('BAD_INPUT'));
  });
});
