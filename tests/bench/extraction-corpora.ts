import { gunzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The extraction corpora of ../shared/corpora/README.md, read by path (never copied into the project). */
const ROOT = new URL('../../../shared/corpora/extraction/', import.meta.url).pathname;

export interface CorpusPage {
  id: string;
  /** The page as saved: gzip-inflated UTF-8 for aeb, raw undecoded bytes for cwced (charset detection is tested). */
  bytes: Uint8Array;
  url: string | undefined;
  truth: { body: string; author: string | null; date: string | null };
}

export type Half = 'even' | 'odd';

/** The pages at even or odd positions (of sorted ids): a rule written against one half is checked on the other. */
export function half<T>(pages: readonly T[], which: Half): T[] {
  return pages.filter((_, i) => i % 2 === (which === 'even' ? 0 : 1));
}

/** Sorted by id, as every corpus here is, so the halves stay the same from run to run. */
export function aebPages(): CorpusPage[] {
  const truthJson = readFileSync(join(ROOT, 'aeb/ground-truth.json'), 'utf8');
  const truth = JSON.parse(truthJson) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, page]) => {
    const bytes = gunzipSync(readFileSync(join(ROOT, 'aeb/html', `${id}.html.gz`)));
    return { id, bytes, url: page.url, truth: { body: page.articleBody, author: null, date: statedPublishedDay(bytes.toString('utf8')) } };
  });
}

/**
 * aeb has no date truth; this is the day the page's markup states as published (article:published_time,
 * else the first JSON-LD datePublished), read here by pattern, apart from Clipdesk's code: what a clip of
 * the page should show. Placeholder years (0001) count as no statement.
 */
function statedPublishedDay(html: string): string | null {
  const meta = /<meta[^>]+(?:property|name)=["']article:published_time["'][^>]*>/i.exec(html)?.[0];
  const stated = (meta && /content=["']([^"']+)/i.exec(meta)?.[1]) ?? /"datePublished"\s*:\s*"([^"]+)"/.exec(html)?.[1];
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(stated?.trim() ?? '');
  return day && Number(day[1]) >= 1900 ? day[0] : null;
}

export function cwcedPages(): CorpusPage[] {
  const dir = join(ROOT, 'cwced-dev');
  return readdirSync(join(dir, 'original')).filter((name) => name.endsWith('.html')).sort().map((name) => {
    const id = name.slice(0, -'.html'.length);
    return {
      id,
      bytes: readFileSync(join(dir, 'original', name)),
      url: undefined,
      truth: {
        body: readFileSync(join(dir, 'cleaned', `${id}.txt`), 'utf8'),
        author: known(join(dir, 'author', `${id}.txt`)),
        date: known(join(dir, 'date', `${id}.txt`)),
      },
    };
  });
}

/** The file's text, or null where the ground truth says it is unknown (one file misspells UNKNOWN). */
function known(path: string): string | null {
  const text = readFileSync(path, 'utf8').trim();
  return text === '' || /^UNK/i.test(text) ? null : text;
}
