import { Library } from '../../electron/core/library.js';
import { englishArticles, seedText } from './corpus.js';
import type { BenchClip } from './corpus.js';
import { ftsSearch, loadClips, openBaseline } from './fts5.js';
import type { Sqlite } from '../../electron/core/sqlite-driver.js';
import { headlineQueries } from './queries.js';
import type { BenchQuery } from './queries.js';

export interface KnownItemRanking {
  clips: number;
  queries: number;
  /** Mean reciprocal rank of the story's clip among the top 20 (0 when it is not there). */
  ours: number;
  theirs: number | null;
}

/**
 * Ranking, as someone looking for a story they read finds it again: each English article of the
 * corpora is a clip, whole, and the first one, two and three words of its headline (from its page's
 * address, as the headline query set types them, the last one still a prefix) are the query. What
 * counts is where that story's clip ranks: the mean reciprocal rank in the top 20, Clipdesk's against
 * FTS5's BM25 over the same clips. Nobody wrote these queries for this library.
 */
export async function knownItemRanking(dir: string, Driver: Sqlite | null, ftsFile: string): Promise<KnownItemRanking> {
  const articles = englishArticles();
  const clips = articles.map((article, i): BenchClip => ({
    title: `${(article.text.split('\n')[0] ?? '').slice(0, 80)} (${i})`, text: article.text, tags: [], source: 'The Ledger',
    publishedAt: '2020-01-02', language: 'en',
  }));
  const queries = articles.flatMap((article, story) => headlineQueries(article.url).map((query) => ({ query, story })));
  const library = await Library.open(dir);
  const db = Driver ? openBaseline(Driver, ftsFile) : null;
  try {
    const ids = (await library.importMany(clips.map((clip) => ({ kind: 'text' as const, text: seedText(clip) })))).map((result) => {
      if (result.outcome === 'failed') throw new Error(`a story of the known-item set failed to import: ${result.reason}`);
      return result.clip.id;
    });
    if (db) loadClips(db, clips, clips.map((_, i) => String(i)));
    const fts = db ? ftsSearch(db) : null;
    const ours = async (query: BenchQuery) => (await library.search(query.text, { limit: 20 })).hits.map((hit) => hit.clip.id);
    const theirs = fts ? async (query: BenchQuery) => (fts.top(query) as Array<{ cid: string }>).map((row) => ids[Number(row.cid)]) : null;
    return {
      clips: clips.length,
      queries: queries.length,
      ours: await meanReciprocalRank(queries, ids, ours),
      theirs: theirs ? await meanReciprocalRank(queries, ids, theirs) : null,
    };
  } finally {
    db?.close();
    await library.close();
  }
}

async function meanReciprocalRank(
  queries: ReadonlyArray<{ query: BenchQuery; story: number }>,
  ids: readonly string[],
  top: (query: BenchQuery) => Promise<Array<string | undefined>>,
): Promise<number> {
  let sum = 0;
  for (const { query, story } of queries) {
    const rank = (await top(query)).indexOf(ids[story]) + 1;
    sum += rank > 0 ? 1 / rank : 0;
  }
  return sum / Math.max(1, queries.length);
}
