import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestScope } from './cleanup-scope.js';

/** A route: HTML or picture bytes with a type, or a handler of its own. */
export type Route = { type: string; body: string | Uint8Array } | ((request: IncomingMessage, response: ServerResponse) => void);

/**
 * A real HTTP server on `host` (127.0.0.1 unless said; all of 127/8 reaches this machine) serving
 * pages and pictures by path, the `*` route for any other path, else 404; it counts the requests each
 * path got. Closed with `scope`.
 */
export async function serveRoutes(
  scope: TestScope,
  routes: Record<string, Route>,
  host = '127.0.0.1',
): Promise<{ url: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path] ?? routes['*'];
    if (typeof route === 'function') return route(request, response);
    response.writeHead(route ? 200 : 404, { 'content-type': route?.type ?? 'text/plain' });
    response.end(route?.body ?? 'not found');
  });
  await new Promise<void>((listening) => server.listen(0, host, listening));
  scope.after(() => new Promise<void>((closed) => server.close(() => closed())));
  server.closeIdleConnections();
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, hits };
}

export function html(body: string): Route {
  return { type: 'text/html; charset=utf-8', body };
}

/** A picture on a site that is down (503) until `comeUp` is called, as when a page was clipped during an outage. */
export function pictureAfterOutage(body: Uint8Array, type = 'image/png'): { route: Route; comeUp: () => void } {
  let up = false;
  const route: Route = (_request, response) => {
    response.writeHead(up ? 200 : 503, { 'content-type': type });
    response.end(up ? body : '');
  };
  return { route, comeUp: () => (up = true) };
}
