/**
 * The fixture facts tests share: the plain-text seed clipping in ../shared/fixtures and what importing
 * it must yield (../shared/design.md, "Seed format"), and the sample texts that fill libraries.
 */

export const SHARED_DIR = new URL('../../../shared/', import.meta.url).pathname;
export const SEED_FILE = `${SHARED_DIR}fixtures/seed-article.txt`;

export const SEED_TITLE =
  'China Chamber of Commerce for Import and Export of Medicine and Health Products visited Jilin High-tech Zone for exchange';
export const SEED_BYLINE = 'Jia Ruifeng, China Merchants Bureau 2';
/** The date as the clipping states it, and as ISO 8601 (with no offset: the clipping gives none). */
export const SEED_PUBLISHED_TEXT = '2023-08-26 13:36';
export const SEED_PUBLISHED_AT = '2023-08-26T13:36';

/** A small English article as plain text, distinct per `n`, for filling libraries. */
export function sampleText(n: number, topic = 'harbour'): string {
  return `Report ${n} on the ${topic}\n\nThe ${topic} authority published figures for quarter ${n}. ` +
    `Shipping volumes rose while inspectors reviewed safety at berth ${n}.\n\nOfficials expect more traffic next year.`;
}

/** Short English news articles several tests and specs clip, each as its headline and paragraphs. */
export const HARBOUR_CRANES = {
  title: 'Harbour cranes arrive from Rotterdam',
  paragraphs: [
    'Four new ship-to-shore cranes arrived at the eastern terminal on Tuesday after a six-week voyage from Rotterdam, ' +
      'the port authority said.',
    'The cranes will double the number of containers the terminal can move in an hour once they are commissioned in the summer.',
    'Dock workers will train on the new machines through May, and the old cranes will be sold for scrap.',
  ],
} as const;

export const HARBOUR_TRAFFIC = {
  title: 'Harbour traffic doubles',
  paragraphs: [
    'Container traffic through the eastern harbour doubled in the second quarter, the port authority said on Monday.',
    'Officials credited the new deep-water berth, which opened in April and can take the largest ships now at sea.',
    'Dock workers said the pace had strained the old cranes, and the authority promised two more by the end of the year.',
  ],
} as const;

/** An article's paragraphs as HTML `<p>` elements, `between` each two. */
export function paragraphsHtml(paragraphs: readonly string[], between = '\n'): string {
  return paragraphs.map((text) => `<p>${text}</p>`).join(between);
}
