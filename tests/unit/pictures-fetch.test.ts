import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fetchPictures } from '../../electron/core/pictures/fetch-pictures.js';
import type { ImageType, PictureFetchOptions, PictureResult } from '../../electron/core/pictures/fetch-pictures.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

type Route = (res: ServerResponse, url: URL) => void;

/** A real HTTP server that records what reaches it and how many requests it serves at once. */
interface PictureServer {
  base: string;
  seen: Array<{ path: string; headers: IncomingHttpHeaders }>;
  inFlight: number;
  maxInFlight: number;
  close(): void;
}

async function servePictures(host: string, route: (path: string) => Route | undefined): Promise<PictureServer> {
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    state.seen.push({ path: url.pathname + url.search, headers: req.headers });
    state.maxInFlight = Math.max(state.maxInFlight, (state.inFlight += 1));
    res.once('close', () => (state.inFlight -= 1));
    (route(url.pathname) ?? notFound)(res, url);
  });
  await new Promise<void>((listening) => server.listen(0, host, listening));
  const state: PictureServer = {
    base: `http://${host}:${(server.address() as AddressInfo).port}`,
    seen: [],
    inFlight: 0,
    maxInFlight: 0,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
  return state;
}

const notFound: Route = (res) => {
  res.writeHead(404, { 'content-type': 'text/html' });
  res.end('<h1>Not found</h1>');
};

function redirect(location: string): Route {
  return (res) => {
    res.writeHead(302, { location });
    res.end();
  };
}

let site: PictureServer;
let other: PictureServer;

function routes(path: string): Route | undefined {
  const type = /^\/img\/(\w+)$/.exec(path)?.[1];
  if (type !== undefined && type in TINY_IMAGES) {
    // A wrong Content-Type on purpose: the bytes decide.
    return (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(TINY_IMAGES[type as ImageType]);
  }
  const padded = /^\/padded\/(\d+)\.png$/.exec(path)?.[1];
  if (padded !== undefined) return (res, url) => sendPadded(res, Number(padded), url.searchParams.has('chunked'));
  const hops = /^\/hops\/(\d+)$/.exec(path)?.[1];
  if (hops !== undefined) return redirect(hops === '0' ? '/img/png' : `/hops/${Number(hops) - 1}`);
  return FIXED_ROUTES[path];
}

/** A real PNG followed by zeros, `size` bytes in all; sent with its length, or chunked without one. */
function sendPadded(res: ServerResponse, size: number, chunked: boolean): void {
  res.writeHead(200, { 'content-type': 'image/png', ...(chunked ? {} : { 'content-length': String(size) }) });
  res.end(Buffer.concat([TINY_IMAGES.png, Buffer.alloc(size - TINY_IMAGES.png.byteLength)]));
}

const FIXED_ROUTES: Record<string, Route> = {
  '/text.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end('These are words, not a picture.\n'.repeat(40)),
  '/error-page.jpg': (res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<!doctype html><h1>Service unavailable</h1>'),
  '/big-declared.png': (res) => {
    // Declares more than the cap, then stalls: only a check of the length refuses it before the time is up.
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(2 * 1024 * 1024) });
    res.write(TINY_IMAGES.png);
  },
  '/big-streamed.png': (res) => {
    // Endless, without a length: only a check while streaming stops it before the time is up.
    res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = Buffer.alloc(64 * 1024);
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.write(TINY_IMAGES.png);
    pump();
  },
  '/slow.png': (res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(TINY_IMAGES.png.subarray(0, 8));
  },
  '/delayed.png': (res) => setTimeout(() => res.writeHead(200).end(TINY_IMAGES.png), 60),
  '/r1': redirect('/r2'),
  '/r2': redirect('r3'),
  '/r3': redirect('/img/gif'),
  '/loop-a': redirect('/loop-b'),
  '/loop-b': redirect('/loop-a'),
  '/to-file': redirect('file:///etc/passwd'),
  // The servers' ports are known only once they listen.
  '/to-other-host': (res, url) => redirect(`${other.base}/img/png`)(res, url),
  '/to-localhost': (res, url) => redirect(`${site.base.replace('127.0.0.1', 'localhost')}/img/png`)(res, url),
};

