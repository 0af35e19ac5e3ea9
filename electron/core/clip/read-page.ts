import type { ExtractedClip } from '../../api.js';
import { clipFromBase64File, clipFromFile } from './input/clip-file.js';
import { clipFromHtml } from './input/clip-html.js';
import { clipFromUrl } from './input/clip-url.js';
import type { ClipUrlOptions } from './input/clip-url.js';

/** A page to clip, as plain data, so that it can be posted to the extraction thread. */
export type PageRequest =
  | { kind: 'url'; url: string; options: ClipUrlOptions }
  | { kind: 'html'; html: string; url?: string }
  | { kind: 'file'; name: string; data: string }
  | { kind: 'path'; path: string };

/** The clip of one page: fetched, read or decoded, then extracted. */
export async function readPage(page: PageRequest): Promise<ExtractedClip> {
  switch (page.kind) {
    case 'url': return clipFromUrl(page.url, page.options);
    case 'html': return clipFromHtml(page.html, { url: page.url });
    case 'file': return clipFromBase64File(page.name, page.data);
    case 'path': return clipFromFile(page.path);
  }
}
