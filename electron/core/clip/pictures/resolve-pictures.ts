import { declaredBase } from '../parse/dom-window.js';
import { attributeSelector, dropLazyAttributes, firstAttribute, LAZY_SRC } from './lazy-attributes.js';
import { unwrapNoscriptPictures } from './noscript-pictures.js';
import { absoluteAddress, bestAddress, IMAGE_FILE } from './picture-address.js';

/** Elements a script fills with an `<img>` named by their lazy attribute. */
const PICTURE_BOXES = new Set(['DIV', 'SPAN', 'FIGURE', 'A', 'P']);

/**
 * Gives every picture of a parsed page its real address, before Readability and the sanitizer see
 * it (the sanitizer keeps only `src`, and Readability drops `<noscript>`): `<noscript>` fallbacks come
 * out, lazy-loading attributes, srcsets and `<picture>` sources are read, the chosen address becomes
 * the `<img>`'s absolute `src`, what scripts would have read is dropped, and a `<picture>` becomes
 * its `<img>`.
 */
export function resolvePictures(document: Document, pageUrl: string | null): void {
  const base = pictureBase(document, pageUrl);
  unwrapNoscriptPictures(document, base);
  fillPictureBoxes(document, base);
  for (const picture of Array.from(document.querySelectorAll('picture'))) {
    if (!picture.querySelector('img')) picture.append(document.createElement('img'));
  }
  for (const image of Array.from(document.querySelectorAll('img'))) resolveImage(image, base);
  for (const picture of Array.from(document.querySelectorAll('picture'))) {
    picture.replaceWith(...Array.from(picture.querySelectorAll('img[src]')));
  }
}

/**
 * What relative picture addresses resolve against: the page's address, or its `<base>` when that
 * stays on the page's own site (pages served under a sub-path) or the page has no address. Links
 * ignore `<base>` (see parseDocument); a base on another site would point pictures there too.
 */
function pictureBase(document: Document, pageUrl: string | null): string | null {
  const base = absoluteAddress(declaredBase(document), pageUrl);
  if (!base) return pageUrl;
  return pageUrl === null || new URL(pageUrl).origin === base.origin ? base.href : pageUrl;
}

function resolveImage(image: Element, base: string | null): void {
  const address = bestAddress(image, base);
  if (address) {
    image.setAttribute('src', address);
    dropLazyAttributes(image);
    return;
  }
  const own = absoluteAddress(image.getAttribute('src'), base);
  if (own) image.setAttribute('src', own.href);
}

/**
 * Some sites keep a picture as an empty box whose lazy attribute names the image file (the BBC's
 * delayed images), and a script puts the `<img>` in; here the box gets it.
 */
function fillPictureBoxes(document: Document, base: string | null): void {
  for (const box of Array.from(document.querySelectorAll(attributeSelector(LAZY_SRC)))) {
    if (!PICTURE_BOXES.has(box.tagName) || box.children.length > 0 || box.textContent?.trim()) continue;
    const address = IMAGE_FILE.test(firstAttribute(box, LAZY_SRC) ?? '') ? bestAddress(box, base) : null;
    if (!address) continue;
    const image = document.createElement('img');
    image.setAttribute('src', address);
    const alt = firstAttribute(box, ['alt', 'data-alt', 'aria-label', 'title']);
    if (alt) image.setAttribute('alt', alt);
    box.append(image);
  }
}
