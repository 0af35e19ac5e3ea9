/** One JSON-LD node: an object with string keys (`@type`, `datePublished`, `author`, …). */
export type JsonLdItem = Record<string, unknown>;

/** Keys under which a page nests the thing it is about: `@graph` lists, `mainEntity` of a WebPage. */
const CONTAINER_KEYS = ['@graph', 'mainEntity'];
/** Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, … */
const ARTICLE_TYPE = /(?:Article|Posting|Report)$/;

/** Every JSON-LD node the page declares, containers before what they contain, in document order. */
export function readJsonLd(document: Document): JsonLdItem[] {
  const items: JsonLdItem[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''), items);
    } catch {
      // Broken JSON-LD is common and says nothing we need.
    }
  }
  return items;
}

function collect(value: unknown, items: JsonLdItem[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, items);
  } else if (value && typeof value === 'object') {
    const item = value as JsonLdItem;
    items.push(item);
    for (const key of CONTAINER_KEYS) if (item[key]) collect(item[key], items);
  }
}

/** Whether a node is the kind of thing a clip is: an article or a post, not a page, a picture or a video. */
export function isArticle(item: JsonLdItem): boolean {
  const types: unknown[] = Array.isArray(item['@type']) ? item['@type'] : [item['@type']];
  return types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type));
}

/** A node's value as text: a string, the first of a list, or a typed value (`{"@value": …}`). */
export function jsonLdText(item: JsonLdItem, key: string): string | null {
  const value = item[key];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const text: unknown = first && typeof first === 'object' ? (first as JsonLdItem)['@value'] : first;
  return typeof text === 'string' && text.trim() ? text : null;
}

/** The first name given under key: a string, or a Person's or Organization's `name`. */
export function jsonLdName(items: readonly JsonLdItem[], key: string): string | null {
  for (const item of items) {
    const value = item[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim()) return first;
    const name = nodeName(first, items);
    if (name) return name;
  }
  return null;
}

/**
 * A node's `name`, given in place or in the node its `@id` refers to: WordPress's Yoast writes
 * `"author": {"@id": "…#/schema/person/14fb…"}` and the Person, name and all, elsewhere in its @graph.
 */
function nodeName(node: unknown, items: readonly JsonLdItem[]): string | null {
  if (!node || typeof node !== 'object') return null;
  const { name, '@id': id } = node as JsonLdItem;
  const named = typeof name === 'string' ? name : items.find((item) => item !== node && typeof id === 'string' && item['@id'] === id)?.name;
  return typeof named === 'string' && named.trim() ? named : null;
}
