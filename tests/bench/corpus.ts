import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deterministic clips for benchmarks, made from real article texts in ../shared/corpora (80% English
 * from the article-extraction benchmark, 20% Chinese from the CWCED pages), used by path, never copied.
 */
const CORPORA = new URL('../../../shared/corpora/extraction/', import.meta.url).pathname;
const TAGS = ['trade', 'china', 'energy', 'health', 'markets', 'policy', 'tech', 'climate', 'security', 'asia', 'europe', 'labour'];
const SOURCES = ['Harbour Daily', 'The Ledger', 'Xinhua', 'People Daily', 'Reuters', 'Caixin', 'Financial Review', 'Sina News'];

/** The share of English clips in a generated library; the rest are Chinese. */
export const ENGLISH_SHARE = 0.8;

export interface BenchClip {
  title: string;
  text: string;
  tags: string[];
  source: string;
  publishedAt: string;
  language: 'en' | 'zh';
}

/** The English corpus's pages as its ground truth describes them. */
function englishPages(): EnglishPage[] {
  return Object.values(JSON.parse(readFileSync(join(CORPORA, 'aeb/ground-truth.json'), 'utf8')) as Record<string, EnglishPage>);
}

interface EnglishPage {
  articleBody: string;
  url: string;
}

export function loadArticles(): { en: string[]; zh: string[] } {
  const en = englishArticles().map((article) => article.text);
  const cleaned = join(CORPORA, 'cwced-dev/cleaned');
  const zh = readdirSync(cleaned).sort().map((name) => readFileSync(join(cleaned, name), 'utf8')).filter((text) => text.length > 200);
  return { en, zh };
}

/** The English corpus's articles of more than 150 words, each with the address of its page. */
export function englishArticles(): Array<{ text: string; url: string }> {
  return englishPages().filter((page) => page.articleBody.split(/\s+/).length > 150).map((page) => ({ text: page.articleBody, url: page.url }));
}

/** The addresses of the English corpus's pages: most end in their headline's words. */
export function articleAddresses(): string[] {
  return englishPages().map((page) => page.url);
}

/** Mulberry32: a tiny seeded PRNG, so every run builds the same library. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an item of a list with the given PRNG. */
export function picker(next: () => number): <T>(list: readonly T[]) => T {
  return <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
}

export function* generateClips(count: number, seed = 42): Generator<BenchClip> {
  const articles = loadArticles();
  const next = random(seed);
  const pick = picker(next);
  // Every body is distinct: the library treats a clip with the same text as the same clip.
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const language = next() < ENGLISH_SHARE ? 'en' : 'zh';
    let body: string[];
    do {
      // Up to 8 paragraphs drawn in random order from two articles: about 1.9 KB of real prose a clip.
      const pool = paragraphsOf(pick(articles[language])).concat(paragraphsOf(pick(articles[language])));
      body = Array.from({ length: Math.min(8, pool.length) }, () => pool.splice(Math.floor(next() * pool.length), 1)[0] ?? '');
    } while (seen.has(body.join('\n\n')));
    seen.add(body.join('\n\n'));
    const title = `${(body[0] ?? 'Untitled').slice(0, 80)} (${i})`;
    const tags = [pick(TAGS), pick(TAGS)].filter((tag, n, all) => all.indexOf(tag) === n);
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10);
    yield { title, text: body.join('\n\n'), tags, source: pick(SOURCES), publishedAt: day, language };
  }
}

function paragraphsOf(text: string): string[] {
  return text.split(/\n+/).map((line) => line.trim()).filter((line) => line.length > 0);
}

/**
 * The clip as a plain-text clipping in the seed format (design.md), so importing it through the
 * facade keeps its source and date: `after:` filters then have real dates to work on.
 */
export function seedText(clip: BenchClip): string {
  return `${clip.title}\n\n来源: ${clip.source}   时间: ${clip.publishedAt} 09:00\n${clip.text}`;
}
