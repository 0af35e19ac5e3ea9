import type { ExtractedClip } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { decodeHtml } from './charset.js';
import { extractHtml } from './extract-html.js';

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
  return extractHtml(text, pageUrl);
}

/** The page URL as given, when it is an absolute http(s) URL. */
export function checkPageUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (error) {
    throw new ClipdeskError('BAD_INPUT', `Not a valid URL: "${url}".`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ClipdeskError('UNSUPPORTED', `Only http and https pages can be clipped, not "${parsed.protocol}" URLs.`);
  }
  return parsed.href;
}
