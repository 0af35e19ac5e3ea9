import type { ExtractedClip } from '../../../api.js';
import { countWords, detectLanguage, makeExcerpt } from '../../text-stats.js';
import { tryCanonicalizeUrl } from './canonical-url.js';
import type { PublishedDate } from './dates.js';

export interface ClipParts {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  source: string | null;
  published: PublishedDate | null;
  language: string | null;
  content: string;
  text: string;
}

/**
 * A page's <title> can be any length; a clip's stays well within what a title edit accepts (1,000),
 * so the title a reader sees can always be saved back.
 */
const TITLE_CHARS = 400;

/** The ExtractedClip for what an extractor found; derived fields are computed here, once. */
export function buildClip(parts: ClipParts): ExtractedClip {
  return {
    url: parts.url,
    canonicalUrl: parts.canonicalUrl ?? tryCanonicalizeUrl(parts.url),
    title: makeExcerpt(parts.title, TITLE_CHARS),
    byline: parts.byline,
    source: parts.source,
    publishedAt: parts.published?.iso ?? null,
    publishedText: parts.published?.text ?? null,
    language: parts.language ?? detectLanguage(`${parts.title}\n${parts.text}`),
    excerpt: makeExcerpt(parts.text),
    wordCount: countWords(parts.text),
    content: parts.content,
    text: parts.text,
  };
}

