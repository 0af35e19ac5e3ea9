/**
 * Serves the renderer bundle from app://clipdesk/ with the app's CSP, so the window never shows
 * remote content in its own origin and never needs file:// access.
 */
import { APP_CSP } from '../hosts/csp.js';
import { readStaticFile } from '../hosts/static-files.js';

export async function rendererResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff' };
  const file = await readStaticFile(rendererDir, new URL(requestUrl).pathname);
  if (!file) return new Response('not found', { status: 404, headers });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.type } });
}
