/**
 * The body-text metric of ../shared/corpora/README.md, as upstream article-extraction-benchmark's
 * evaluate.py computes it: `\w+` tokens, 4-token shingles counted as a multiset, per-page precision and
 * recall, each averaged over pages, F1 from the two averages. For Chinese every Han / kana / hangul
 * character is its own token, since `\w+` would glue a whole sentence into one token.
 */

// Python's Unicode `\w+` (letters, digits, underscore); a CJK character inside a run is a token of its own.
const WORD_RUN = /[\p{L}\p{N}_]+/gu;
const CJK_CHAR = /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])/u;
const N = 4;

export function tokens(text: string): string[] {
  const out: string[] = [];
  // split() with a capturing group keeps the CJK characters it splits at: 'GDP增长' -> GDP, 增, 长.
  for (const [run] of text.matchAll(WORD_RUN)) out.push(...run.split(CJK_CHAR).filter(Boolean));
  return out;
}

/** Shingle -> count. A text shorter than N tokens is one shingle of what it has (upstream's rule). */
export function shingles(text: string): Map<string, number> {
  const list = tokens(text);
  const counts = new Map<string, number>();
  if (list.length === 0) return counts;
  for (let i = 0; i < Math.max(1, list.length - N + 1); i++) {
    const shingle = list.slice(i, i + N).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number;
  recall: number;
}

/** Empty output scores precision 0 and recall 0, unless the truth is empty too (then 1 and 1). */
export function scorePage(ours: string, truth: string): PageScore {
  const got = shingles(ours);
  const want = shingles(truth);
  if (got.size === 0 && want.size === 0) return { precision: 1, recall: 1 };
  let common = 0;
  let gotTotal = 0;
  let wantTotal = 0;
  for (const [shingle, count] of got) {
    gotTotal += count;
    common += Math.min(count, want.get(shingle) ?? 0);
  }
  for (const count of want.values()) wantTotal += count;
  return { precision: gotTotal === 0 ? 0 : common / gotTotal, recall: wantTotal === 0 ? 1 : common / wantTotal };
}

/** Mean precision and recall over pages, and F1 of the two means (upstream's definition). */
export function summarize(scores: readonly PageScore[]): { precision: number; recall: number; f1: number } {
  const precision = mean(scores.map((s) => s.precision));
  const recall = mean(scores.map((s) => s.recall));
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
