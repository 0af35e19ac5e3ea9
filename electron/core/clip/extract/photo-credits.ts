import { CHINESE_SENTENCE, hasBlockChild, isInline, visibleLength } from './text-blocks.js';

const CREDIT_LINE_CHARS = 60;
/**
 * `Photo: Reuters`, `(Image: GETTY)`, `Credit...Jane Doe/The Times`, `图片来源：新华社`, `Image copyright EPA`:
 * a label, then whose picture it is.
 */
const LABELLED = /^[(（[]?\s*(?:(?:photo(?:graph)?s?|image|picture|pic|credit|(?:photo|image) credit|foto|bild|图片?(?:来源)?|摄影?)\s*(?:[:：]|\.{3}|…)|(?:photo|image|picture) (?:copyright|credit) )/iu;
/** `Getty`, `Jane Doe/Getty Images`, `Jane Doe | Bloomberg | Getty Images`: names, then a picture agency. */
const AGENCY = /(?:^|[\s/|,(（])(?:Getty Images|Getty|GETTY|AP Photo|AP|AFP|Reuters|REUTERS|EPA|Shutterstock|iStock(?:photo)?|Alamy)[)）]?$/u;
const NAME_SEPARATORS = /[\s/|,(（]+/u;

/**
 * Drops lines that only credit a picture. A caption (<figcaption>) keeps its credit: the clip shows
 * figures with their captions. Standing alone, the credit is page furniture the reader cannot place.
 */
export function dropPhotoCredits(root: Element): void {
  for (const line of Array.from(root.querySelectorAll('*'))) {
    if (isInline(line) || hasBlockChild(line) || line.closest('figcaption')) continue;
    const text = line.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (visibleLength(text) <= CREDIT_LINE_CHARS && isCredit(text)) line.remove();
  }
}

export function isCredit(text: string): boolean {
  if (CHINESE_SENTENCE.test(text)) return false;
  if (LABELLED.test(text)) return true;
  const agency = AGENCY.exec(text);
  return agency !== null && text.slice(0, agency.index).split(NAME_SEPARATORS).every((word) => word === '' || /^\p{Lu}/u.test(word));
}
