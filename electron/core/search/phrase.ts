/**
 * Exact phrases, checked on folded text so case, diacritics, punctuation and whitespace never matter:
 * "jilin high tech" is found in "Jilin  High-tech", "吉林高新" in "吉林高新区". A regex over the folded
 * text avoids tokenizing whole clip texts, which keeps checking thousands of candidates cheap.
 */
import { isCjk, isWordChar, tokenize } from './tokenize.js';

/** Takes text already folded (see fold in tokenize.ts). */
export type PhraseMatcher = (foldedText: string) => boolean;

/** A test for the phrase's words, in order, separated by nothing but non-word characters. */
export function phraseMatcher(phrase: string): PhraseMatcher {
  const words = tokenize(phrase);
  const first = words[0];
  const last = words.at(-1);
  if (first === undefined || last === undefined) return () => false;
  const source = words.map((word, i) => (i === 0 ? '' : separator(words[i - 1] ?? '', word)) + escape(word)).join('');
  // A Latin edge must end a word ('china' is not in 'chinatown'); a CJK edge has no word boundary.
  const checkStart = !isCjk(first);
  const checkEnd = !isCjk(last);
  return (text) => {
    const pattern = new RegExp(source, 'gu');
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const end = match.index + match[0].length;
      const startsClean = !checkStart || !isWordChar(text.charAt(match.index - 1));
      const endsClean = !checkEnd || !isWordChar(text.charAt(end));
      if (startsClean && endsClean) return true;
      pattern.lastIndex = match.index + 1;
    }
    return false;
  };
}

/** CJK words are written touching each other (and Latin words), so nothing need stand between them. */
function separator(previous: string, word: string): string {
  return isCjk(previous) || isCjk(word) ? '[^\\p{L}\\p{N}]*' : '[^\\p{L}\\p{N}]+';
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
