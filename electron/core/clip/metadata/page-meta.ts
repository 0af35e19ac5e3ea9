import { authorLinkName, sharedBylineText } from './author-link.js';
import { findDatelines, numericOrder } from './dateline.js';
import type { PublishedDate } from './dates.js';
import { jsonLdName, readJsonLd } from './json-ld.js';
import { inPageFurniture } from './page-furniture.js';
import { readPageDates } from './published-date.js';
import { dateFromUrl } from './url-date.js';

/** What the page says about itself, read before Readability rewrites the document. */
export interface PageMeta {
  title: string | null;
  heading: string | null;
  /** Every <h1>'s text but a logo's that links home: templates put the site's name in one and the headline in another. */
  headings: string[];
  lang: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  /** Every name the page gives its site (og:site_name, application-name, SiteName, JSON-LD publisher, its address's host). */
  siteNames: string[];
  author: string | null;
  /** The writer named by a link to their page (author-link.ts), the byline's last resort. */
  authorLink: string | null;
  /** The printed byline of several writers, each marked as an author (author-link.ts), which goes first. */
  sharedByline: string | null;
  /** The date the markup states, else the dateline printed by the headline. */
  published: PublishedDate | null;
  /** The day the address files the page under (url-date.ts), after any publication the page states. */
  addressDay: PublishedDate | null;
  /**
   * The earliest edit the markup states (dateModified, a <time> marked as an update), else the update
   * printed by the headline (`Updated: …`): the last resort. Nearer the publication than the day the
   * page is clipped, by which a clip without a date would sort.
   */
  firstEdit: PublishedDate | null;
}

/** `sitename` is the meta tag Chinese government sites carry by rule. */
const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'sitename'];

export function readPageMeta(document: Document, pageUrl: string | null): PageMeta {
  const meta = metaContents(document);
  const jsonLd = readJsonLd(document);
  const dates = readPageDates(document, meta, jsonLd);
  const title = clean(document.querySelector('title')?.textContent);
  const lang = readLang(document, meta);
  const canonicalUrl = readCanonical(document, meta, pageUrl);
  const address = canonicalUrl ?? pageUrl;
  const headings = [...document.querySelectorAll('h1')].filter((h1) => !isSiteLogo(h1, address))
    .map((h1) => clean(h1.textContent)).filter((text): text is string => text !== null);
  const heading = headings[0] ?? null;
  // A printed dateline is the fallback: only pages that state no publication in their markup are read for one.
  const datelines = dates.published ? null : findDatelines(document, [heading, title], numericOrder(lang));
  return {
    title,
    heading,
    headings,
    lang,
    canonicalUrl,
    siteName: clean(meta.get('og:site_name') ?? meta.get('application-name')),
    siteNames: SITE_NAME_KEYS.map((key) => clean(meta.get(key)))
      .concat(clean(jsonLdName(jsonLd, 'publisher')), hostOf(address))
      .filter((name): name is string => name !== null),
    author: clean(meta.get('author') ?? meta.get('article:author') ?? jsonLdName(jsonLd, 'author')),
    authorLink: authorLinkName(document),
    sharedByline: sharedBylineText(document),
    published: dates.published ?? datelines?.published ?? null,
    addressDay: dateFromUrl(address),
    firstEdit: dates.firstEdit ?? datelines?.edited ?? null,
  };
}

/** Head tags, and microdata <meta> in the body outside related stories and comments, which describe other things. */
function metaContents(document: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
    if (inPageFurniture(element)) continue;
    const content = element.getAttribute('content') ?? '';
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && content.trim() && !contents.has(key)) contents.set(key, content);
    }
  }
  return contents;
}

function readLang(document: Document, meta: Map<string, string>): string | null {
  const root = document.documentElement;
  const declared = root.getAttribute('lang') ?? root.getAttribute('xml:lang') ?? meta.get('content-language') ?? meta.get('og:locale');
  const lang = declared?.split(',')[0]?.trim().replace('_', '-');
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) ? lang : null;
}

function readCanonical(document: Document, meta: Map<string, string>, pageUrl: string | null): string | null {
  const candidates = [document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'), meta.get('og:url')];
  for (const candidate of candidates) {
    const resolved = resolveHttpUrl(candidate, pageUrl);
    if (resolved) return resolved;
  }
  return null;
}

/**
 * An <h1> that is one link to the site's home, or sits inside one (`<h1><a href="/blog/">The Film
 * Gang</a></h1>` on /blog/2013/02/08/stand-up-guys/): old templates set the site's name as the page's
 * heading. A headline's link goes to the story itself, deeper than the home it sits under.
 */
function isSiteLogo(h1: Element, address: string | null): boolean {
  const links = h1.querySelectorAll('a[href]');
  const inner = links.length === 1 && clean(links[0]!.textContent) === clean(h1.textContent) ? links[0]! : null;
  const link = inner ?? h1.closest('a[href]');
  const home = link && address ? resolveHttpUrl(link.getAttribute('href'), address) : null;
  if (!home || !address) return false;
  const page = new URL(address);
  const target = new URL(home);
  return target.host === page.host && page.pathname.startsWith(target.pathname) && page.pathname.length > target.pathname.length;
}

/** `www.cnn.com`: a title's "- CNN.com" names the site as its address does. */
function hostOf(address: string | null): string | null {
  return address && URL.canParse(address) ? new URL(address).hostname : null;
}

function resolveHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
