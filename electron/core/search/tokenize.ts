/**
 * Text -> search terms. Every piece of text (documents, queries, phrases, snippets) is folded the same
 * way, so case, width, diacritics and Unicode composition never decide whether something matches.
 */

import { fold } from '../../shared/fold.js';

// One segmenter per process: they are costly to create. ICU picks the dictionary by script, so one
// serves Thai, Lao, Khmer and Burmese alike.
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Chinese characters and Japanese kana: scripts whose words touch, searched as character pairs. */
export const CJK_SCRIPTS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;
const CJK = new RegExp(`[${CJK_SCRIPTS}]`, 'u');
// Scripts written without spaces between words.
const UNSPACED = new RegExp(String.raw`[${CJK_SCRIPTS}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]`, 'u');
// A run of letters and digits, kept whole across an apostrophe (don't) or a decimal point (3.14).
const WORD = /[\p{L}\p{N}]+(?:(?:['’](?=\p{L})|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** True for Chinese characters and Japanese kana, which are written without spaces between words. */
export function isCjk(text: string): boolean {
  return CJK.test(text);
}

/** A word, or a run of CJK characters. */
interface Piece {
  text: string;
  cjk: boolean;
}

// A run of Chinese or Japanese characters, or a run of anything else.
const CJK_OR_OTHER = new RegExp(`[${CJK_SCRIPTS}]+|[^${CJK_SCRIPTS}]+`, 'gu');

/**
 * The words of a text, folded. Spaced scripts are split by a regex; a run of Chinese or Japanese stays
 * whole (it is indexed as character pairs, which need no word boundaries); only other scripts written
 * without spaces (Thai, Khmer...) go through Intl.Segmenter, which is far slower per word than a regex.
 */
function pieces(text: string): Piece[] {
  const found: Piece[] = [];
  for (const word of fold(text).match(WORD) ?? []) {
    if (!UNSPACED.test(word)) found.push({ text: word, cjk: false });
    else unspacedPieces(word, found);
  }
  return found;
}

/** The pieces of a word with characters of scripts written without spaces, added to `found`. */
function unspacedPieces(word: string, found: Piece[]): void {
  for (const part of word.match(CJK_OR_OTHER) ?? []) {
    if (isCjk(part)) found.push({ text: part, cjk: true });
    else if (!UNSPACED.test(part)) found.push({ text: part, cjk: false });
    else {
      for (const segment of wordSegmenter.segment(part)) {
        if (segment.isWordLike) found.push({ text: segment.segment, cjk: false });
      }
    }
  }
}

/** Overlapping character pairs: '高新区' -> ['高新', '新区']; a single character stays itself. */
function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

/**
 * The terms a document is indexed under, in text order so phrases can be matched by position. CJK
 * runs are indexed as character pairs, so any two-character word is found wherever its characters
 * stand together, with no dictionary (which splits the same string differently in different contexts).
 * A run's last character is also kept on its own (at the end, where it cannot break the adjacency of
 * the pairs): with the pairs it starts, every character can then be found alone (see fts-query.ts).
 */
export function indexTerms(text: string): string[] {
  const ordered: string[] = [];
  const lastChars: string[] = [];
  for (const piece of pieces(text)) {
    if (!piece.cjk) {
      ordered.push(piece.text);
      continue;
    }
    const chars = Array.from(piece.text);
    ordered.push(...bigrams(piece.text));
    if (chars.length > 1) lastChars.push(chars.at(-1) ?? '');
  }
  return [...ordered, ...lastChars];
}

/** The terms a query word must all match: its words, with CJK runs as bigrams (see indexTerms). */
export function queryTerms(text: string): string[] {
  return pieces(text).flatMap((piece) => (piece.cjk ? bigrams(piece.text) : [piece.text]));
}
