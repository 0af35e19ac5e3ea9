import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import type { Library } from '../../electron/core/library.js';
import { PictureStore } from '../../electron/core/pictures/picture-store.js';
import { HTTP_STATUS } from '../../electron/hosts/http-status.js';
import { startWebHost } from '../../electron/hosts/web.js';
import type { WebHost, WebHostOptions } from '../../electron/hosts/web.js';
import { serveRoutes } from '../helpers/picture-server.js';
import { rawRequest } from '../helpers/raw-request.js';
import { SEED_FILE } from '../helpers/seed.js';
import { removeDir, tempLibrary } from '../helpers/temp-library.js';
import { MAX_EXPORT_FILE_BYTES, base64Length } from '../../electron/shared/limits.js';

let host: WebHost;
let port: number;
let cleanup: () => Promise<void>;
let rendererDir: string;

const call = (path: string, options?: Parameters<typeof rawRequest>[2]) => rawRequest(port, path, options);

const apiHeaders = (extra: Record<string, string> = {}) =>
  ({ 'content-type': 'application/json', 'x-clipdesk-token': host.token, ...extra });

describe('the web host', () => {
  let library: Library;

  before(async () => {
    const temp = await tempLibrary();
    library = temp.library;
    cleanup = temp.cleanup;
    await temp.library.importFile(SEED_FILE);
    rendererDir = await mkdtemp(join(tmpdir(), 'clipdesk-renderer-'));
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Clipdesk</title>');
    host = await startWebHost(temp.library, { rendererDir });
    port = Number(new URL(host.url).port);
  });
  after(async () => {
    await host.close();
    await cleanup();
    await removeDir(rendererDir);
  });

  it('listens on 127.0.0.1 and prints a URL that carries the token in its fragment', () => {
    const url = new URL(host.url);
    assert.equal(url.hostname, '127.0.0.1');
    assert.equal(url.hash, `#token=${host.token}`);
  });

  it('answers an API call that carries the token', async () => {
    const response = await call('/api/search', { method: 'POST', headers: apiHeaders(), body: JSON.stringify(['Zhou Hui']) });
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.body).value.total, 1);
  });

  it('refuses a call without the token or with a wrong one', async () => {
    for (const token of [undefined, 'wrong', `${host.token}x`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers['x-clipdesk-token'] = token;
      const response = await call('/api/list', { method: 'POST', headers, body: '[]' });
      assert.equal(response.status, 401);
      assert.doesNotMatch(response.body, /Zhou|China Chamber/);
    }
  });

  it('refuses a request whose Host is not this loopback server (DNS rebinding)', async () => {
    const response = await call('/api/list', { method: 'POST', headers: apiHeaders({ host: `evil.example:${port}` }), body: '[]' });
    assert.equal(response.status, 421);
    assert.equal((await call('/', { headers: { host: 'evil.example' } })).status, 421);
  });

  it('grants no CORS and refuses a foreign Origin even with the token', async () => {
    const response = await call('/api/list', { method: 'POST', headers: apiHeaders({ origin: 'https://evil.example' }), body: '[]' });
    assert.equal(response.status, 403);
    assert.equal(response.headers['access-control-allow-origin'], undefined);
    const preflight = await call('/api/list', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  });

  it('validates payloads and maps errors to a code and a message', async () => {
    const bad = await call('/api/update', { method: 'POST', headers: apiHeaders(), body: JSON.stringify(['x', { starred: 'yes' }]) });
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).error.code, 'BAD_INPUT');
    const unknown = await call('/api/constructor', { method: 'POST', headers: apiHeaders(), body: '[]' });
    assert.equal(JSON.parse(unknown.body).error.code, 'BAD_INPUT');
    const missing = await call('/api/get', { method: 'POST', headers: apiHeaders(), body: JSON.stringify(['nope']) });
    assert.equal(missing.status, 404);
    assert.deepEqual(JSON.parse(missing.body).error, { code: 'NOT_FOUND', message: 'no clip with id nope' });
  });

  it('answers each error code with the HTTP status the clipper uses for it', async () => {
    const badQuery = await call('/api/search', { method: 'POST', headers: apiHeaders(), body: JSON.stringify(['after:2023-13-45']) });
    assert.deepEqual([badQuery.status, JSON.parse(badQuery.body).error.code], [HTTP_STATUS.BAD_QUERY, 'BAD_QUERY']);
    const get = await call('/api/list', { headers: apiHeaders() });
    assert.deepEqual([get.status, JSON.parse(get.body).error.code], [HTTP_STATUS.METHOD_NOT_ALLOWED, 'METHOD_NOT_ALLOWED']);
    const text = await call('/api/list', { method: 'POST', headers: apiHeaders({ 'content-type': 'text/plain' }), body: '[]' });
    assert.deepEqual([text.status, JSON.parse(text.body).error.code], [HTTP_STATUS.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('lists with the options left out, as [] or [{}], and still refuses extra or wrong arguments', async () => {
    for (const args of [[], [{}]]) {
      const response = await call('/api/list', { method: 'POST', headers: apiHeaders(), body: JSON.stringify(args) });
      assert.equal(response.status, 200, `${JSON.stringify(args)}: ${response.body}`);
      assert.equal(JSON.parse(response.body).value.total, 1);
    }
    for (const args of [[{}, {}], [{ limit: 0 }], [{ sort: 'size' }], {}, [[]]]) {
      const response = await call('/api/list', { method: 'POST', headers: apiHeaders(), body: JSON.stringify(args) });
      assert.equal(response.status, 400, JSON.stringify(args));
      assert.equal(JSON.parse(response.body).error.code, 'BAD_INPUT');
    }
  });

  it('refuses a text import over 15 MB with a clear error, and saves nothing', async () => {
    const text = `Harbour figures\n\n${'The harbour authority published its figures. '.repeat(Math.ceil(16 * 1024 * 1024 / 46))}`;
    const response = await call('/api/import', { method: 'POST', headers: apiHeaders(), body: JSON.stringify([{ kind: 'text', text }]) });
    assert.equal(response.status, 413);
    assert.deepEqual(JSON.parse(response.body).error, {
      code: 'TOO_LARGE', message: 'The text is larger than 15.0 MB; Clipdesk does not clip it.',
    });
    assert.equal(library.list().total, 1);
  });

  it('caps the body size', async () => {
    // Past the largest body the API takes: another app's export, base64-encoded.
    const headers = apiHeaders({ 'content-length': String(base64Length(MAX_EXPORT_FILE_BYTES) + 2 * 1024 * 1024) });
    const response = await call('/api/import', { method: 'POST', headers, body: '' });
    assert.equal(response.status, 413);
  });

  it('serves the app with its CSP and nothing outside the renderer folder', async () => {
    const page = await call('/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal((await call('/../../package.json')).status, 404);
    assert.equal((await call('/%2e%2e/%2e%2e/package.json')).status, 404);
  });

  it('serves a stored picture to the token\'s holder only, sandboxed, and no other origin may load it', async () => {
    const name = await new PictureStore(library.dir).put(PNG_PIXEL, 'png');
    const picture = await call(`/pictures/${name}?token=${encodeURIComponent(host.token)}`);
    assert.equal(picture.status, 200);
    assert.equal(picture.headers['content-type'], 'image/png');
    assert.equal(picture.headers['cross-origin-resource-policy'], 'same-origin');
    assert.match(String(picture.headers['content-security-policy']), /sandbox/);
    assert.equal((await call(`/pictures/${name}`)).status, 401);
    assert.equal((await call(`/pictures/${name}?token=wrong`)).status, 401);
    assert.equal((await call(`/pictures/${name.replace('.png', '.gif')}?token=${encodeURIComponent(host.token)}`)).status, 404);
    assert.equal((await call(`/pictures/..%2f..%2flibrary.json?token=${encodeURIComponent(host.token)}`)).status, 404);
  });

  describe('under too many requests', () => {
    /** A second host over the same library with `options`, closed when the test ends. */
    async function limitedHost(t: TestContext, options: WebHostOptions): Promise<{ limited: WebHost; limitedPort: number }> {
      const limited = await startWebHost(library, { rendererDir: tmpdir(), ...options });
      t.after(() => limited.close());
      return { limited, limitedPort: Number(new URL(limited.url).port) };
    }

    it('answers refused requests with 429 once they come too fast, and still takes the token', async (t) => {
      const { limited, limitedPort } = await limitedHost(t, { limits: { refusals: { burst: 3, perSecond: 0.01 } } });
      const json = { 'content-type': 'application/json' };
      assert.equal((await rawRequest(limitedPort, '/api/list', { method: 'POST', headers: json, body: '[]' })).status, 401);
      assert.equal((await rawRequest(limitedPort, '/api/list', { method: 'POST', headers: { ...json, 'x-clipdesk-token': limited.token, origin: 'https://evil.example' }, body: '[]' })).status, 403);
      assert.equal((await rawRequest(limitedPort, '/', { headers: { host: 'evil.example' } })).status, 421);
      const guessed = { ...json, 'x-clipdesk-token': 'guess' };
      const refused = await rawRequest(limitedPort, '/api/list', { method: 'POST', headers: guessed, body: '[]' });
      assert.equal(refused.status, 429);
      assert.equal(refused.headers['retry-after'], '100');
      assert.equal(JSON.parse(refused.body).error.code, 'RATE_LIMITED');
      const withToken = { ...json, 'x-clipdesk-token': limited.token };
      const answered = await rawRequest(limitedPort, '/api/list', { method: 'POST', headers: withToken, body: '[{}]' });
      assert.equal(answered.status, 200);
    });

    it('limits imports with 429 and a Retry-After, and never reads', async (t) => {
      const { limited, limitedPort } = await limitedHost(t, { limits: { imports: { burst: 2, perSecond: 0.1 } } });
      const headers = { 'content-type': 'application/json', 'x-clipdesk-token': limited.token };
      const importing = (n: number) => {
        const body = JSON.stringify([{ kind: 'text', text: `Limited note ${n}\n\nBody ${n}.` }]);
        return rawRequest(limitedPort, '/api/import', { method: 'POST', headers, body });
      };
      assert.equal((await importing(1)).status, 200);
      assert.equal((await importing(2)).status, 200);
      const third = await importing(3);
      assert.equal(third.status, 429);
      assert.equal(third.headers['retry-after'], '10');
      const read = () => rawRequest(limitedPort, '/api/list', { method: 'POST', headers, body: '[{}]' });
      const reads = await Promise.all(Array.from({ length: 100 }, read));
      assert.deepEqual([...new Set(reads.map((reply) => reply.status))], [200]);
    });
  });
});

describe('closing the web host', () => {
  it('waits for a call still running, so the library is never closed under a write', async (t) => {
    const { library } = await tempLibrary(t);
    const article = `<html><head><title>Slow harbour news</title></head><body><article>${'<p>The harbour opened late.</p>'.repeat(5)}` +
      '</article></body></html>';
    const site = await serveRoutes(t, {
      '/slow': (_request, response) => setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(article), 400),
    });
    const slowHost = await startWebHost(library, { rendererDir: tmpdir() });
    const headers = { 'content-type': 'application/json', 'x-clipdesk-token': slowHost.token };
    const body = JSON.stringify([{ kind: 'url', url: `${site.url}/slow` }]);
    const importing = rawRequest(Number(new URL(slowHost.url).port), '/api/import', { method: 'POST', headers, body }).catch(() => null);
    await new Promise((requested) => setTimeout(requested, 150));
    assert.equal(site.hits.get('/slow'), 1, 'the import is under way');
    await slowHost.close();
    assert.equal(library.list().total, 1, 'the clip was saved before close resolved');
    await importing;
  });
});

/** The smallest PNG: one transparent pixel. */
const PNG_PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
