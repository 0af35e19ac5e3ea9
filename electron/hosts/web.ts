/**
 * The web host: serves the renderer bundle and the same API as the Electron preload over HTTP, for
 * tests and `npm run web`. It is as guarded as the app: 127.0.0.1 only, the Host header must name
 * this loopback host (DNS rebinding), API calls need the per-run token the printed URL carries, no
 * CORS grant to any origin, and the app's CSP on every response.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatch } from '../api-dispatch.js';
import type { ClipperInfo } from '../api.js';
import type { Library } from '../core/library.js';
import { APP_CSP } from './csp.js';
import { closeServer, isLoopbackHost, mediaTypeOf, readBody, setGuardHeaders, tokenMatches } from './http-guards.js';
import { readStaticFile } from './static-files.js';

export const RENDERER_DIR = new URL('../../dist/renderer/', import.meta.url).pathname;
const MAX_API_BODY = 32 * 1024 * 1024; // a dropped 15 MB page, base64-encoded, fits

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(library: Library, options: { port?: number; rendererDir?: string; clipper?: ClipperInfo } = {}): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const dispatch = createDispatch(library, { clipper: options.clipper ?? null });
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  let port = 0;
  const server: Server = createServer((request, response) => {
    setGuardHeaders(response, APP_CSP);
    handle(request, response).catch((error: unknown) => {
      console.error('clipdesk web host:', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) return send(response, 421, 'text/plain; charset=utf-8', 'wrong Host');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) return api(request, response, path.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    return serveFile(response, rendererDir, path);
  }

  async function api(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const json = 'application/json; charset=utf-8';
    if (request.method !== 'POST') return send(response, 405, json, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'use POST' } }));
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return send(response, 403, json, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'foreign origin' } }));
    }
    if (!tokenMatches(request.headers['x-clipdesk-token'], token)) {
      return send(response, 401, json, JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'missing or wrong token' } }));
    }
    if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
      return send(response, 415, json, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'send application/json' } }));
    }
    const body = await readBody(request, MAX_API_BODY);
    if (body === null) {
      response.setHeader('Connection', 'close'); // the unread rest of the body is not worth waiting for
      return send(response, 413, json, JSON.stringify({ ok: false, error: { code: 'TOO_LARGE', message: 'request body too large' } }));
    }
    let args: unknown;
    try {
      args = JSON.parse(body.toString('utf8') || '[]');
    } catch {
      return send(response, 400, json, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'the body is not JSON' } }));
    }
    const result = await dispatch(decodeURIComponent(method), args);
    send(response, result.ok ? 200 : 400, json, JSON.stringify(result));
  }

  await new Promise<void>((listening) => server.listen(options.port ?? 0, '127.0.0.1', listening));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    close: () => closeServer(server),
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
