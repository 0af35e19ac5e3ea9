import type { ExtractedClip } from '../../../api.js';
import { mediaTypeOf } from '../../../shared/media-type.js';
import { ClipdeskError } from '../../errors.js';
import { decodeText } from '../decode/charset.js';
import { clipFromHtml } from './clip-html.js';
import { fetchPage } from './fetch-page.js';
import { checkPageBytes } from './page-limits.js';
import { clipFromText } from './text-clip.js';

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml|application\/xml|text\/xml)$/i;
const TEXT_TYPES = /^text\/(?:plain|markdown|x-markdown)$/i;

/** Named as the library's options are, so that it can pass its own. */
export interface ClipUrlOptions {
  /** How long the whole download may take, redirects included. */
  fetchTimeoutMs?: number;
  maxBytes?: number;
}

/** A clip from a web address: downloaded, decoded by its declared or sniffed charset, extracted. */
export async function clipFromUrl(url: string, options: ClipUrlOptions = {}): Promise<ExtractedClip> {
  const page = await fetchPage(url, { timeoutMs: options.fetchTimeoutMs, maxBytes: options.maxBytes, accepts: isClippable });
  checkPageBytes(page.bytes, (problem) => new ClipdeskError('UNSUPPORTED', `${page.url} ${problem}.`));
  const type = mediaTypeOf(page.contentType);
  if (TEXT_TYPES.test(type)) {
    const { text } = decodeText(page.bytes, page.contentType);
    return clipFromText(text, { url: page.url, markdown: /markdown/i.test(type) });
  }
  return clipFromHtml(page.bytes, { url: page.url, ...(page.contentType ? { contentType: page.contentType } : {}) });
}

function isClippable(contentType: string | null): boolean {
  const type = mediaTypeOf(contentType);
  return type === '' || HTML_TYPES.test(type) || TEXT_TYPES.test(type);
}


