import { bestAddress, IMAGE_FILE } from './picture-address.js';

const SHOWN = ['IMG', 'PICTURE'];
type Side = 'previousElementSibling' | 'nextElementSibling';
/** Node.TEXT_NODE (core code has no DOM globals). */
const TEXT_NODE = 3;

/**
 * Brings out the pictures a page keeps in `<noscript>` for browsers without scripts (WordPress
 * themes, Medium, many news sites), which Readability would drop. Beside the `<noscript>` there is
 * usually the scripted version of the same picture: a stand-in with no real address is replaced by
 * the fallback, a real one stays and the fallback goes. A `<noscript>` image with no version of
 * itself beside it takes the `<noscript>`'s place when it names an image file and is no tracking
 * pixel; ad servers and counters answer from scripts (`avw.php?zoneid=`, `/tr?id=`) and go.
 */
export function unwrapNoscriptPictures(noscripts: readonly Element[], base: string | null): void {
  for (const noscript of noscripts) {
    const fallback = wrapped(noscript, ['IMG']);
    if (!fallback) continue;
    const real = bestAddress(fallback, base) !== null && !isTracker(fallback);
    const shown = shownVersion(noscript, fallback, base);
    if (shown) {
      if (real && standIn(shown, base)) replaceShown(shown, fallback);
      noscript.remove();
    } else if (real && IMAGE_FILE.test(fallback.getAttribute('src')?.trim() ?? '')) {
      noscript.replaceWith(fallback);
    } else {
      // Settled here: else Readability would put this pixel or ad in place of an image beside it.
      noscript.remove();
    }
  }
}

/** The scripted image just before or after the `<noscript>`, when it is a stand-in or shows the same picture. */
function shownVersion(noscript: Element, fallback: Element, base: string | null): Element | null {
  for (const side of ['previousElementSibling', 'nextElementSibling'] as const) {
    const shown = wrapped(sibling(noscript, side), SHOWN);
    if (shown && (standIn(shown, base) || samePicture(imageOf(shown), fallback, base))) return shown;
  }
  return null;
}

/** The nearest sibling that is more than an empty box (a spinner or preloader often sits between an image and its fallback). */
function sibling(element: Element, side: Side): Element | null {
  let node = element[side];
  while (node && !SHOWN.includes(node.tagName) && node.firstElementChild === null && !hasOwnText(node)) node = node[side];
  return node;
}

/** The element with one of these tags that an element consists of, through wrappers holding nothing else; or null. */
function wrapped(element: Element | null, tags: readonly string[]): Element | null {
  let node = element;
  while (node) {
    if (tags.includes(node.tagName)) return node;
    const only = node.firstElementChild;
    if (!only || only.nextElementSibling || hasOwnText(node)) return null;
    node = only;
  }
  return null;
}

/** Text right inside an element; text deeper down is some descendant's own (textContent would read a whole page per wrapper). */
function hasOwnText(element: Element): boolean {
  return Array.from(element.childNodes).some((node) => node.nodeType === TEXT_NODE && node.textContent?.trim());
}

function imageOf(shown: Element): Element | null {
  return shown.tagName === 'IMG' ? shown : (shown.getElementsByTagName('img')[0] ?? null);
}

function standIn(shown: Element, base: string | null): boolean {
  const image = imageOf(shown);
  return !image || bestAddress(image, base) === null;
}

/** The same description, or the same file name (a page's scripted and plain versions often differ only in size). */
function samePicture(image: Element | null, fallback: Element, base: string | null): boolean {
  const alt = image?.getAttribute('alt')?.trim();
  if (alt && alt === fallback.getAttribute('alt')?.trim()) return true;
  const shownName = fileName(image, base);
  return shownName !== null && shownName === fileName(fallback, base);
}

function fileName(image: Element | null, base: string | null): string | null {
  const address = image && bestAddress(image, base);
  return address ? (new URL(address).pathname.split('/').pop() ?? null) : null;
}

function replaceShown(shown: Element, fallback: Element): void {
  const alt = imageOf(shown)?.getAttribute('alt');
  if (alt && !fallback.getAttribute('alt')) fallback.setAttribute('alt', alt);
  shown.replaceWith(fallback);
}

/** Pages put tracking pixels in `<noscript>` too: an image at most 2 pixels wide or high, hidden, or moved off screen. */
function isTracker(image: Element): boolean {
  const tiny = ['width', 'height'].some((name) => Number.parseInt(image.getAttribute(name) ?? '', 10) <= 2);
  const hidden = /display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top)\s*:\s*-\d{3,}/i.test(image.getAttribute('style') ?? '');
  return tiny || hidden || image.hasAttribute('hidden');
}
