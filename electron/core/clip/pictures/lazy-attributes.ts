/**
 * Where lazy-loading scripts keep an image's real address until it scrolls into view, most common
 * first: lazysizes, lozad, vanilla-lazyload and most themes (`data-src`), WordPress plugins and
 * Jetpack (`data-lazy-src`), jQuery lazyload and the portals built on it (`data-original`), and the
 * names other widely copied scripts use (Zhihu's `data-actualsrc`, echo.js, PageSpeed, Taobao's Kissy).
 */
export const LAZY_SRC = [
  'data-src', 'data-lazy-src', 'data-original', 'data-lazyload', 'data-lazy', 'data-actualsrc', 'data-original-src',
  'data-hi-res-src', 'data-echo', 'data-pagespeed-lazy-src', 'data-defer-src', 'data-ks-lazyload', 'data-normal',
] as const;
/** The same for a lazy `srcset`. */
export const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-pagespeed-lazy-srcset'] as const;

/** What a lazy-loading script reads or sets on an `<img>`, besides `data-*`: none of it matters once `src` is real. */
const LOADING_ATTRIBUTES = new Set(['srcset', 'sizes', 'loading', 'lowsrc', 'original', 'file']);

/** The value of the first of these attributes an element has with something in it. */
export function firstAttribute(element: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * Leaves an image whose `src` is now its real address with nothing a script or Readability's own
 * lazy-image fix would read again: Readability copies any attribute holding an image address into
 * `src` when the class says "lazy", which could swap in a 4K original or a thumbnail.
 */
export function dropLazyAttributes(image: Element): void {
  for (const { name } of Array.from(image.attributes)) {
    if (name.startsWith('data-') || LOADING_ATTRIBUTES.has(name)) image.removeAttribute(name);
  }
  const classes = Array.from(image.classList).filter((name) => name.toLowerCase().includes('lazy'));
  image.classList.remove(...classes);
  if (image.classList.length === 0) image.removeAttribute('class');
}
