import { Readability } from '@mozilla/readability';

/** What Readability found, with the article as a live element so later passes can prune it. */
export interface ReadabilityArticle {
  root: Element;
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

/** The Readability 0.6 internals the comma fix below replaces (checked by tests/unit/clip-readability.test.ts). */
interface CommaCounting {
  _getCharCount(element: Element, separator?: string): number;
  _getInnerText(element: Element): string;
  REGEXPS: { commas: RegExp };
}

/** Runs Readability on a document it may rewrite; null when it finds no article. */
export function readArticle(document: Document): ReadabilityArticle | null {
  const reader = new Readability<Element>(document, { serializer: (node) => node as Element });
  countEveryComma(reader as unknown as CommaCounting);
  const article = reader.parse();
  if (!article?.content) return null;
  return { root: article.content, title: article.title ?? null, byline: article.byline ?? null, siteName: article.siteName ?? null };
}

/**
 * Readability scores paragraphs by every kind of comma (the full-width ， included), but its final
 * clean-up counts only ASCII ',' before judging a block "fishy": every Chinese block looks
 * comma-poor, and one that shows two photos is deleted however long its text. Counting the same
 * commas in both places keeps it.
 */
function countEveryComma(reader: CommaCounting): void {
  reader._getCharCount = function (element: Element): number {
    return this._getInnerText(element).match(this.REGEXPS.commas)?.length ?? 0;
  };
}
