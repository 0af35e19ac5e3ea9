/**
 * What a clip's plain text leaves out of its HTML: code and templates, and pictures with their
 * captions and credits. The core derives the text without them (html-to-text.ts) and the reader's
 * text map skips the same elements (renderer/text-map.ts), so highlights line up on both sides.
 * A caption belongs to its picture, not to the article's prose: the reader shows it under the
 * picture, but search, excerpts, word counts and exports of the text do not repeat "Image copyright
 * Getty Images" between paragraphs.
 */
const CODE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const MEDIA = 'img, picture, video, audio, iframe, svg';

export function isLeftOutOfText(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (CODE.has(tag) || tag === 'FIGCAPTION') return true;
  // A figure without a picture (a quotation with its source, a table) is text the reader reads.
  return tag === 'FIGURE' && element.querySelector(MEDIA) !== null;
}