before(async () => {
  site = await servePictures('127.0.0.1', routes);
  // Linux routes all of 127.0.0.0/8 to the loopback device: a second "private host" on the same machine.
  other = await servePictures('127.0.0.2', routes);
});

after(() => {
  site.close();
  other.close();
});

beforeEach(() => {
  for (const server of [site, other]) {
    server.seen = [];
    server.maxInFlight = 0;
  }
});

/** The pictures of a page on the 127.0.0.1 server (on another port: the host alone decides). */
function fetchAll(paths: readonly string[], options: Partial<PictureFetchOptions> = {}): Promise<PictureResult[]> {
  const urls = paths.map((path) => (path.startsWith('/') ? site.base + path : path));
  return fetchPictures(urls, { pageUrl: 'http://127.0.0.1:1/news/article.html', timeoutMs: 3000, ...options });
}

function reasons(results: readonly PictureResult[]): string[] {
  return results.map((result) => (result.ok ? `ok ${result.type}` : result.reason));
}

describe('fetching the pictures of a clip', () => {
  it('keeps png, jpeg, gif, webp, avif and svg as the bytes show them, whatever type the server declares', async () => {
    const types = Object.keys(TINY_IMAGES) as ImageType[];
    const results = await fetchAll(types.map((type) => `/img/${type}`));
    assert.deepEqual(reasons(results), types.map((type) => `ok ${type}`));
    for (const [i, result] of results.entries()) {
      assert.ok(result.ok);
      assert.deepEqual(result.bytes, TINY_IMAGES[types[i]!]);
      assert.equal(result.url, `${site.base}/img/${types[i]}`);
    }
  });

  it('drops a text file named .png and an HTML error page sent as a JPEG as "not an image", and reports an HTTP error', async () => {
    const results = await fetchAll(['/text.png', '/error-page.jpg', '/missing.png']);
    assert.deepEqual(reasons(results), ['not an image', 'not an image', 'HTTP 404']);
  });

  it('refuses a picture whose declared length is over the cap before reading it', async () => {
    assert.deepEqual(reasons(await fetchAll(['/big-declared.png'], { maxBytesPerPicture: 1024 * 1024 })), ['too large']);
  });

  it('stops a picture streamed without a length as soon as it passes the cap', async () => {
    assert.deepEqual(reasons(await fetchAll(['/big-streamed.png'], { maxBytesPerPicture: 1024 * 1024 })), ['too large']);
  });

  it('gives up on a slow picture when the time for the whole clip is up, keeping the others', async () => {
    const started = Date.now();
    const results = await fetchAll(['/img/png', '/slow.png', '/img/gif'], { timeoutMs: 300 });
    assert.deepEqual(reasons(results), ['ok png', 'timed out', 'ok gif']);
    assert.ok(Date.now() - started < 2000);
  });

  it('does not start the pictures still waiting when the time is up', async () => {
    const results = await fetchAll(['/slow.png', '/img/png'], { timeoutMs: 300, concurrency: 1 });
    assert.deepEqual(reasons(results), ['timed out', 'timed out']);
    assert.deepEqual(site.seen.map(({ path }) => path), ['/slow.png']);
  });

  it('follows a chain of redirects, up to five, and gives the asked URL back', async () => {
    const results = await fetchAll(['/r1', '/hops/4', '/hops/5']);
    assert.deepEqual(reasons(results), ['ok gif', 'ok png', 'too many redirects']);
    assert.equal(results[0]?.url, `${site.base}/r1`);
  });

  it('refuses a redirect loop and a redirect away from http(s)', async () => {
    assert.deepEqual(reasons(await fetchAll(['/loop-a', '/to-file'])), ['redirect loop', 'not an http(s) address']);
  });

  it('refuses other schemes, addresses with credentials and text that is no URL, without a request', async () => {
    const credentials = site.base.replace('http://', 'http://reader:secret@') + '/img/png';
    const paths = ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'file:///etc/hosts', 'ftp://127.0.0.1/a.png', credentials, 'no url'];
    assert.deepEqual(reasons(await fetchAll(paths)), [
      'not an http(s) address', 'not an http(s) address', 'not an http(s) address', 'address with a user name or password',
      'not a valid address',
    ]);
    assert.equal(site.seen.length, 0);
  });

  it('answers in the order asked, fetching a repeated URL once', async () => {
    const results = await fetchAll(['/img/webp', '/img/png', '/img/webp', '/text.png']);
    assert.deepEqual(reasons(results), ['ok webp', 'ok png', 'ok webp', 'not an image']);
    assert.equal(results[2], results[0]);
    assert.equal(site.seen.filter(({ path }) => path === '/img/webp').length, 1);
  });

  it('sends no cookie, credentials or Referer: only Accept image/* and the app\'s User-Agent, on every hop', async () => {
    await fetchAll(['/r1']);
    assert.equal(site.seen.length, 4);
    for (const { headers } of site.seen) {
      assert.equal(headers.cookie, undefined);
      assert.equal(headers.authorization, undefined);
      assert.equal(headers.referer, undefined);
      assert.equal(headers.accept, 'image/*');
      assert.match(headers['user-agent'] ?? '', /Clipdesk\//);
    }
  });

  it('never has more pictures in flight than its bound', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `/delayed.png?${i}`);
    assert.ok((await fetchAll(urls)).every((result) => result.ok));
    assert.equal(site.maxInFlight, 4);
    site.maxInFlight = 0;
    await fetchAll(urls.map((url) => `${url}&again`), { concurrency: 2 });
    assert.equal(site.maxInFlight, 2);
  });

  it('stops taking pictures once the clip\'s size budget is spent, declared or streamed', async () => {
    for (const query of ['', '&chunked']) {
      const results = await fetchAll(['/padded/1000.png?a', '/padded/1000.png?b', '/padded/1000.png?c'].map((url) => url + query), {
        maxBytesPerClip: 2500,
        concurrency: 1,
      });
      assert.deepEqual(reasons(results), ['ok png', 'ok png', "over the clip's size limit"], query);
    }
  });

  it('counts only the pictures it keeps against the clip\'s budget', async () => {
    const results = await fetchAll(['/text.png', '/padded/1000.png?a', '/padded/1000.png?b'], { maxBytesPerClip: 2500, concurrency: 1 });
    assert.deepEqual(reasons(results), ['not an image', 'ok png', 'ok png']);
  });

  it('throws on a concurrency below one, a programming error', async () => {
    await assert.rejects(fetchAll(['/img/png'], { concurrency: 0 }), RangeError);
  });
});

