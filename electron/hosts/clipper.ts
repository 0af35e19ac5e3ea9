/**
 * The browser clipper: a loopback endpoint the bookmarklet (or a browser extension) sends pages to.
 * Joplin's clipper shows what to avoid (CORS open to every origin, the token in the query string),
 * Zotero's what to keep (loopback only, refuse what a foreign page is able to send). So:
 *  - 127.0.0.1 only, and the Host header must name it (DNS rebinding);
 *  - every clip needs the per-install token, in a header (POST /clip) or the form body
 *    (POST /bookmarklet), never in a URL; a token in the query string is not even read;
 *  - no CORS grant to anyone. POST /clip refuses web Origins and needs application/json, which a
 *    foreign page can only send after a preflight, and the preflight gets no grant;
 *  - answers describe the page just sent and nothing else in the library, and no other origin can
 *    read them: holding the token lets a page add clips, never read them;
 *  - bodies are capped, refused requests and clips are rate-limited (see RateLimits), and slow
 *    clients are cut off (see LOOPBACK_TIMEOUTS).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { wireError } from '../api-dispatch.js';
import type { HostErrorCode, WireErrorCode } from '../api.js';
import { ClipdeskError, DEFAULT_CLIPPER_PORT, parseInput } from '../core/index.js';
import type { Library } from '../core/index.js';
import { mediaTypeOf } from '../shared/media-type.js';
import { CLIPPER_PAGE_CSP, clippedPage, failedPage, runningPage } from './clipper-page.js';
import type { ClipReport } from './clipper-page.js';
import {
  ClientGone, closeServer, createLoopbackServer, isLoopbackHost, RateLimiter, readBody, setGuardHeaders, tokenMatches,
} from './http-guards.js';
import type { RateLimits, ServerTimeouts } from './http-guards.js';
import { HTTP_STATUS } from './http-status.js';

// What a host wiring the clipper needs, from one module.
export { bookmarkletFor } from './bookmarklet.js';
export { DEFAULT_CLIPPER_PORT, loadClipperSettings } from '../core/index.js';

const MAX_BODY = 16 * 1024 * 1024; // a large page's outerHTML, form-encoded (which can triple it), fits
/** A clip a second for as long as anyone clicks, and a burst for an extension that clips every open tab. */
const LIMITS: RateLimits = { refusals: { burst: 20, perSecond: 1 }, imports: { burst: 120, perSecond: 1 } };
const MIN_TOKEN_LENGTH = 32;
/** Codes that turn away a request for its Host, Origin or token: they count as refusals. */
const REFUSED = new Set<WireErrorCode>(['UNAUTHORIZED', 'FORBIDDEN', 'WRONG_HOST']);

export interface ClipperOptions {
  /** The per-install secret (see loadClipperSettings). */
  token: string;
  /** Tried first; when it is taken, a free port is used and reported. */
  port?: number;
  limits?: Partial<RateLimits>;
  timeouts?: Partial<ServerTimeouts>;
}

export interface Clipper {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const clipRequestSchema = z.object({
  url: z.string().min(1).max(8192),
  html: z.string().min(1).optional(),
  selection: z.string().max(100_000).optional(),
});
// A form post can come from any page, so it may only store the HTML it carries: were a page ever to
// learn the token, it still could not make Clipdesk fetch URLs (an intranet, say) on its behalf.
const formRequestSchema = clipRequestSchema.extend({ html: z.string().min(1) });
type ClipRequest = z.infer<typeof clipRequestSchema>;
type ClipResult = ClipReport & { id: string };

/** A request turned away before it reached the library. */
class Refusal extends Error {
  constructor(readonly code: HostErrorCode | 'BAD_INPUT' | 'TOO_LARGE', message: string, readonly retryAfter = 0) {
    super(message);
  }
}

interface Context {
  library: Library;
  token: string;
  port: number;
  limiter: RateLimiter;
}

export async function startClipper(library: Library, options: ClipperOptions): Promise<Clipper> {
  // An empty or short token would let anyone clip; refuse to start rather than run unguarded.
  if (options.token.length < MIN_TOKEN_LENGTH) throw new ClipdeskError('BAD_INPUT', 'the clipper token is too short to be a secret');
  const context: Context = { library, token: options.token, port: 0, limiter: new RateLimiter({ ...LIMITS, ...options.limits }) };
  const server = createLoopbackServer((request, response) => {
    setGuardHeaders(response, CLIPPER_PAGE_CSP);
    route(context, request, response).catch((error: unknown) => {
      console.error('clipdesk clipper:', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'internal error');
    });
  }, options.timeouts);
  context.port = await listenWithFallback(server, options.port ?? DEFAULT_CLIPPER_PORT);
  return {
    url: `http://127.0.0.1:${context.port}/`,
    port: context.port,
    token: options.token,
    close: () => closeServer(server),
  };
}

async function route(context: Context, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isLoopbackHost(request.headers.host, context.port)) {
    const { status, message } = failureOf(context, new Refusal('WRONG_HOST', 'wrong Host'), response);
    return send(response, status, 'text/plain', message);
  }
  // Only the path is read: a token put in the query string is ignored, never accepted.
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const method = request.method ?? 'GET';
  if (path === '/' && (method === 'GET' || method === 'HEAD')) return send(response, 200, 'text/html', runningPage());
  if (path === '/clip' && method === 'POST') return answerJson(context, response, () => clipJson(context, request));
  if (path === '/bookmarklet' && method === 'POST') return answerHtml(context, response, () => clipForm(context, request));
  // OPTIONS lands here too: a preflight gets a refusal and no Access-Control-* header, so it fails.
  const knownPath = path === '/' || path === '/clip' || path === '/bookmarklet';
  if (knownPath) return send(response, HTTP_STATUS.METHOD_NOT_ALLOWED, 'text/plain', 'method not allowed');
  send(response, 404, 'text/plain', 'not found');
}

