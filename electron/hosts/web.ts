/**
 * The web host: serves the renderer bundle and the same API as the Electron preload over HTTP, for
 * tests and `npm run web`. It is as guarded as the app: 127.0.0.1 only, the Host header must name
 * this loopback host (DNS rebinding), API calls need the per-run token the printed URL carries, no
 * CORS grant to any origin, the app's CSP on every response, capped bodies, rate limits on refused
 * requests and on imports (see RateLimits), and time limits on slow clients (see LOOPBACK_TIMEOUTS).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../api-dispatch.js';
import type { ClipperInfo, WireErrorCode } from '../api.js';
import type { Library } from '../core/index.js';
import { MAX_EXPORT_FILE_BYTES, base64Length } from '../shared/limits.js';
import { mediaTypeOf } from '../shared/media-type.js';
import { APP_CSP, PICTURE_CSP } from './csp.js';
import {
  ClientGone, closeServer, createLoopbackServer, isLoopbackHost, RateLimiter, readBody, setGuardHeaders, tokenMatches,
} from './http-guards.js';
import type { RateLimits, ServerTimeouts } from './http-guards.js';
import { HTTP_STATUS } from './http-status.js';
import { readStaticFile } from './static-files.js';

/** The folder above electron/: dist/ when this runs compiled (`clipdesk serve`), the project under tsx (`npm run web`). */
const ABOVE_ELECTRON = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(ABOVE_ELECTRON, basename(ABOVE_ELECTRON) === 'dist' ? '' : 'dist', 'renderer');
// Another app's export, base64-encoded, fits (and so does a dropped page of at most 15 MB).
const MAX_API_BODY = base64Length(MAX_EXPORT_FILE_BYTES) + 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
/** Enough for a script importing a folder of hundreds of pages through the UI's API, not for a runaway loop. */
const LIMITS: RateLimits = { refusals: { burst: 20, perSecond: 1 }, imports: { burst: 600, perSecond: 10 } };

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  port?: number;
  rendererDir?: string;
  clipper?: ClipperInfo;
  limits?: Partial<RateLimits>;
  timeouts?: Partial<ServerTimeouts>;
}

export async function startWebHost(library: Library, options: WebHostOptions = {}): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const dispatch = createDispatch(library, { clipper: options.clipper ?? null });
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const limiter = new RateLimiter({ ...LIMITS, ...options.limits });
  let port = 0;
  // Calls still running when the host closes: close waits for them, so whoever closes the library next
  // never closes it under a write in progress (which would fail it, half told to the window).
  const inFlight = new Set<Promise<void>>();
  const server: Server = createLoopbackServer((request, response) => {
    setGuardHeaders(response, APP_CSP);
    const handled = handle(request, response).catch((error: unknown) => {
      if (error instanceof ClientGone) return;
      console.error('clipdesk web host:', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  }, options.timeouts);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) return refuse(response, 'WRONG_HOST', 'wrong Host');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) return api(request, response, path.slice('/api/'.length));
    if (path.startsWith('/pictures/')) return picture(request, response, path.slice('/pictures/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    }
    return serveFile(response, rendererDir, path);
  }

  async function api(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return fail(response, 'METHOD_NOT_ALLOWED', 'use POST');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return refuse(response, 'FORBIDDEN', 'foreign origin');
    }
    if (!tokenMatches(request.headers['x-clipdesk-token'], token)) return refuse(response, 'UNAUTHORIZED', 'missing or wrong token');
    if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
      return fail(response, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json');
    }
    const body = await readBody(request, MAX_API_BODY);
    if (body === null) {
      response.setHeader('Connection', 'close'); // the unread rest of the body is not worth waiting for
      return fail(response, 'TOO_LARGE', 'request body too large');
    }
    let args: unknown;
    try {
      args = JSON.parse(body.toString('utf8') || '[]');
    } catch {
      return fail(response, 'BAD_INPUT', 'the body is not JSON');
    }
    const wait = method === 'import' ? limiter.imports.take() : 0;
    if (wait > 0) return tooMany(response, wait, `too many imports; try again in ${wait} s`);
    const result = await dispatch(method, args);
    send(response, result.ok ? 200 : HTTP_STATUS[result.error.code], JSON_TYPE, JSON.stringify(result));
  }

  /**
   * A stored picture for the reader. An <img> sends no header of ours, so the token rides in the query;
   * with CORP same-origin on every answer, another page cannot even load the picture, let alone read it.
   */
  async function picture(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(response, 'METHOD_NOT_ALLOWED', 'use GET');
    const given = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
    if (!tokenMatches(given, token)) return refuse(response, 'UNAUTHORIZED', 'missing or wrong token');
    const found = await library.pictures.picture(name);
    if (!found) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
    response.setHeader('Content-Security-Policy', PICTURE_CSP);
    send(response, 200, found.type, found.bytes);
  }

  /** Turns a request away; once refusals come too fast, with 429 and no further word. */
  function refuse(response: ServerResponse, code: WireErrorCode, message: string): void {
    const wait = limiter.refusals.take();
    if (wait > 0) return tooMany(response, wait, 'too many refused requests');
    fail(response, code, message);
  }

  await new Promise<void>((listening) => server.listen(options.port ?? 0, '127.0.0.1', listening));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    close: async () => {
      await closeServer(server);
      await Promise.all(inFlight);
    },
  };
}

async function serveFile(response: ServerResponse, root: string, path: string): Promise<void> {
  const file = await readStaticFile(root, path);
  if (file) return send(response, 200, file.type, file.body);
  send(response, 404, 'text/plain; charset=utf-8', path === '/' ? 'the renderer is not built: run npm run build' : 'not found');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type });
  response.end(body);
}

function fail(response: ServerResponse, code: WireErrorCode, message: string): void {
  send(response, HTTP_STATUS[code], JSON_TYPE, JSON.stringify({ ok: false, error: { code, message } }));
}

function tooMany(response: ServerResponse, seconds: number, message: string): void {
  response.setHeader('Retry-After', String(seconds));
  fail(response, 'RATE_LIMITED', message);
}
