import assert from 'node:assert/strict';
import { chmod, readFile, stat } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Library } from '../../electron/core/library.js';
import { bookmarkletFor, loadClipperSettings, startClipper } from '../../electron/hosts/clipper.js';
import type { Clipper } from '../../electron/hosts/clipper.js';
import { servePages } from '../helpers/page-server.js';
import { rawRequest } from '../helpers/raw-request.js';
import type { Reply } from '../helpers/raw-request.js';
import { HARBOUR_TRAFFIC, paragraphsHtml } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>${HARBOUR_TRAFFIC.title}</title></head><body><article>
<h1>${HARBOUR_TRAFFIC.title}</h1>
${paragraphsHtml(HARBOUR_TRAFFIC.paragraphs)}
</article></body></html>`;
const SECRET_TITLE = 'Private notes on the merger';

function jsonClip(clipper: Clipper, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const all = { 'content-type': 'application/json', 'x-clipdesk-token': clipper.token, ...headers };
  return rawRequest(clipper.port, '/clip', { method: 'POST', headers: all, body: JSON.stringify(body) });
}

function formClip(clipper: Clipper, fields: Record<string, string>, path = '/bookmarklet'): Promise<Reply> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  return rawRequest(clipper.port, path, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

const clipCount = (library: Library): number => library.list().total;

describe('the clipper endpoint', () => {
  let library: Library;
  let dir: string;
  let clipper: Clipper;
  let pages: { url: string; close: () => void };
  let cleanup: () => Promise<void>;

  before(async () => {
    ({ library, dir, cleanup } = await tempLibrary());
    await library.import({ kind: 'text', text: `${SECRET_TITLE}\n\nThe board will vote in May.` });
    const settings = await loadClipperSettings(dir);
    clipper = await startClipper(library, { token: settings.token, port: 0 });
    pages = await servePages(new Map([['/harbour', ARTICLE]]));
  });
  after(async () => {
    pages.close();
    await clipper.close();
    await cleanup();
  });

  it('listens on 127.0.0.1 and shows only that it is running at /, with a strict CSP', async () => {
    assert.equal(new URL(clipper.url).hostname, '127.0.0.1');
    const page = await rawRequest(clipper.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /Clipdesk clipper is running/);
    assert.doesNotMatch(page.body, /merger|<script/i);
    assert.match(String(page.headers['content-security-policy']), /^default-src 'none'; style-src 'unsafe-inline'/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    for (const path of ['/api/list', '/clips', '/clipper.json', '/favicon.ico']) {
      assert.equal((await rawRequest(clipper.port, path)).status, 404);
    }
  });

  it('clips a URL sent as JSON with the token', async () => {
    const reply = await jsonClip(clipper, { url: `${pages.url}/harbour` });
    assert.equal(reply.status, 200);
    const result = JSON.parse(reply.body);
    assert.deepEqual(
      { ok: result.ok, title: result.title, outcome: result.outcome },
      { ok: true, title: HARBOUR_TRAFFIC.title, outcome: 'created' },
    );
    assert.match((await library.get(result.id)).text, /deep-water berth/);
  });

  it('refuses a clip without the token or with a wrong one, and says nothing about the library', async () => {
    const before = clipCount(library);
    for (const token of [undefined, '', 'wrong', `${clipper.token}x`, clipper.token.slice(0, -1)]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers['x-clipdesk-token'] = token;
      const reply = await rawRequest(clipper.port, '/clip', { method: 'POST', headers, body: JSON.stringify({ url: 'https://news.example/a', html: ARTICLE }) });
      assert.equal(reply.status, 401);
      assert.equal(JSON.parse(reply.body).error.code, 'UNAUTHORIZED');
      const form = await formClip(clipper, { ...(token === undefined ? {} : { token }), url: 'https://news.example/a', html: ARTICLE });
      assert.equal(form.status, 401);
      assert.match(form.body, /Not clipped/);
      assert.doesNotMatch(reply.body + form.body, /merger|Harbour/);
    }
    assert.equal(clipCount(library), before);
  });

  it('ignores a token put in the query string', async () => {
    const before = clipCount(library);
    const query = `?token=${clipper.token}&x-clipdesk-token=${clipper.token}`;
    const json = await rawRequest(clipper.port, `/clip${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://news.example/q', html: ARTICLE }) });
    assert.equal(json.status, 401);
    const form = await formClip(clipper, { url: 'https://news.example/q', html: ARTICLE }, `/bookmarklet${query}`);
    assert.equal(form.status, 401);
    assert.equal(clipCount(library), before);
  });

  it('refuses a request whose Host is not this loopback server (DNS rebinding)', async () => {
    const reply = await jsonClip(clipper, { url: `${pages.url}/harbour` }, { host: `evil.example:${clipper.port}` });
    assert.equal(reply.status, 421);
    assert.equal((await rawRequest(clipper.port, '/', { headers: { host: `127.0.0.1:${clipper.port + 1}` } })).status, 421);
  });

  it('grants no CORS: a foreign Origin is refused even with the token, and a preflight gets no grant', async () => {
    const before = clipCount(library);
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${clipper.port}`]) {
      const reply = await jsonClip(clipper, { url: 'https://news.example/o', html: ARTICLE }, { origin });
      assert.equal(reply.status, 403);
      assert.equal(reply.headers['access-control-allow-origin'], undefined);
    }
    const preflight = await rawRequest(clipper.port, '/clip', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-clipdesk-token' },
    });
    assert.equal(preflight.status, 405);
    assert.deepEqual(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-')), []);
    assert.equal(clipCount(library), before);
  });

  it('accepts a browser extension Origin with the token', async () => {
    const reply = await jsonClip(clipper, { url: 'https://news.example/ext', html: ARTICLE }, { origin: 'chrome-extension://abcdefghijklmnop' });
    assert.equal(reply.status, 200);
  });

  it('refuses an oversize body with 413', async () => {
    const big = { 'content-length': String(17 * 1024 * 1024) };
    const jsonHeaders = { 'content-type': 'application/json', 'x-clipdesk-token': clipper.token, ...big };
    const json = await rawRequest(clipper.port, '/clip', { method: 'POST', headers: jsonHeaders, body: '' });
    assert.equal(json.status, 413);
    assert.equal(JSON.parse(json.body).error.code, 'TOO_LARGE');
    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', ...big };
    const form = await rawRequest(clipper.port, '/bookmarklet', { method: 'POST', headers: formHeaders, body: '' });
    assert.equal(form.status, 413);
  });

  it('refuses the wrong content type on each path', async () => {
    const text = await rawRequest(clipper.port, '/clip', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-clipdesk-token': clipper.token }, body: JSON.stringify({ url: 'https://news.example/t', html: ARTICLE }) });
    assert.equal(text.status, 415);
    const json = await rawRequest(clipper.port, '/bookmarklet', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: clipper.token }),
    });
    assert.equal(json.status, 415);
  });

  it('validates the JSON body', async () => {
    const reply = await jsonClip(clipper, { url: 42 });
    assert.equal(reply.status, 400);
    assert.equal(JSON.parse(reply.body).error.code, 'BAD_INPUT');
    const headers = { 'content-type': 'application/json', 'x-clipdesk-token': clipper.token };
    const notJson = await rawRequest(clipper.port, '/clip', { method: 'POST', headers, body: '{' });
    assert.equal(notJson.status, 400);
  });

  it('clips a form post with the page HTML and highlights the selection, across paragraphs, once', async () => {
    // As a form post sends a selection over two paragraphs: CRLF, one line break where the text has two.
    const selection = 'which opened in April and can take the largest ships now at sea.\r\nDock workers said';
    const fields = { token: clipper.token, url: 'https://news.example/harbour-2', html: ARTICLE, selection };
    const reply = await formClip(clipper, fields);
    assert.equal(reply.status, 200);
    assert.ok(reply.body.includes(`<h1>Clipped: ${HARBOUR_TRAFFIC.title}</h1>`), reply.body);
    assert.match(reply.body, /selection is highlighted/);
    const policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    assert.equal(reply.headers['content-security-policy'], policy);
    assert.equal(reply.headers['x-frame-options'], 'DENY');
    assert.equal(reply.headers['access-control-allow-origin'], undefined);
    assert.doesNotMatch(reply.body, /<script|merger/i);
    assert.equal((await formClip(clipper, fields)).status, 200);
    const clip = library.list().clips.find((c) => c.url === 'https://news.example/harbour-2');
    assert.ok(clip);
    const { annotations } = await library.get(clip.id);
    assert.equal(annotations.length, 1);
    const quote = 'which opened in April and can take the largest ships now at sea.\n\nDock workers said';
    assert.equal(annotations[0]?.target.selector[0].exact, quote);
  });

  it('clips the page but adds no highlight when the selection is not in the article text', async () => {
    const reply = await formClip(clipper, { token: clipper.token, url: 'https://news.example/harbour-3', html: ARTICLE, selection: 'Subscribe to our newsletter' });
    assert.equal(reply.status, 200);
    assert.match(reply.body, /not found in the article text/);
    const clip = library.list().clips.find((c) => c.url === 'https://news.example/harbour-3');
    assert.equal(clip?.annotationCount, 0);
  });

  it('escapes the title on the result page', async () => {
    const html = ARTICLE.replaceAll(HARBOUR_TRAFFIC.title, 'Ships &amp; <b>"cranes"</b> &lt;img src=x onerror=alert(1)&gt;');
    const reply = await formClip(clipper, { token: clipper.token, url: 'https://news.example/escape', html });
    assert.equal(reply.status, 200);
    assert.doesNotMatch(reply.body, /<img|<b>/);
    assert.match(reply.body, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('stores only the HTML a form carries: a form with a URL and no HTML fetches nothing', async () => {
    let fetched = 0;
    const counting = createHttpServer((_request, response) => {
      fetched++;
      response.end(ARTICLE);
    });
    await new Promise<void>((listening) => counting.listen(0, '127.0.0.1', listening));
    const reply = await formClip(clipper, { token: clipper.token, url: `http://127.0.0.1:${(counting.address() as AddressInfo).port}/x` });
    counting.close();
    assert.equal(reply.status, 400);
    assert.match(reply.body, /Not clipped/);
    assert.equal(fetched, 0);
  });
});

