import type { ExtractedClip } from '../../../api.js';
import { decodeHtml } from '../decode/charset.js';
import { extractHtml } from '../extract/extract-html.js';
import { checkPageShape } from './page-limits.js';
import { parseHttpUrl } from './page-url.js';

export interface ClipHtmlOptions {
  /** The page's address: resolves relative links and is the clip's url. */
  url?: string;
  /** The HTTP Content-Type, whose charset decides how bytes decode. */
  contentType?: string;
}

/** A clip from an HTML page given as text or as undecoded bytes. */
export function clipFromHtml(html: string | Uint8Array, options: ClipHtmlOptions = {}): ExtractedClip {
  const pageUrl = options.url ? checkPageUrl(options.url) : null;
  const text = typeof html === 'string' ? html : decodeHtml(html, options.contentType).text;
  checkPageShape(text);
  return extractHtml(text, pageUrl);
}

/** The page URL as given, when it is an absolute http(s) URL. */
export function checkPageUrl(url: string): string {
  return parseHttpUrl(url).href;
}
