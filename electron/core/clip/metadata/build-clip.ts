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

/** The ExtractedClip for what an extractor found; derived fields are computed here, once. */
export function buildClip(parts: ClipParts): ExtractedClip {
  return {
    url: parts.url,
    canonicalUrl: parts.canonicalUrl ?? tryCanonicalizeUrl(parts.url),
    title: parts.title,
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

