/**
 * Text -> search terms. Every piece of text (documents, queries, phrases, snippets) is folded the same
 * way, so case, width, diacritics and Unicode composition never decide whether something matches.
 */

// One segmenter per process: they are costly to create. The 'zh' dictionary also splits the English
// words of mixed Chinese/English text, so one locale serves the whole library.
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
// Scripts written without spaces between words: only these need the (slow) dictionary segmenter.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
// A run of letters and digits, kept whole across an apostrophe (don't) or a decimal point (3.14).
const WORD = /[\p{L}\p{N}]+(?:(?:['’](?=\p{L})|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** NFKC, lower case, diacritics stripped: 'Ｃafé' -> 'cafe', 'Zürich' -> 'zurich'. */
export function fold(text: string): string {
  // The final NFC recomposes what NFD split but is not a mark (Hangul syllables).
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** True for Chinese characters and Japanese kana, which are written without spaces between words. */
export function isCjk(text: string): boolean {
  return CJK.test(text);
}

interface Word {
  text: string;
  start: number;
}

/**
 * The words of folded text. Intl.Segmenter costs ~5 µs a word, so spaced scripts are split by a regex
 * and only runs of unspaced scripts (Chinese, Japanese, Thai...) go through the segmenter.
 */
function* words(folded: string): Generator<Word> {
  for (const match of folded.matchAll(WORD)) {
    const start = match.index ?? 0;
    if (!UNSPACED.test(match[0])) {
      yield { text: match[0], start };
      continue;
    }
    for (const segment of wordSegmenter.segment(match[0])) {
      if (segment.isWordLike) yield { text: segment.segment, start: start + segment.index };
    }
  }
}

/** The folded words of a text: '中国医药 Jilin' -> ['中国', '医药', 'jilin']. */
export function tokenize(text: string): string[] {
  return Array.from(words(fold(text)), (word) => word.text);
}

/** A word, or a run of adjacent CJK words with the words it was made of. */
interface Piece {
  text: string;
  parts: string[];
  cjk: boolean;
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let previousEnd = -1;
  for (const word of words(fold(text))) {
    const cjk = isCjk(word.text);
    const last = out.at(-1);
    if (cjk && last?.cjk && previousEnd === word.start) {
      last.text += word.text;
      last.parts.push(word.text);
    } else {
      out.push({ text: word.text, parts: [word.text], cjk });
    }
    previousEnd = word.start + word.text.length;
  }
  return out;
}

/** Overlapping character pairs: '高新区' -> ['高新', '新区']; a single character stays itself. */
function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

function isSingleChar(text: string): boolean {
  return Array.from(text).length === 1;
}

/**
 * The terms a document is indexed under, in text order so phrases can be matched by position. The
 * segmenter splits the same Chinese string differently in different contexts (吉林高新区 -> 吉林/高/新/区),
 * so CJK runs are indexed as character bigrams: any two-character word is then found wherever its
 * characters stand together. Single-character words are kept too, so a one-character query can match
 * a one-character word; they go last, where they cannot break the adjacency of the bigrams.
 */
export function indexTerms(text: string): string[] {
  const ordered: string[] = [];
  const singles: string[] = [];
  for (const piece of pieces(text)) {
    if (!piece.cjk) {
      ordered.push(piece.text);
      continue;
    }
    ordered.push(...bigrams(piece.text));
    if (!isSingleChar(piece.text)) singles.push(...piece.parts.filter(isSingleChar));
  }
  return [...ordered, ...singles];
}

/** The terms a query word must all match: its words, with CJK runs as bigrams (see indexTerms). */
export function queryTerms(text: string): string[] {
  return pieces(text).flatMap((piece) => (piece.cjk ? bigrams(piece.text) : [piece.text]));
}
