import type { Clip } from '../../api.js';
import { escapeHtml } from '../../shared/escape-html.js';
import type { ExportWriter } from './export-writer.js';

/**
 * The Netscape bookmark file, as browsers export theirs and every bookmark manager imports: a `<DT><A>`
 * per clip with its dates, its tags in TAGS (the attribute Pinboard, linkding and Pocket write) and
 * TOREAD="1" while it is unread, then its note as the `<DD>` description. A clip without a URL cannot
 * be a bookmark: a comment names it in its place, so nothing is dropped unsaid.
 */
export function netscapeExport(): ExportWriter {
  return {
    begin: `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
`,
    item: bookmarkOf,
    between: '',
    end: () => '</DL><p>\n',
  };
}

function bookmarkOf(clip: Clip): string {
  // Escaping turns any ">" of the title into "&gt;", so it cannot end the comment early.
  if (!clip.url) return `    <!-- not a bookmark, as it has no URL: ${escapeHtml(clip.title)} (clip ${clip.id}) -->\n`;
  const attributes = [
    ['HREF', clip.url],
    ['ADD_DATE', unixSeconds(clip.clippedAt)],
    ['LAST_MODIFIED', unixSeconds(clip.updatedAt)],
    // TAGS is a comma-separated list: a comma inside a tag name would split it in two.
    ['TAGS', clip.tags.map((tag) => tag.replaceAll(',', ' ')).join(',')],
    ...(clip.readState === 'unread' ? [['TOREAD', '1']] : []),
  ].map(([name, value]) => `${name}="${escapeHtml(value ?? '')}"`);
  const description = clip.note ? `    <DD>${escapeHtml(clip.note)}\n` : '';
  return `    <DT><A ${attributes.join(' ')}>${escapeHtml(clip.title)}</A>\n${description}`;
}

function unixSeconds(iso: string): string {
  return String(Math.floor(Date.parse(iso) / 1000));
}
