import { findChineseByline } from './chinese-byline.js';
import { findYearMonth } from './dates.js';
import type { PublishedDate } from './dates.js';
import { inPrintedZone } from './page-clock.js';
import { articleRegion } from './page-region.js';
import { findVisibleDate } from './visible-date.js';

/** What a page prints as text around its article, reconciled with what its metadata declares. */
export interface PrintedMeta {
  byline: string | null;
  published: PublishedDate | null;
}

export interface PageTexts {
  /** The whole page's text, read before Readability rewrote the document. */
  page: string;
  /** The extracted article's text. */
  article: string;
  title: string;
}

/** A line this short that holds a month is a dateline (`2003年5月`, `——《北京之春》1998年3月号`). */
const DATELINE_CHARS = 40;
const EDGE_LINES = 3;

/** Chinese portals print the date and the reporter as text under the headline or after the last paragraph. */
export function readPrintedMeta(texts: PageTexts, declared: PublishedDate | null): PrintedMeta {
  const region = articleRegion(texts.page, texts.article, texts.title);
  const printed = findVisibleDate(texts.page, texts.title) ?? issueMonth(texts.article);
  const published = choosePublished(declared, printed);
  return {
    byline: findChineseByline({ region, article: texts.article }),
    published: published && inPrintedZone(published, region),
  };
}

/**
 * The declared date, unless it gives only the day and the page prints a time on that same day:
 * portals fill metadata with the date and print the minute under the headline.
 */
function choosePublished(declared: PublishedDate | null, printed: PublishedDate | null): PublishedDate | null {
  if (!declared) return printed;
  const dateOnly = !declared.iso.includes('T');
  return dateOnly && printed?.iso.includes('T') && printed.iso.startsWith(declared.iso) ? printed : declared;
}

/** Essays and reports reprinted from magazines give only the issue's month, in a short line at either end. */
function issueMonth(articleText: string): PublishedDate | null {
  const lines = articleText.split('\n').map((line) => line.trim()).filter(Boolean);
  for (const line of [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]) {
    const month = line.length <= DATELINE_CHARS ? findYearMonth(line) : null;
    if (month) return month;
  }
  return null;
}
