/**
 * Serves the app from app://clipdesk/: the renderer bundle with the app's CSP, and the open library's
 * pictures under /pictures/ with their own sandboxing CSP, so the window never shows remote content in
 * its own origin and never needs file:// access. No web page can reach this scheme.
 */
import type { Library } from '../core/index.js';
import { APP_CSP, PICTURE_CSP } from '../hosts/csp.js';
import { readStaticFile } from '../hosts/static-files.js';

const PICTURES = '/pictures/';

/** What serving the app needs of the library: its pictures by name. */
type Pictures = Pick<Library['pictures'], 'picture'>;

export async function appResponse(rendererDir: string, pictures: Pictures, requestUrl: string): Promise<Response> {
  const path = new URL(requestUrl).pathname;
  if (path.startsWith(PICTURES)) return pictureResponse(pictures, path.slice(PICTURES.length));
  const headers = { 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff' };
  const file = await readStaticFile(rendererDir, path);
  if (!file) return new Response('not found', { status: 404, headers });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.type } });
}

async function pictureResponse(pictures: Pictures, name: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': PICTURE_CSP, 'X-Content-Type-Options': 'nosniff' };
  const found = await pictures.picture(name);
  if (!found) return new Response('not found', { status: 404, headers });
  return new Response(new Uint8Array(found.bytes), { status: 200, headers: { ...headers, 'Content-Type': found.type } });
}
