import { findNumericDate } from '../metadata/dates.js';
import { isEuropeanDateLine } from '../metadata/european-dates.js';
import { CHINESE_SENTENCE, hasBlockChild, isInline, isParagraph } from './text-blocks.js';

const META_LINE_CHARS = 60;
const MIN_TITLE_CHARS = 4;

const MONTH_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/i;
const BYLINE = /^(?:[Bb]y\s+\p{Lu}|[□■●\s]*\p{Script=Han}{0,10}?\s*(?:记者|通讯员|实习生|作者\s*[:：]|编辑\s*[:：]))/u;

/**
 * Drops what the clip shows as fields from the rows above the first paragraph: the headline
 * repeated (Readability drops it only as <h1>/<h2>), and dateline and byline rows (`2005-04-05
 * 06:40 来源：…`, `02 Ago 2017`, `By Jane Doe`, `本报记者 张三`). titles: the page's and Readability's title.
 */
export function dropHeadMetadata(root: Element, titles: readonly string[]): void {
  const lines = headLines(root);
  lines.forEach((line, index) => {
    const text = line.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const repeatsTitle = index === 0 && text.length >= MIN_TITLE_CHARS && titles.some((title) => title.replace(/\s+/g, ' ').includes(text));
    if (repeatsTitle || (text.length <= META_LINE_CHARS && isMetadataLine(text))) line.remove();
  });
}

function isMetadataLine(text: string): boolean {
  if (CHINESE_SENTENCE.test(text)) return false;
  return BYLINE.test(text) || MONTH_DATE.test(text) || findNumericDate(text) !== null || isEuropeanDateLine(text);
}

/** Innermost blocks above the first paragraph (the article proper starts there), in reading order. */
function headLines(root: Element): Element[] {
  const lines: Element[] = [];
  let reachedBody = false;
  const visit = (element: Element): void => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (reachedBody) return;
      if (isInline(child) || child.tagName === 'BR') continue;
      if (hasBlockChild(child)) visit(child);
      else if (isParagraph(child.textContent ?? '')) reachedBody = true;
      else lines.push(child);
    }
  };
  visit(root);
  return lines;
}
