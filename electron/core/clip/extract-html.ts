import { Readability } from '@mozilla/readability';
import type { ExtractedClip } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { buildClip } from './build-clip.js';
import type { PublishedDate } from './dates.js';
import { parseDocument } from './dom-window.js';
import { htmlToText, nodeToText } from './html-to-text.js';
import { clean, readPageMeta } from './page-meta.js';
import { sanitizeHtml } from './sanitize.js';
import { detectLanguage } from './text-stats.js';
import { findVisibleDate } from './visible-date.js';

const HAN = /\p{Script=Han}/u;

/** One clip from a decoded HTML page: Readability for the article, the page's own metadata around it. */
export function extractHtml(html: string, pageUrl: string | null): ExtractedClip {
  const document = parseDocument(html);
  const meta = readPageMeta(document, pageUrl);
  const pageTitle = meta.title ?? meta.heading ?? '';
  const published = meta.published ?? chinesePageDate(document, meta.lang, pageTitle);
  const article = new Readability(document).parse();
  let content = sanitizeHtml(article?.content ?? '', pageUrl);
  let text = htmlToText(content);
  if (!text) {
    content = sanitizeHtml(parseDocument(html).body?.innerHTML ?? '', pageUrl);
    text = htmlToText(content);
  }
  if (!text) throw new ClipdeskError('EXTRACT_FAILED', 'The page has no readable text to clip.');
  return buildClip({
    url: pageUrl,
    canonicalUrl: meta.canonicalUrl,
    title: clean(article?.title) ?? meta.title ?? meta.heading ?? 'Untitled',
    byline: clean(article?.byline) ?? meta.author,
    source: clean(article?.siteName) ?? meta.siteName,
    published,
    language: reconcileLanguage(meta.lang, text),
    content,
    text,
  });
}

/** Chinese portals print the date as text under the headline rather than in metadata. */
function chinesePageDate(document: Document, lang: string | null, title: string): PublishedDate | null {
  const chinese = lang ? /^zh\b/i.test(lang) || HAN.test(title) : HAN.test(title);
  if (!chinese || !document.body) return null;
  return findVisibleDate(nodeToText(document.body), title);
}

/** Templates often say lang="en" on pages written in Chinese; the text wins when it is clearly CJK. */
function reconcileLanguage(declared: string | null, text: string): string | null {
  const detected = detectLanguage(text);
  if (!declared) return detected;
  const primary = declared.split('-')[0]?.toLowerCase();
  const cjk = detected === 'zh' || detected === 'ja' || detected === 'ko';
  return cjk && primary !== detected ? detected : declared;
}
