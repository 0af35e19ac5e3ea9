import { parsePublished } from './dates.js';
import type { PublishedDate } from './dates.js';

/** What the page says about itself, read before Readability rewrites the document. */
export interface PageMeta {
  title: string | null;
  heading: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  /** Every name the page gives its site (og:site_name, application-name, SiteName, JSON-LD publisher). */
  siteNames: string[];
  author: string | null;
  published: PublishedDate | null;
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished',
  'pubdate', 'publishdate', 'publish-date', 'publication_date', 'date', 'dc.date.issued', 'dc.date',
  'dcterms.issued', 'dcterms.date', 'sailthru.date', 'parsely-pub-date',
];

/** `sitename` is the meta tag Chinese government sites carry by rule. */
const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'sitename'];

export function readPageMeta(document: Document, pageUrl: string | null): PageMeta {
  const meta = metaContents(document);
  const jsonLd = readJsonLd(document);
  return {
    title: clean(document.querySelector('title')?.textContent),
    heading: clean(document.querySelector('h1')?.textContent),
    lang: readLang(document, meta),
    canonicalUrl: readCanonical(document, meta, pageUrl),
    siteName: clean(meta.get('og:site_name') ?? meta.get('application-name')),
    siteNames: SITE_NAME_KEYS.map((key) => clean(meta.get(key))).concat(clean(jsonLdName(jsonLd, 'publisher')))
      .filter((name): name is string => name !== null),
    author: clean(meta.get('author') ?? meta.get('article:author') ?? jsonLdName(jsonLd, 'author')),
    published: readPublished(document, meta, jsonLd),
  };
}

function metaContents(document: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
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

function resolveHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function readPublished(document: Document, meta: Map<string, string>, jsonLd: unknown[]): PublishedDate | null {
  for (const key of PUBLISHED_KEYS) {
    const published = parsePublished(meta.get(key));
    if (published) return published;
  }
  const itemprop = document.querySelector('[itemprop="datePublished"]');
  const fromItemprop = parsePublished(itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content') ?? itemprop?.textContent);
  if (fromItemprop) return fromItemprop;
  const fromJsonLd = parsePublished(jsonLdString(jsonLd, 'datePublished'));
  if (fromJsonLd) return fromJsonLd;
  const time = document.querySelector('time[pubdate][datetime]') ?? document.querySelector('time[datetime]');
  return parsePublished(time?.getAttribute('datetime'));
}

function readJsonLd(document: Document): unknown[] {
  const items: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      collectJsonLd(JSON.parse(script.textContent ?? ''), items);
    } catch {
      // Broken JSON-LD is common and says nothing we need.
    }
  }
  return items;
}

function collectJsonLd(value: unknown, items: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectJsonLd(item, items);
  } else if (value && typeof value === 'object') {
    items.push(value);
    const graph = (value as Record<string, unknown>)['@graph'];
    if (graph) collectJsonLd(graph, items);
  }
}

function jsonLdString(items: unknown[], key: string): string | null {
  for (const item of items) {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

function jsonLdName(items: unknown[], key: string): string | null {
  for (const item of items) {
    const value = (item as Record<string, unknown>)[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim()) return first;
    const name = first && typeof first === 'object' ? (first as Record<string, unknown>).name : null;
    if (typeof name === 'string' && name.trim()) return name;
  }
  return null;
}

export function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
