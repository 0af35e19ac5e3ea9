import type { ExtractedClip } from '../../../api.js';
import { ClipdeskError } from '../../errors.js';
import { detectLanguage } from '../../text-stats.js';
import { buildClip } from '../metadata/build-clip.js';
import { bylineNames } from '../metadata/byline.js';
import { tidyName } from '../metadata/chinese-byline.js';
import { clean, readPageMeta } from '../metadata/page-meta.js';
import type { PageMeta } from '../metadata/page-meta.js';
import { readPrintedMeta } from '../metadata/printed-meta.js';
import { dropSiteName, headlineOfTitle, shownHeadline } from '../metadata/site-title.js';
import { parseDocument, releaseDocument } from '../parse/dom-window.js';
import { resolvePictures } from '../pictures/resolve-pictures.js';
import { htmlToText, nodeToText } from '../sanitize/html-to-text.js';
import { sanitizeHtml } from '../sanitize/sanitize.js';
import { pruneArticle } from './prune-article.js';
import { visibleLength } from './text-blocks.js';
import { readArticle } from './readability-article.js';
import type { ReadabilityArticle } from './readability-article.js';

const HAN = /\p{Script=Han}/gu;
const HAN_CHARS = 200;
/** Less of the page's text than this, and a pruned fallback has lost the story (see articleContent). */
const MIN_KEPT_SHARE = 0.1;

/** One clip from a decoded HTML page: Readability for the article, the page's own metadata around it. */
export function extractHtml(html: string, pageUrl: string | null): ExtractedClip {
  const document = parseDocument(html);
  try {
    const meta = readPageMeta(document, pageUrl);
    const pageText = isChinesePage(meta.lang, html) && document.body ? nodeToText(document.body) : null;
    resolvePictures(document, pageUrl);
    const article = readArticle(document);
    const titles = [article?.title, meta.title].filter((title): title is string => Boolean(title));
    if (article) pruneArticle(article.root, titles, pageUrl);
    const { content, text } = articleContent(article, html, pageUrl, titles);
    return clipOf(meta, article, { content, text, pageText, pageUrl });
  } finally {
    releaseDocument(document);
  }
}

/**
 * The sanitized article and its text. When Readability found none, or took a block that pruning
 * emptied (a site's menu), whichever of the page's own <article> (its longest), <main> and body
 * keeps the most text once pruned as an article is; the body as it is when that is under a tenth
 * of the page's text (pruning a whole page can take the story with the menus around it).
 */
function articleContent(article: ReadabilityArticle | null, html: string, pageUrl: string | null, titles: readonly string[]): Sanitized {
  const found = article ? sanitized(article.root, pageUrl) : null;
  if (found?.text) return found;
  const page = parseDocument(html);
  try {
    resolvePictures(page, pageUrl);
    if (!page.body) return { content: '', text: '' };
    // Compared by their raw text, so that only the one kept is sanitized (the costly step on a big page).
    // An <article> inside another is never the longer one: only the outermost are measured.
    const outermost = page.querySelectorAll('article:not(article article)');
    const pruned = [longest(outermost)?.element, page.querySelector('main'), page.body].flatMap((candidate) => {
      if (!candidate) return [];
      const copy = candidate.cloneNode(true) as Element;
      pruneArticle(copy, titles, pageUrl);
      return [copy];
    });
    const best = longest(pruned);
    const kept = best && best.length >= MIN_KEPT_SHARE * textLength(page.body) ? sanitized(best.element, pageUrl) : null;
    return kept?.text ? kept : sanitized(page.body, pageUrl);
  } finally {
    releaseDocument(page);
  }
}

/** The element with the most visible text, with that length (measured once: a whole page's text is long). */
function longest(elements: Iterable<Element>): { element: Element; length: number } | null {
  let best: { element: Element; length: number } | null = null;
  for (const element of elements) {
    const length = textLength(element);
    if (!best || length > best.length) best = { element, length };
  }
  return best;
}

function textLength(element: Element): number {
  return visibleLength(element.textContent);
}

interface Sanitized {
  content: string;
  text: string;
}

function sanitized(root: Element, pageUrl: string | null): Sanitized {
  const content = sanitizeHtml(root.innerHTML, pageUrl);
  return { content, text: htmlToText(content) };
}

interface ArticleParts {
  content: string;
  text: string;
  /** The page's text before Readability rewrote it, for pages that print their date and byline. */
  pageText: string | null;
  pageUrl: string | null;
}

function clipOf(meta: PageMeta, article: ReadabilityArticle | null, parts: ArticleParts): ExtractedClip {
  const { content, text, pageText, pageUrl } = parts;
  if (!text) throw new ClipdeskError('EXTRACT_FAILED', 'The page has no readable text to clip.');
  const pageTitle = meta.title ?? meta.heading ?? '';
  const printed = pageText ? readPrintedMeta({ page: pageText, article: text, title: pageTitle }, meta.published) : null;
  const source = clean(article?.siteName) ?? meta.siteName;
  const siteNames = [...meta.siteNames, source ?? ''];
  const byline = printed?.byline ?? bylineNames(meta.sharedByline, siteNames) ?? bylineNames(article?.byline, siteNames)
    ?? bylineNames(meta.author, siteNames) ?? bylineNames(meta.authorLink, siteNames);
  const title = headlineOfTitle(clean(article?.title) ?? meta.title ?? meta.heading ?? 'Untitled', meta.headings, siteNames);
  return buildClip({
    url: pageUrl,
    canonicalUrl: meta.canonicalUrl,
    title: shownHeadline(dropSiteName(title, siteNames), meta.headings, siteNames),
    byline: byline ? tidyName(byline) : null,
    source,
    published: (printed ? printed.published : meta.published) ?? meta.addressDay ?? meta.firstEdit,
    language: reconcileLanguage(meta.lang, text),
    content,
    text,
  });
}

/**
 * Pages whose date and byline may be printed as Chinese text: declared Chinese, or with a few
 * hundred Han characters in their markup (many portals declare nothing, or lang="en").
 */
function isChinesePage(lang: string | null, html: string): boolean {
  if (lang !== null && /^zh\b/i.test(lang)) return true;
  const han = html.matchAll(HAN);
  for (let count = 0; count < HAN_CHARS; count += 1) if (han.next().done) return false;
  return true;
}

/** Templates often say lang="en" on pages written in Chinese; the text wins when it is clearly CJK. */
function reconcileLanguage(declared: string | null, text: string): string | null {
  const detected = detectLanguage(text);
  if (!declared) return detected;
  const primary = declared.split('-')[0]?.toLowerCase();
  const cjk = detected === 'zh' || detected === 'ja' || detected === 'ko';
  return cjk && primary !== detected ? detected : declared;
}