async function clipJson(context: Context, request: IncomingMessage): Promise<ClipResult> {
  if (!isClientOrigin(request.headers.origin)) {
    throw new Refusal('FORBIDDEN', 'web pages may not call the clipper API; use the bookmarklet');
  }
  if (!tokenMatches(request.headers['x-clipdesk-token'], context.token)) throw unauthorized();
  if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
    throw new Refusal('UNSUPPORTED_MEDIA_TYPE', 'send application/json');
  }
  const json = parseJson(await readLimited(request));
  return clipPage(context, parseInput(clipRequestSchema, json, 'body'));
}

async function clipForm(context: Context, request: IncomingMessage): Promise<ClipResult> {
  if (mediaTypeOf(request.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    throw new Refusal('UNSUPPORTED_MEDIA_TYPE', 'send a form');
  }
  const form = new URLSearchParams((await readLimited(request)).toString('utf8'));
  if (!tokenMatches(form.get('token'), context.token)) throw unauthorized();
  const fields = { url: form.get('url'), html: form.get('html'), selection: form.get('selection') || undefined };
  return clipPage(context, parseInput(formRequestSchema, fields, 'body'));
}

/** Clips the page and highlights the selection sent with it, if the article text contains it. */
async function clipPage(context: Context, input: ClipRequest): Promise<ClipResult> {
  // Counted after the token check, so a page without the token cannot use up the user's allowance.
  const wait = context.limiter.imports.take();
  if (wait > 0) throw new Refusal('RATE_LIMITED', `too many clips at once; try again in ${wait} s`, wait);
  const { library } = context;
  const { clip, outcome } = await library.import(
    input.html ? { kind: 'html', html: input.html, url: input.url } : { kind: 'url', url: input.url },
  );
  const highlighted = input.selection?.trim() ? await library.highlightSelection(clip.id, input.selection) : null;
  return { id: clip.id, title: clip.title, outcome, highlighted };
}

async function answerJson(context: Context, response: ServerResponse, work: () => Promise<ClipResult>): Promise<void> {
  try {
    send(response, 200, 'application/json', JSON.stringify({ ok: true, ...(await work()) }));
  } catch (error) {
    if (error instanceof ClientGone) return; // nobody to answer, and nothing to log
    const { status, code, message } = failureOf(context, error, response);
    send(response, status, 'application/json', JSON.stringify({ ok: false, error: { code, message } }));
  }
}

async function answerHtml(context: Context, response: ServerResponse, work: () => Promise<ClipResult>): Promise<void> {
  try {
    send(response, 200, 'text/html', clippedPage(await work()));
  } catch (error) {
    if (error instanceof ClientGone) return; // nobody to answer, and nothing to log
    const { status, message } = failureOf(context, error, response);
    send(response, status, 'text/html', failedPage(message));
  }
}

/** Status, code and a message a user can act on; never a stack trace. */
function failureOf(context: Context, error: unknown, response: ServerResponse): { status: number; code: WireErrorCode; message: string } {
  if (error instanceof Refusal) {
    const refusal = REFUSED.has(error.code) ? limitRefusal(context, error) : error;
    // The unread rest of an oversize body is not worth waiting for.
    if (refusal.code === 'TOO_LARGE') response.setHeader('Connection', 'close');
    if (refusal.retryAfter > 0) response.setHeader('Retry-After', String(refusal.retryAfter));
    return { status: HTTP_STATUS[refusal.code], code: refusal.code, message: refusal.message };
  }
  const { code, message } = wireError(error, 'clipper');
  return { status: HTTP_STATUS[code], code, message };
}

/** The refusal, or once refusals come too fast, a 429 that says no more. */
function limitRefusal(context: Context, refusal: Refusal): Refusal {
  const wait = context.limiter.refusals.take();
  return wait > 0 ? new Refusal('RATE_LIMITED', 'too many refused requests', wait) : refusal;
}

function unauthorized(): Refusal {
  return new Refusal('UNAUTHORIZED', 'missing or wrong clipper token; copy the bookmarklet again from Clipdesk');
}

/** No Origin (a native client) or a browser extension's; never a web page's, "null" included. */
function isClientOrigin(origin: string | undefined): boolean {
  return origin === undefined || /^(?:chrome|moz|safari-web)-extension:\/\/[\w.-]+$/.test(origin);
}

async function readLimited(request: IncomingMessage): Promise<Buffer> {
  const body = await readBody(request, MAX_BODY);
  if (body === null) throw new Refusal('TOO_LARGE', `the page is over ${MAX_BODY / 1024 / 1024} MB`);
  return body;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal('BAD_INPUT', 'the body is not JSON');
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
  response.end(body);
}

/**
 * Listens on 127.0.0.1:`port`, or on a free port when another program holds it. Bookmarklets name
 * the preferred port, so the caller should say when the port actually used differs.
 */
async function listenWithFallback(server: Server, port: number): Promise<number> {
  try {
    await listen(server, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    await listen(server, 0);
  }
  return (server.address() as AddressInfo).port;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      listening();
    });
  });
}
