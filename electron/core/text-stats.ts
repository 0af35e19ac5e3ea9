const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const EXCERPT_LENGTH = 200;
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'it']);

/** Words for reading-time and stats: each Han/kana character is one word, other scripts count runs of letters. */
export function countWords(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const rest = text.replace(CJK_CHAR, ' ').match(WORD)?.length ?? 0;
  return cjk + rest;
}

/** About 200 characters from the start of the text, cut at a word boundary when there is one. */
export function makeExcerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= length) return flat;
  const cut = chars.slice(0, length).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > length * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A guess from the letters of the text: 'zh', 'ja', 'ko', 'en' or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const kana = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const hangul = sample.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (kana > letters * 0.05) return 'ja';
  if (hangul > letters * 0.3) return 'ko';
  if (han > letters * 0.3) return 'zh';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  return words.length >= 5 && english > words.length * 0.08 ? 'en' : null;
}
