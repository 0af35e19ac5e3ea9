import { hasBlockChild, isInline, squeeze, visibleLength } from './text-blocks.js';

/** Shorter captions ("Photo: AP") are left to photo-credits.ts. */
const REPEAT_CHARS = 20;

/**
 * Drops a picture's caption whose text already stood earlier in the article: a slideshow that repeats
 * one caption under each picture, or a gallery that lists its captions in two layouts. The first copy
 * stays, and so do the pictures. Only captions: interviews and guides repeat a question or a line on
 * purpose, and the article text keeps them.
 */
export function dropRepeatedCaptions(root: Element): void {
  const pictures = picturesOf(root);
  const seen = new Set<string>();
  for (const block of Array.from(root.querySelectorAll('*'))) {
    if (isInline(block) || hasBlockChild(block)) continue;
    const text = squeeze(block.textContent);
    if (visibleLength(text) < REPEAT_CHARS || !isCaption(block, text, pictures)) continue;
    if (seen.has(text)) block.remove();
    else seen.add(text);
  }
}

interface Pictures {
  /** Their alt texts, which often hold the caption and then a copyright line. */
  alts: string[];
  /** The ids their aria-describedby names. */
  describedBy: Set<string>;
}

function picturesOf(root: Element): Pictures {
  const images = Array.from(root.querySelectorAll('img'));
  return {
    alts: images.map((image) => squeeze(image.getAttribute('alt'))).filter((alt) => alt !== ''),
    describedBy: new Set(images.flatMap((image) => (image.getAttribute('aria-describedby') ?? '').split(/\s+/))),
  };
}

/** A caption by markup (inside a figure, or named by a picture's aria-describedby), or by saying what a picture's alt text says. */
function isCaption(block: Element, text: string, pictures: Pictures): boolean {
  if (block.closest('figure, figcaption') || (block.id !== '' && pictures.describedBy.has(block.id))) return true;
  return pictures.alts.some((alt) => alt.includes(text));
}
