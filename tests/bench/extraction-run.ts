import { decodeHtml } from '../../electron/core/clip/decode/charset.js';
import { clipFromFileBytes, clipFromHtml } from '../../electron/core/clip/index.js';
import type { CorpusPage } from './extraction-corpora.js';
import { readabilityExtract } from './readability-baseline.js';
import { scorePage, summarize } from './shingles.js';
import type { PageScore } from './shingles.js';

const CLEAN = 0.9;

export interface Extracted {
  text: string;
  author: string | null;
  date: string | null;
}

export type Extractor = (page: CorpusPage) => Extracted;

/**
 * Clipdesk's extraction as the app runs it: pages with a known address through clipFromHtml, saved
 * files through the file-bytes path, so charset detection runs on the undecoded bytes either way.
 */
export const clipdesk: Extractor = (page) => {
  const clip = page.url ? clipFromHtml(page.bytes, { url: page.url }) : clipFromFileBytes(`${page.id}.html`, page.bytes);
  return { text: clip.text, author: clip.byline, date: clip.publishedAt ?? clip.publishedText };
};

/** Readability + jsdom given correctly decoded text (Clipdesk's charset detection, so only extraction differs). */
export const readability: Extractor = (page) => {
  const article = readabilityExtract(decodeHtml(page.bytes).text, page.url);
  return { text: article.text, author: article.byline, date: article.publishedTime };
};

/** Runs an extractor over pages; a page it fails on scores as empty output. slowestMs: the longest page. */
export function runExtractor(extract: Extractor, pages: readonly CorpusPage[]): { outputs: Extracted[]; ms: number; slowestMs: number } {
  let slowestMs = 0;
  const start = performance.now();
  const outputs = pages.map((page) => {
    const pageStart = performance.now();
    try {
      return extract(page);
    } catch {
      return { text: '', author: null, date: null };
    } finally {
      slowestMs = Math.max(slowestMs, performance.now() - pageStart);
    }
  });
  return { outputs, ms: performance.now() - start, slowestMs };
}

export function bodyScores(pages: readonly CorpusPage[], outputs: readonly Extracted[]): ReturnType<typeof summarize> {
  return summarize(pageScores(pages, outputs));
}

export function pageScores(pages: readonly CorpusPage[], outputs: readonly Extracted[]): PageScore[] {
  return pages.map((page, i) => scorePage(outputs[i]?.text ?? '', page.truth.body));
}

/** A clean page has (nearly) every expected passage and (nearly) no boilerplate: recall and precision both >= 0.9. */
export function cleanCount(scores: readonly PageScore[]): number {
  return scores.filter((s) => s.recall >= CLEAN && s.precision >= CLEAN).length;
}
