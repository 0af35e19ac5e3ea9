/**
 * Pocket's older export, ril_export.html: an <h1>Unread</h1> and an <h1>Read Archive</h1>, each
 * followed by a list of links whose `time_added` is Unix seconds and `tags` a comma-separated list.
 * A link without a title carries its URL as the title.
 */
import { decodeHtml } from '../../clip/decode/charset.js';
import { cleanTags, cleanTitle, countOf, pageEntry, readDate } from '../entry-fields.js';
import type { ExportFile, ImportedReadState, ImportEntry, ImportProblem } from '../import-entry.js';
import { attribute, htmlBody, htmlElements, lineOf, textOf } from '../read/html-tree.js';
import type { HtmlElement } from '../read/html-tree.js';

/** Pocket titles the page "Pocket Export"; without that, its first section and its links' `time_added` tell it. */
export function isPocketHtml(html: string): boolean {
  return /<title>\s*Pocket Export\s*<\/title>/i.test(html) || (/<h1>\s*Unread\s*<\/h1>/i.test(html) && /\btime_added=/i.test(html));
}

export function openPocketHtml(bytes: Uint8Array): ExportFile {
  const html = decodeHtml(bytes).text;
  const count = html.match(/<a\s[^>]*href\s*=/gi)?.length ?? 0;
  return {
    format: 'pocket-html',
    description: `Pocket export (ril_export.html), ${countOf(count, 'item')}`,
    entries: async function* () {
      let section: ImportedReadState | null = null;
      for (const element of htmlElements(htmlBody(html))) {
        if (element.tagName === 'h1') section = sectionOf(textOf(element));
        else if (element.tagName === 'a') yield entryOf(element, section);
      }
    },
  };
}

function sectionOf(heading: string): ImportedReadState | null {
  const name = heading.trim().toLowerCase();
  return name === 'unread' ? 'unread' : name.includes('archive') ? 'archived' : null;
}

function entryOf(anchor: HtmlElement, readState: ImportedReadState | null): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  return pageEntry(`line ${lineOf(anchor)}`, attribute(anchor, 'href'), {
    title: cleanTitle(textOf(anchor)),
    tags: cleanTags((attribute(anchor, 'tags') ?? '').split(','), warnings),
    addedAt: readDate(attribute(anchor, 'time_added'), 'time added', warnings),
    readState,
    warnings,
  });
}
