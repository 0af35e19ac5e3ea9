import type { ExtractedClip } from '../../api.js';
import { clipFromHtml, clipFromText } from '../clip/index.js';
import { tryCanonicalizeUrl } from '../clip/metadata/canonical-url.js';
import { isClipdeskError } from '../errors.js';
import type { ImportEntry } from './import-entry.js';
import type { ImportedItem } from './imported-record.js';

/**
 * An entry of another app's export as a clip to save: its article when the export carries one (no
 * fetching), else its address alone, pending until the article is fetched. Null when it has neither.
 */
export function itemOf(entry: ImportEntry): ImportedItem | null {
  // A Clipdesk highlight has no tags of its own: those the other app put on highlights tag the clip.
  const tags = [...entry.tags, ...entry.highlights.flatMap((highlight) => highlight.tags)];
  const data = {
    tags, note: entry.note, readState: entry.readState, starred: entry.starred, addedAt: entry.addedAt, highlights: entry.highlights,
  };
  const article = entry.content ? articleOf(entry) : null;
  if (article) return { extracted: withEntryFacts(article, entry), data, pending: false };
  return entry.url ? { extracted: addressOnly(entry, entry.url), data, pending: true } : null;
}

/** The article the entry carries; null when it has no readable text, so its address is fetched instead. */
function articleOf({ content, url }: ImportEntry): ExtractedClip | null {
  if (!content) return null;
  try {
    if (content.kind === 'html') return clipFromHtml(content.body, { url: url ?? undefined });
    return clipFromText(content.body, { url: url ?? undefined, markdown: content.kind === 'markdown' });
  } catch (error) {
    if (isClipdeskError(error) && error.code === 'EXTRACT_FAILED') return null;
    throw error;
  }
}

/**
 * What the other app says of the item wins over what extraction finds in the article it kept: the user
 * may have edited the title there, and its author, date and summary came from the live page's metadata.
 */
function withEntryFacts(extracted: ExtractedClip, { title, byline, publishedAt, excerpt }: ImportEntry): ExtractedClip {
  return {
    ...extracted,
    title: title?.trim() || extracted.title,
    byline: byline ?? extracted.byline,
    publishedAt: publishedAt ?? extracted.publishedAt,
    excerpt: excerpt ?? extracted.excerpt,
  };
}

/**
 * A placeholder for an address whose article is still to be fetched: no text yet, and what the export
 * says of the article (its title, or else the address; its author, date and summary).
 */
function addressOnly(entry: ImportEntry, url: string): ExtractedClip {
  return {
    url,
    canonicalUrl: tryCanonicalizeUrl(url),
    title: entry.title?.trim() || url,
    byline: entry.byline,
    source: hostOf(url),
    publishedAt: entry.publishedAt,
    publishedText: null,
    language: null,
    excerpt: entry.excerpt ?? '',
    wordCount: 0,
    content: '',
    text: '',
  };
}

function hostOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : null;
}
