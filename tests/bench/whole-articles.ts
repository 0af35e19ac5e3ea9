import { Library } from '../../electron/core/library.js';
import { ENGLISH_SHARE, loadArticles, picker, random, seedText } from './corpus.js';
import type { BenchClip } from './corpus.js';
import { catalogAtRest, libraryBytesByPart } from './folder-bytes.js';
import type { ByPart } from './folder-bytes.js';
import { ftsSearch, loadClips, openBaseline } from './fts5.js';
import type { Sqlite } from '../../electron/core/sqlite-driver.js';
import { makeQueries } from './queries.js';
import { timeAlternating } from './query-timing.js';
import type { QueryTimes } from './query-timing.js';

export interface WholeArticleLibrary {
  dir: string;
  clips: BenchClip[];
  rawBytes: number;
  /** What each part takes: its files' bytes, and the space the file system gave them. */
  parts: ByPart;
  allocated: ByPart;
}

/**
 * A library of clips the length of the articles people clip, for its disk and its search. The main
 * corpus keeps up to 8 paragraphs a clip (1.9 KB of text), where each clip's fixed costs (its metadata,
 * summary, rows, backups) weigh most; here each clip is an article of the corpora whole, plus one
 * paragraph of another so that no two bodies are the same (the library keeps one clip of a text),
 * added one at a time as in daily use, or in batches as an import adds them.
 */
export async function wholeArticleLibrary(
  dir: string,
  clips: BenchClip[],
  added: 'one at a time' | 'in batches',
): Promise<WholeArticleLibrary> {
  const library = await Library.open(dir);
  let created: BenchClip[];
  try {
    created = await importClips(library, clips, added);
    await catalogAtRest(dir, 30 * 60_000);
  } finally {
    await library.close();
  }
  const rawBytes = created.reduce((sum, clip) => sum + Buffer.byteLength(clip.title + clip.text), 0);
  const taken = await libraryBytesByPart(dir);
  return { dir, clips: created, rawBytes, parts: taken.bytes, allocated: taken.allocated };
}

/**
 * The clips the library took as new. Two texts that differ only in a closing line in parentheses are
 * one clip (the seed format reads that line as the byline): the copy is not counted twice.
 */
async function importClips(library: Library, clips: BenchClip[], added: 'one at a time' | 'in batches'): Promise<BenchClip[]> {
  const inputs = clips.map((clip) => ({ kind: 'text' as const, text: seedText(clip), tags: clip.tags }));
  const outcomes: string[] = [];
  if (added === 'in batches') outcomes.push(...(await library.importMany(inputs)).map((result) => result.outcome));
  else for (const input of inputs) outcomes.push((await library.import(input)).outcome);
  if (outcomes.includes('failed')) throw new Error('a whole-article clip failed to import');
  return clips.filter((_, i) => outcomes[i] === 'created');
}

/** Queries asked of each whole-article library: enough for a p95, few enough that most hits are still read from disk. */
const SEARCHES = 200;

/**
 * Search over a whole-article library against FTS5 loaded with the same clips (in `ftsFile`), each
 * query asked once of both, taking turns, in a library just opened: a hit's text (6 KB of English or
 * 14 KB of Chinese, each with its HTML) is read from its body file the first time it is shown, as in
 * a person's first searches of a session, where the main set's clips hold 1.9 KB.
 */
export async function wholeArticleSearch(
  whole: WholeArticleLibrary,
  Driver: Sqlite | null,
  ftsFile: string,
): Promise<{ ours: QueryTimes; theirs: QueryTimes | null }> {
  const library = await Library.open(whole.dir);
  const db = Driver ? openBaseline(Driver, ftsFile) : null;
  try {
    if (db) loadClips(db, whole.clips, whole.clips.map((_, i) => String(i)));
    const fts = db ? ftsSearch(db) : null;
    const theirs = fts ? async (query: Parameters<typeof fts.top>[0]) => fts.top(query) : null;
    return await timeAlternating(makeQueries(whole.clips, SEARCHES), (query) => library.search(query.text, { limit: 20 }), theirs);
  } finally {
    db?.close();
    await library.close();
  }
}

/**
 * `count` clips of a whole article each, in one language or mixed as the main corpus is. Their text is
 * 6.1 KB for English and 14 KB for Chinese on average.
 */
export function wholeArticleClips(language: 'en' | 'zh' | 'mixed', count: number): BenchClip[] {
  const articles = loadArticles();
  const next = random(7);
  const pick = picker(next);
  const texts = new Map<string, 'en' | 'zh'>();
  while (texts.size < count) {
    const clipLanguage = language === 'mixed' ? (next() < ENGLISH_SHARE ? 'en' : 'zh') : language;
    const other = pick(articles[clipLanguage]).split(/\n+/).filter((line) => line.trim());
    texts.set(`${pick(articles[clipLanguage])}\n\n${pick(other)}`, clipLanguage);
  }
  return Array.from(texts, ([text, clipLanguage], i) => {
    const title = `${(text.split('\n')[0] ?? 'Untitled').slice(0, 80)} (${i})`;
    const tags = [pick(['trade', 'policy', 'tech'])];
    return { title, text, tags, source: 'The Ledger', publishedAt: '2020-01-02', language: clipLanguage };
  });
}
