import { attributeSelector, LAZY_SRC, LAZY_SRCSET } from './lazy-attributes.js';
import { bestAddress, IMAGE_FILE } from './picture-address.js';

const SHOWN = ['IMG', 'PICTURE'];
const LAZY = attributeSelector([...LAZY_SRC, ...LAZY_SRCSET]);

/**
 * Brings out the pictures a page keeps in `<noscript>` for browsers without scripts (WordPress
 * themes, Medium, many news sites), which Readability would drop. A `<noscript>` holding one image
 * replaces the scripted image just before it, as Readability does (or just after it, when that one
 * visibly waits for a lazy-loading script), but only with a real picture. A `<noscript>` image with
 * no image beside it takes the `<noscript>`'s place when it names an image file and is no tracking
 * pixel: ad servers and counters answer from scripts (`avw.php?zoneid=`, `/tr?id=`), and stay where
 * nothing reads them.
 */
export function unwrapNoscriptPictures(document: Document, base: string | null): void {
  for (const noscript of Array.from(document.querySelectorAll('noscript'))) {
    const fallback = wrapped(noscript, ['IMG']);
    if (!fallback) continue;
    const real = bestAddress(fallback, base) !== null && !isTracker(fallback);
    const shown = wrapped(sibling(noscript, 'previousElementSibling'), SHOWN) ?? lazyImage(wrapped(sibling(noscript, 'nextElementSibling'), SHOWN));
    if (shown) {
      if (real) replaceShown(shown, fallback);
      noscript.remove();
    } else if (real && IMAGE_FILE.test(fallback.getAttribute('src')?.trim() ?? '')) {
      noscript.replaceWith(fallback);
    }
  }
}

/** The nearest sibling that is more than an empty box (a spinner or preloader often sits between an image and its fallback). */
function sibling(element: Element, side: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let node = element[side];
  while (node && !SHOWN.includes(node.tagName) && node.children.length === 0 && !node.textContent?.trim()) node = node[side];
  return node;
}

/** The element with one of these tags that an element consists of, through wrappers holding nothing else; or null. */
function wrapped(element: Element | null, tags: readonly string[]): Element | null {
  let node: Element | null | undefined = element;
  while (node) {
    if (tags.includes(node.tagName)) return node;
    if (node.children.length !== 1 || node.textContent?.trim()) return null;
    node = node.children[0];
  }
  return null;
}

function lazyImage(image: Element | null): Element | null {
  return image && (image.matches(LAZY) || image.querySelector(LAZY)) ? image : null;
}

function replaceShown(shown: Element, fallback: Element): void {
  const alt = (shown.tagName === 'IMG' ? shown : shown.querySelector('img'))?.getAttribute('alt');
  if (alt && !fallback.getAttribute('alt')) fallback.setAttribute('alt', alt);
  shown.replaceWith(fallback);
}

/** Pages put tracking pixels in `<noscript>` too: an image at most 2 pixels wide or high, hidden, or moved off screen. */
function isTracker(image: Element): boolean {
  const tiny = ['width', 'height'].some((name) => Number.parseInt(image.getAttribute(name) ?? '', 10) <= 2);
  const hidden = /display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top)\s*:\s*-\d{3,}/i.test(image.getAttribute('style') ?? '');
  return tiny || hidden || image.hasAttribute('hidden');
}
