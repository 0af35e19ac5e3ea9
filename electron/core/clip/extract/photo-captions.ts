import { isCredit } from './photo-credits.js';
import { hasBlockChild, isInline, squeeze, visibleLength } from './text-blocks.js';

/** Longer than this, a paragraph under a picture is prose that happens to end with a credit. */
const CAPTION_CHARS = 300;
/** A credit in brackets at a caption's end: `… in Hong Kong (Image: GETTY)`. */
const TRAILING_CREDIT = /[(（[][^()（）[\]]{1,60}[)）\]]$/u;

/**
 * Makes a picture and the caption under it one figure when the page set them as two paragraphs: the
 * caption the picture's aria-describedby names (WordPress's captions), or one that ends with its
 * credit (`<p><img></p><p>Protesters wore masks (Image: GETTY)</p>`). The reader then shows a
 * captioned picture, and the clip's text leaves it out as it does every figure's caption
 * (shared/text-omissions.ts). Without either, nothing marks the paragraph as a caption.
 */
export function markPhotoCaptions(root: Element): void {
  for (const picture of Array.from(root.querySelectorAll('img'))) {
    const block = pictureBlock(root, picture);
    const caption = block?.nextElementSibling;
    if (!block || !caption || !(describes(caption, picture) || isCreditedCaption(caption))) continue;
    const document = root.ownerDocument;
    const figure = document.createElement('figure');
    const figcaption = document.createElement('figcaption');
    block.before(figure);
    figcaption.append(...Array.from(caption.childNodes));
    figure.append(block, figcaption);
    caption.remove();
  }
}

/** The block that holds this picture and no text (its paragraph, or a link's), if it is not in a figure already. */
function pictureBlock(root: Element, picture: Element): Element | null {
  let block = picture.parentElement;
  while (block && block !== root && isInline(block)) block = block.parentElement;
  if (!block || block === root || block.closest('figure')) return null;
  return visibleLength(block.textContent) === 0 && block.querySelectorAll('img').length === 1 ? block : null;
}

function isCreditedCaption(element: Element): boolean {
  if (isInline(element) || hasBlockChild(element)) return false;
  const text = squeeze(element.textContent);
  const credit = TRAILING_CREDIT.exec(text);
  return credit !== null && visibleLength(text) <= CAPTION_CHARS && isCredit(credit[0]);
}

function describes(caption: Element, picture: Element): boolean {
  return caption.id !== '' && (picture.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(caption.id);
}
