import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

export interface BaselineArticle {
  title: string;
  text: string;
  byline: string | null;
  publishedTime: string | null;
}

// Pages log CSS and script errors by the hundred; they are noise for a benchmark.
const quiet = new VirtualConsole();
const NOTHING: BaselineArticle = { title: '', text: '', byline: null, publishedTime: null };

/**
 * Mozilla Readability over jsdom: what most clipping tools use, the extraction baseline. A page it
 * cannot handle yields nothing: jsdom's CSS parser throws on one aeb page's Sass leftovers in <style>.
 */
export function readabilityExtract(html: string, url: string | undefined): BaselineArticle {
  let dom: JSDOM;
  try {
    dom = new JSDOM(html, { url: url ?? 'https://example.invalid/', virtualConsole: quiet });
  } catch {
    return NOTHING;
  }
  try {
    const article = new Readability(dom.window.document).parse();
    return {
      title: article?.title ?? '',
      text: article?.textContent ?? '',
      byline: article?.byline ?? null,
      publishedTime: article?.publishedTime ?? null,
    };
  } finally {
    dom.window.close();
  }
}
