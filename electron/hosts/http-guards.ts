import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

/** How long a loopback server waits on a client, in milliseconds. */
export interface ServerTimeouts {
  /** From a request's first byte to the end of its headers. */
  headers: number;
  /** From a request's first byte to the end of its body. */
  request: number;
  /** An idle kept-alive connection between two requests. */
  keepAlive: number;
}

/**
 * Every client of a loopback server is on this machine and sends its headers at once, so 10 s is
 * slack for a machine under load, not for a client that trickles them to hold a socket. A whole
 * request gets 60 s: a 32 MB import body takes well under a second over loopback. Idle connections close
 * after 5 s, Node's default, chosen here rather than inherited.
 */
export const LOOPBACK_TIMEOUTS: ServerTimeouts = { headers: 10_000, request: 60_000, keepAlive: 5_000 };

/**
 * An HTTP server with LOOPBACK_TIMEOUTS (or shorter ones, for tests). Node enforces the header and
 * request limits only when it checks its connections, every 30 s by default, which would let a
 * 10 s limit hold for 40 s; checking ten times per header limit keeps each within a tenth of itself.
 */
export function createLoopbackServer(listener: RequestListener, timeouts: Partial<ServerTimeouts> = {}): Server {
  const { headers, request, keepAlive } = { ...LOOPBACK_TIMEOUTS, ...timeouts };
  const server = createServer({ headersTimeout: headers, requestTimeout: request, connectionsCheckingInterval: headers / 10 }, listener);
  server.keepAliveTimeout = keepAlive;
  return server;
}

/**
 * True when the Host header names this loopback server. A DNS-rebinding page reaches 127.0.0.1 under
 * its own host name, so anything else is refused before a request is looked at.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/**
 * A request whose client went away before its body was read: it hung up, or was too slow and the
 * server's time limit cut it off (Node has already answered 408). Nobody is left to answer, and nothing
 * on our side went wrong, so hosts drop it without logging an error.
 */
export class ClientGone extends Error {
  constructor(options: ErrorOptions) {
    super('the client went away before sending its whole request', options);
    this.name = 'ClientGone';
  }
}

/** The request body, or null as soon as it grows past `maxBytes` (the rest is not read). */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) return null;
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw request.destroyed ? new ClientGone({ cause: error }) : error;
  }
  return Buffer.concat(chunks);
}

/**
 * True when `given` is exactly `token`, compared in constant time. Both sides are hashed first so that
 * neither the comparison nor an early length check says how much of a guess was right.
 */
export function tokenMatches(given: unknown, token: string): boolean {
  if (typeof given !== 'string' || token.length === 0) return false;
  return timingSafeEqual(sha256(given), sha256(token));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Headers every loopback response carries: its CSP, no framing, no sniffing, no Referer, no opener
 * and no cross-origin reads (CORP), never cached. Note what is absent: any Access-Control-* grant.
 */
export function setGuardHeaders(response: ServerResponse, csp: string): void {
  response.setHeader('Content-Security-Policy', csp);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cache-Control', 'no-store');
}

/** How many requests of a kind a loopback server takes at once, and how many more each second. */
export interface Allowance {
  burst: number;
  perSecond: number;
}

export interface RateLimits {
  /**
   * Requests turned away for their Host, Origin or token. A web page can send them blindly to
   * 127.0.0.1 (it cannot read the answers), so they are limited strictly, with no effect on the user:
   * requests that carry the token never count here.
   */
  refusals: Allowance;
  /** Clips added with the token: each fetches or extracts a page, which costs a fraction of a second of CPU. */
  imports: Allowance;
}

/**
 * The limits of one loopback server, counted per process, not per client: every client of a loopback
 * server is 127.0.0.1, so there is nobody to tell apart by address. Reads and edits with the token
 * are not limited at all; they are cheap, the event loop serializes them, and a UI sends them in bursts.
 */
export class RateLimiter {
  readonly refusals: TokenBucket;
  readonly imports: TokenBucket;

  constructor(limits: RateLimits) {
    this.refusals = new TokenBucket(limits.refusals);
    this.imports = new TokenBucket(limits.imports);
  }
}

/** A token bucket: `burst` requests at once, then `perSecond` more each second. */
export class TokenBucket {
  #tokens: number;
  #filledAt = performance.now();

  constructor(private readonly allowance: Allowance) {
    this.#tokens = allowance.burst;
  }

  /** 0 when a request may go ahead (and it is counted), else whole seconds until one may: a Retry-After. */
  take(): number {
    const now = performance.now();
    const { burst, perSecond } = this.allowance;
    this.#tokens = Math.min(burst, this.#tokens + ((now - this.#filledAt) / 1000) * perSecond);
    this.#filledAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.#tokens) / perSecond);
  }
}

/**
 * Stops a loopback server now: a browser keeps sockets open (keep-alive, speculative preconnects)
 * that would otherwise hold close() for a minute.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((closed) => {
    server.close(() => closed());
    server.closeAllConnections();
  });
}