describe('the clipper port, token and rate', () => {
  it('falls back to a free port when the preferred one is taken, and reports it', async (t) => {
    const blocker = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    t.after(() => blocker.close());
    const taken = (blocker.address() as AddressInfo).port;
    const { library, dir } = await tempLibrary(t);
    const clipper = await startClipper(library, { token: (await loadClipperSettings(dir)).token, port: taken });
    t.after(() => clipper.close());
    assert.notEqual(clipper.port, taken);
    assert.equal(clipper.url, `http://127.0.0.1:${clipper.port}/`);
    assert.equal((await rawRequest(clipper.port, '/')).status, 200);
  });

  it('keeps one per-install token across restarts, in a file only its owner can read', async (t) => {
    const { library, dir } = await tempLibrary(t);
    const first = await loadClipperSettings(dir);
    assert.ok(first.token.length >= 43);
    assert.equal(first.port, 27183);
    await (await startClipper(library, { token: first.token, port: 0 })).close();
    const again = await loadClipperSettings(dir);
    assert.deepEqual(again, first);
    const restarted = await startClipper(library, { token: again.token, port: 0 });
    const reply = await formClip(restarted, { token: first.token, url: 'https://news.example/after-restart', html: ARTICLE });
    await restarted.close();
    assert.equal(reply.status, 200);
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'clipper.json'), 'utf8')), first);
    if (process.platform !== 'win32') {
      assert.equal((await stat(join(dir, 'clipper.json'))).mode & 0o777, 0o600);
      await chmod(join(dir, 'clipper.json'), 0o644); // say, restored from a backup
      await loadClipperSettings(dir);
      assert.equal((await stat(join(dir, 'clipper.json'))).mode & 0o777, 0o600);
    }
    const other = await tempLibrary(t);
    assert.notEqual((await loadClipperSettings(other.dir)).token, first.token);
  });

  it('refuses to start with a token too short to be a secret', async (t) => {
    const { library } = await tempLibrary(t);
    await assert.rejects(startClipper(library, { token: '', port: 0 }), /too short/);
  });

  it('limits clips with 429 and a Retry-After, counting only requests that carry the token', async (t) => {
    const { library, dir } = await tempLibrary(t);
    const limits = { imports: { burst: 2, perSecond: 0.1 } };
    const clipper = await startClipper(library, { token: (await loadClipperSettings(dir)).token, port: 0, limits });
    t.after(() => clipper.close());
    for (let i = 0; i < 5; i++) assert.equal((await formClip(clipper, { token: 'wrong', url: 'https://news.example/r', html: ARTICLE })).status, 401);
    assert.equal((await jsonClip(clipper, { url: 'https://news.example/r1', html: ARTICLE })).status, 200);
    assert.equal((await formClip(clipper, { token: clipper.token, url: 'https://news.example/r2', html: ARTICLE })).status, 200);
    const third = await jsonClip(clipper, { url: 'https://news.example/r3', html: ARTICLE });
    assert.equal(third.status, 429);
    assert.equal(third.headers['retry-after'], '10');
    assert.equal(JSON.parse(third.body).error.code, 'RATE_LIMITED');
    assert.equal(library.list().total, 2);
  });

  it('answers requests without the token, or from a foreign Host or Origin, with 429 once they come too fast', async (t) => {
    const { library, dir } = await tempLibrary(t);
    const { token } = await loadClipperSettings(dir);
    const clipper = await startClipper(library, { token, port: 0, limits: { refusals: { burst: 3, perSecond: 0.01 } } });
    t.after(() => clipper.close());
    assert.equal((await formClip(clipper, { token: 'wrong', url: 'https://news.example/g', html: ARTICLE })).status, 401);
    assert.equal((await jsonClip(clipper, { url: 'https://news.example/g', html: ARTICLE }, { origin: 'https://evil.example' })).status, 403);
    assert.equal((await rawRequest(clipper.port, '/', { headers: { host: 'evil.example' } })).status, 421);
    const limited = await formClip(clipper, { token: 'guess', url: 'https://news.example/g', html: ARTICLE });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '100');
    assert.equal((await rawRequest(clipper.port, '/', { headers: { host: 'evil.example' } })).status, 429);
    assert.equal((await jsonClip(clipper, { url: 'https://news.example/with-token', html: ARTICLE })).status, 200, 'the token still clips');
  });
});

describe('the bookmarklet', () => {
  it('is a self-contained javascript: URL that posts to the clipper with the token in the body', () => {
    const token = 'T'.repeat(43);
    const url = bookmarkletFor(27183, token);
    assert.match(url, /^javascript:/);
    assert.doesNotMatch(url, /[\s"<>]/);
    const script = decodeURIComponent(url.slice('javascript:'.length));
    assert.match(script, /f\.action='http:\/\/127\.0\.0\.1:27183\/bookmarklet'/);
    assert.match(script, /f\.method='post'/);
    assert.ok(script.includes(`token:"${token}"`));
    assert.doesNotMatch(script, /\?token|<script|src=/);
    assert.throws(() => bookmarkletFor(0, token), RangeError);
  });
});
