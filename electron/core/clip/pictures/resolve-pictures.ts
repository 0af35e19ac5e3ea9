import { declaredBase, elementsByTag } from '../parse/dom-window.js';
import { dropLazyAttributes, firstAttribute, LAZY_SRC } from './lazy-attributes.js';
import { unwrapNoscriptPictures } from './noscript-pictures.js';
import { absoluteAddress, bestAddress, IMAGE_FILE } from './picture-address.js';

/** Elements a script fills with an `<img>` named by their lazy attribute. */
const PICTURE_BOXES = ['DIV', 'SPAN', 'FIGURE', 'A', 'P'];

/**
 * Gives every picture of a parsed page its real address, before Readability and the sanitizer see
 * it (the sanitizer keeps only `src`, and Readability drops `<noscript>`): `<noscript>` fallbacks come
 * out, lazy-loading attributes, srcsets and `<picture>` sources are read, the chosen address becomes
 * the `<img>`'s absolute `src`, what scripts would have read is dropped, and a `<picture>` becomes
 * its `<img>`.
 */
export function resolvePictures(document: Document, pageUrl: string | null): void {
  const base = pictureBase(document, pageUrl);
  const elements = elementsByTag(document, ['NOSCRIPT', 'PICTURE', 'IMG', ...PICTURE_BOXES]);
  const tagged = (tags: readonly string[]): Element[] => elements.filter((element) => tags.includes(element.tagName));
  unwrapNoscriptPictures(tagged(['NOSCRIPT']), base);
  fillPictureBoxes(tagged(PICTURE_BOXES), base);
  const pictures = tagged(['PICTURE']);
  const images = tagged(['IMG']);
  for (const picture of pictures) {
    if (picture.getElementsByTagName('img').length === 0) images.push(picture.appendChild(document.createElement('img')));
  }
  for (const image of images) resolveImage(image, base);
  for (const picture of pictures) {
    picture.replaceWith(...Array.from(picture.getElementsByTagName('img')).filter((image) => image.hasAttribute('src')));
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
function fillPictureBoxes(boxes: readonly Element[], base: string | null): void {
  for (const box of boxes) {
    if (box.firstElementChild !== null || box.textContent?.trim()) continue;
    const address = IMAGE_FILE.test(firstAttribute(box, LAZY_SRC) ?? '') ? bestAddress(box, base) : null;
    if (!address) continue;
    const image = box.ownerDocument.createElement('img');
    image.setAttribute('src', address);
    const alt = firstAttribute(box, ['alt', 'data-alt', 'aria-label', 'title']);
    if (alt) image.setAttribute('alt', alt);
    box.append(image);
  }
}
