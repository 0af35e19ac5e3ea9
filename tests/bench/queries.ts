import type { BenchClip } from './corpus.js';
import { articleAddresses, random } from './corpus.js';

/**
 * A query as typed into the search bar, with its parts kept apart so the FTS5 baseline can be given
 * the same request (fts5.ts) without parsing Clipdesk's query language a second time.
 */
export interface BenchQuery {
  text: string;
  kind: 'prefix' | 'words' | 'phrase' | 'tag' | 'after' | 'zh';
  /** Bare words, all required; the last one is still being typed (a prefix), as in the app. */
  words: string[];
  phrase?: string;
  tag?: string;
  after?: string;
}

/**
 * Realistic queries, drawn from the clips themselves so they find something: words typed one key at a
 * time ("c", "ch", "chi", "chin"), 1-3 words, phrases, tag: and after: filters, Chinese 2- and 4-char words.
 */
export function makeQueries(clips: readonly BenchClip[], count: number, seed = 7): BenchQuery[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const clip = pick(clips);
    if (!clip) break;
    const roll = next();
    if (clip.language === 'zh') {
      const han = hanWord(clip.text, next() < 0.5 ? 2 : 4, next);
      if (han) queries.push({ text: han, kind: 'zh', words: [han] });
      continue;
    }
    const words = clip.text.split(/[^\p{L}\p{N}]+/u).filter((word) => /^[a-z]{3,}$/i.test(word)).map((word) => word.toLowerCase());
    const at = Math.floor(next() * Math.max(1, words.length - 3));
    const word = words[at];
    if (!word) continue;
    if (roll < 0.3) {
      for (let n = 1; n <= Math.min(4, word.length); n++) {
        const prefix = word.slice(0, n);
        queries.push({ text: prefix, kind: 'prefix', words: [prefix] });
      }
    } else if (roll < 0.6) {
      const some = words.slice(at, at + 1 + Math.floor(next() * 3));
      queries.push({ text: some.join(' '), kind: 'words', words: some });
    } else if (roll < 0.75) {
      const phrase = words.slice(at, at + 2).join(' ');
      queries.push({ text: `"${phrase}"`, kind: 'phrase', words: [], phrase });
    } else if (roll < 0.9) {
      const tag = clip.tags[0] ?? 'trade';
      queries.push({ text: `tag:${tag} ${word}`, kind: 'tag', words: [word], tag });
    } else {
      const after = clip.publishedAt.slice(0, 4) + '-01-01';
      queries.push({ text: `after:${after} ${word}`, kind: 'after', words: [word], after });
    }
  }
  return queries.slice(0, count);
}

/** A run of `length` Han characters from the text, or null when the spot drawn has none. */
function hanWord(text: string, length: number, next: () => number): string | null {
  const start = Math.floor(next() * Math.max(1, text.length - length));
  const slice = text.slice(start, start + length);
  return new RegExp(`^\\p{Script=Han}{${length}}$`, 'u').test(slice) ? slice : null;
}

/** Words of a headline this many or more: shorter address segments are sections or ids, not headlines. */
const HEADLINE_WORDS = 4;

/**
 * Another query set, not drawn from the clips' text: the first one, two and three words of the headlines
 * in the corpus pages' addresses (`…/new-york-state-attorney-general-investigating-wework/`), as someone
 * looking for a story they read types them. Most match no clip or a few, since a clip holds up to 8
 * paragraphs of its article: the case where the FTS5 baseline is fastest.
 */
export function makeHeadlineQueries(): BenchQuery[] {
  return articleAddresses().flatMap(headlineQueries);
}

/**
 * The first one, two and three words of the headline a page's address ends in, as queries; none when
 * the address holds no headline of HEADLINE_WORDS words or more.
 */
export function headlineQueries(address: string): BenchQuery[] {
  const segment = new URL(address).pathname.split('/').filter(Boolean).at(-1) ?? '';
  const words = segment.replace(/\.html?$/, '').split('-').filter((word) => /^[a-z]{3,}$/.test(word));
  if (words.length < HEADLINE_WORDS) return [];
  return [1, 2, 3].map((n): BenchQuery => ({ text: words.slice(0, n).join(' '), kind: 'words', words: words.slice(0, n) }));
}