describe('private addresses', () => {
  it('fetches the pictures of an intranet page from its own host, on any port', async () => {
    assert.deepEqual(reasons(await fetchAll(['/img/png'])), ['ok png']);
    const onOther = await fetchPictures([`${other.base}/img/gif`], { pageUrl: `${other.base}/page` });
    assert.deepEqual(reasons(onOther), ['ok gif']);
  });

  it('refuses pictures on another private host, and a redirect to one, without connecting to it', async () => {
    const results = await fetchAll([`${other.base}/img/png`, '/to-other-host']);
    assert.deepEqual(reasons(results), ['private address', 'private address']);
    assert.equal(other.seen.length, 0);
  });

  it('refuses a host name that resolves to a private address: localhost is not the page\'s 127.0.0.1', async () => {
    const local = site.base.replace('127.0.0.1', 'localhost');
    assert.deepEqual(reasons(await fetchAll([`${local}/img/png`, '/to-localhost'])), ['private address', 'private address']);
    assert.deepEqual(site.seen.map(({ path }) => path), ['/to-localhost']);
    const onLocalhost = await fetchPictures([`${local}/img/png`, `${site.base}/img/gif`], { pageUrl: `${local}/page` });
    assert.deepEqual(reasons(onLocalhost), ['ok png', 'private address']);
  });

  it('refuses IPv6 loopback and IPv4-mapped literals of a private host, and any private host when there is no page', async () => {
    const port = new URL(site.base).port;
    const literals = [`http://[::1]:${port}/img/png`, `http://[::ffff:127.0.0.1]:${port}/img/png`, `http://[::ffff:7f00:2]:${port}/`];
    assert.deepEqual(reasons(await fetchAll(literals)), ['private address', 'private address', 'private address']);
    assert.deepEqual(reasons(await fetchPictures([`${site.base}/img/png`], { pageUrl: null })), ['private address']);
    assert.equal(site.seen.length, 0);
  });
});
