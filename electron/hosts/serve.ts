/**
 * Clipdesk in the browser (`clipdesk serve`, and `npm start` where Electron is missing): the browser
 * clipper on its per-install port and token, the web host that serves the app on 127.0.0.1, the
 * background fetching of imported clips' articles, and sync (when set up) while it runs.
 */
import type { Library } from '../core/index.js';
import { bookmarkletFor, loadClipperSettings, startClipper } from './clipper.js';
import type { Clipper } from './clipper.js';
import { startWebHost } from './web.js';
import type { WebHost } from './web.js';

export async function serveInBrowser(library: Library, options: { port?: number } = {}): Promise<{ web: WebHost; clipper: Clipper }> {
  const clipper = await startBrowserClipper(library);
  const bookmarklet = bookmarkletFor(clipper.port, clipper.token);
  const web = await startWebHost(library, { port: options.port, clipper: { port: clipper.port, bookmarklet } });
  library.fetching.startFetching();
  await library.sync.startLive();
  return { web, clipper };
}

/** The clipper with this library's token, on its saved port (or a free one, said so, when taken). */
export async function startBrowserClipper(library: Library): Promise<Clipper> {
  const settings = await loadClipperSettings(library.dir);
  const clipper = await startClipper(library, settings);
  if (clipper.port !== settings.port) {
    console.warn(`clipdesk: port ${settings.port} is taken; the browser clipper runs on ${clipper.port} for now ` +
      '(copy the bookmarklet again from the app)');
  }
  return clipper;
}
