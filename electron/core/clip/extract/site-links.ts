import { hasBlockChild, squeeze, visibleLength } from './text-blocks.js';

/** Lines Readability keeps as paragraphs; a teaser is written as one of these, its whole text a link. */
const LINES = 'p, div, h2, h3, h4, h5, h6';
/** Shorter link lines are labels (`Comments`, `More`), which other rules judge. */
const MIN_TEASER_CHARS = 15;

/**
 * Drops lines that are nothing but a link to another page of the same site: headlines of other
 * stories set between the paragraphs (`TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAs …`). A line that
 * links elsewhere is a citation and stays; so does a link inside a sentence. Drops a line that is the
 * page's own address written out too: a print header or a share box, never the story.
 */
export function dropSiteLinkLines(root: Element, pageUrl: string | null): void {
  const page = parseUrl(pageUrl);
  if (!page) return;
  for (const line of Array.from(root.querySelectorAll(LINES))) {
    if (root.contains(line) && !hasBlockChild(line) && (isSiteTeaser(line, page) || isOwnAddress(line, page))) line.remove();
  }
}

function isOwnAddress(line: Element, page: URL): boolean {
  const text = squeeze(line.textContent);
  const written = /^https?:\/\/\S+$/.test(text) ? parseUrl(text) : null;
  return written !== null && site(written) === site(page) && samePath(written.pathname, page.pathname);
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}

function isSiteTeaser(line: Element, page: URL): boolean {
  const links = line.querySelectorAll('a[href]');
  const link = links[0];
  if (links.length !== 1 || !link) return false;
  const text = squeeze(line.textContent);
  if (text !== squeeze(link.textContent) || visibleLength(text) < MIN_TEASER_CHARS) return false;
  const target = parseUrl(link.getAttribute('href'), page.href);
  return target !== null && site(target) === site(page) && target.pathname !== page.pathname;
}

function site(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

function parseUrl(href: string | null, base?: string): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
