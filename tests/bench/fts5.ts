import type { Database } from 'better-sqlite3';
import { bindingOption, sqliteDriver } from '../../electron/core/sqlite-driver.js';
import type { Sqlite } from '../../electron/core/sqlite-driver.js';
import type { BenchClip } from './corpus.js';
import type { BenchQuery } from './queries.js';

/**
 * The search baseline: SQLite FTS5 through better-sqlite3, loaded with the same clips (title, text,
 * tags, source, notes) and asked the same queries, with the settings a desktop app would pick:
 *   - WAL journal, synchronous=NORMAL, the file memory-mapped as Clipdesk's catalog is (p50 7% faster
 *     here, p95 the same);
 *   - unicode61 tokenizer (case and diacritics folded) with prefix indexes for 1-3 characters, so
 *     "c", "ch", "chi" typed key by key stay index lookups;
 *   - Chinese pre-segmented with Intl.Segmenter('zh') (words joined by spaces) and queries segmented
 *     the same way into a phrase: FTS5 has no Chinese tokenizer, and trigram cannot find 2-char words.
 * Each query returns the top 20 by bm25 with a snippet, what the app shows.
 */

/** The driver, or the reason it cannot load here (the bench then reports Clipdesk's figures alone). */
export function loadSqlite(): Sqlite | string {
  try {
    const Driver = sqliteDriver();
    new Driver(':memory:', bindingOption()).exec("create virtual table probe using fts5(x)");
    return Driver;
  } catch (error) {
    return `SQLite FTS5 baseline unavailable (better-sqlite3: ${(error as Error).message.split('\n')[0]}); figures below have no baseline`;
  }
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;

/** Han runs split into words separated by spaces, so unicode61 sees one token per word. */
export function segmented(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${Array.from(segmenter.segment(run), (s) => s.segment).join(' ')} `);
}

export const SCHEMA = `
  create virtual table clips using fts5(
    title, text, tags, source, notes, cid unindexed, published unindexed,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
  );`;

export function openBaseline(Driver: Sqlite, file: string): Database {
  const db = new Driver(file, bindingOption());
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('mmap_size = 2147418112');
  return db;
}

export function loadClips(db: Database, clips: readonly BenchClip[], ids: readonly string[]): void {
  db.exec(SCHEMA);
  const insert = db.prepare('insert into clips (title, text, tags, source, notes, cid, published) values (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    clips.forEach((clip, i) => {
      insert.run(segmented(clip.title), segmented(clip.text), clip.tags.join(' '), clip.source, '', ids[i], clip.publishedAt);
    });
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** The MATCH expression and extra SQL condition that ask FTS5 what the Clipdesk query asks. */
export function toFts(query: BenchQuery): { match: string; after: string | null } {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const parts = query.words.map((word, i) => {
    const text = query.kind === 'zh' ? segmented(word).trim() : word;
    return i === query.words.length - 1 && query.kind !== 'zh' ? `${quote(text)}*` : quote(text);
  });
  // Clipdesk's phrases match the title or the text only.
  if (query.phrase) parts.push(`{title text} : ${quote(query.phrase)}`);
  if (query.tag) parts.push(`tags : ${quote(query.tag)}`);
  return { match: parts.join(' AND '), after: query.after ?? null };
}

export interface FtsSearch {
  top(query: BenchQuery): unknown[];
  /** Every matching clip id, for comparing result membership. */
  all(query: BenchQuery): string[];
}

export function ftsSearch(db: Database): FtsSearch {
  const top = db.prepare(`select cid, title, snippet(clips, 1, '', '', '…', 16) as snippet from clips
    where clips match ? and (? is null or published >= ?) order by rank limit 20`);
  const all = db.prepare('select cid from clips where clips match ? and (? is null or published >= ?)').pluck();
  return {
    top: (query) => {
      const { match, after } = toFts(query);
      return top.all(match, after, after);
    },
    all: (query) => {
      const { match, after } = toFts(query);
      return all.all(match, after, after) as string[];
    },
  };
}
