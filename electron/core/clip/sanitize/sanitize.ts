import createDOMPurify from 'dompurify';
import type { Config, WindowLike } from 'dompurify';
import { parseFragment, sharedWindow } from '../parse/dom-window.js';

const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'base', 'meta', 'link', 'svg', 'math', 'template',
  'noscript', 'audio', 'video', 'source', 'track', 'picture', 'portal', 'dialog',
];
/**
 * Attributes that load remote resources, run code or carry CSS (which can load remote resources), and
 * popover, which hides an element until a button (removed here) shows it: a page could hide its text.
 */
const FORBID_ATTR = [
  'style', 'srcset', 'sizes', 'background', 'poster', 'ping', 'action', 'formaction', 'xmlns',
  'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'target', 'download', 'popover',
];
const PURIFY_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  RETURN_DOM_FRAGMENT: true,
};
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;

let purifier: ReturnType<typeof createDOMPurify> | null = null;

function getPurifier(): ReturnType<typeof createDOMPurify> {
  purifier ??= createDOMPurify(sharedWindow() as unknown as WindowLike);
  return purifier;
}

/**
 * Sanitized HTML that is safe to render in the app: no scripts, no event handlers, no forms or
 * frames, no CSS, and nothing that loads remotely. Images keep their (absolute) address in
 * `data-src` only; links are absolute http(s)/mailto with rel="noopener noreferrer".
 */
export function sanitizeHtml(html: string, baseUrl?: string | null): string {
  // Parsed as a fragment first, as the reader parses content: from a string DOMPurify parses a whole
  // document, where a leading <frameset> replaces the body and it returns nothing at all.
  const fragment = getPurifier().sanitize(parseFragment(html), PURIFY_CONFIG) as unknown as DocumentFragment;
  removeComments(fragment);
  for (const link of fragment.querySelectorAll('a, area')) fixLink(link, baseUrl);
  for (const image of fragment.querySelectorAll('img')) fixImage(image, baseUrl);
  const container = sharedWindow().document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

function fixLink(link: Element, baseUrl: string | null | undefined): void {
  const href = link.getAttribute('href');
  if (href !== null && !href.startsWith('#')) {
    const absolute = resolveUrl(href, baseUrl);
    if (absolute && LINK_PROTOCOLS.has(absolute.protocol)) link.setAttribute('href', absolute.href);
    else link.removeAttribute('href');
  }
  link.setAttribute('rel', 'noopener noreferrer');
}

function fixImage(image: Element, baseUrl: string | null | undefined): void {
  const src = image.getAttribute('src')?.trim() ?? '';
  if (INLINE_IMAGE.test(src)) return;
  image.removeAttribute('src');
  const absolute = resolveUrl(src, baseUrl);
  if (absolute && (absolute.protocol === 'http:' || absolute.protocol === 'https:')) {
    image.setAttribute('data-src', absolute.href);
  }
}

function resolveUrl(href: string, baseUrl: string | null | undefined): URL | null {
  if (!href) return null;
  try {
    return baseUrl ? new URL(href, baseUrl) : new URL(href);
  } catch {
    return null;
  }
}

function removeComments(root: DocumentFragment): void {
  const doc = sharedWindow().document;
  const walker = doc.createTreeWalker(root, sharedWindow().NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}
