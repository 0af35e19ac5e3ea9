import { Library } from '../../electron/core/library.js';
import { loadArticles, picker, random, seedText } from './corpus.js';
import type { BenchClip } from './corpus.js';
import { libraryBytesByPart } from './folder-bytes.js';
import type { LibraryPart } from './folder-bytes.js';

export interface WholeArticleDisk {
  clips: number;
  rawBytes: number;
  parts: Record<LibraryPart, number>;
}

/**
 * Disk for clips the length of the articles people clip. The main corpus keeps up to 8 paragraphs a
 * clip (1.9 KB of text), where each clip's fixed costs (its metadata, summary, rows, backups) weigh
 * most; here each clip is an article of the corpora whole, plus one paragraph of another so that no
 * two bodies are the same (the library keeps one clip of a text), added one at a time as in daily use.
 */
export async function wholeArticleDisk(dir: string, language: 'en' | 'zh', count: number): Promise<WholeArticleDisk> {
  const clips = wholeArticleClips(language, count);
  const library = await Library.open(dir);
  try {
    for (const clip of clips) {
      const { outcome } = await library.import({ kind: 'text', text: seedText(clip), tags: clip.tags });
      if (outcome !== 'created') throw new Error(`a whole-article clip was ${outcome}, not created: the figures would count it twice`);
    }
  } finally {
    await library.close();
  }
  const rawBytes = clips.reduce((sum, clip) => sum + Buffer.byteLength(clip.title + clip.text), 0);
  return { clips: count, rawBytes, parts: await libraryBytesByPart(dir) };
}

function wholeArticleClips(language: 'en' | 'zh', count: number): BenchClip[] {
  const articles = loadArticles()[language];
  const pick = picker(random(7));
  const texts = new Set<string>();
  while (texts.size < count) {
    const other = pick(articles).split(/\n+/).filter((line) => line.trim());
    texts.add(`${pick(articles)}\n\n${pick(other)}`);
  }
  return Array.from(texts, (text, i) => {
    const title = `${(text.split('\n')[0] ?? 'Untitled').slice(0, 80)} (${i})`;
    return { title, text, tags: [pick(['trade', 'policy', 'tech'])], source: 'The Ledger', publishedAt: '2020-01-02', language };
  });
}
