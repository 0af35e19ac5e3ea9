import search from 'approx-string-match';

/** An approximate match, in UTF-16 units; `errors` is its edit distance to the pattern. */
export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The matches of `pattern` in `text` with the fewest errors, if that is at most `maxErrors` (Myers'
 * bit-parallel algorithm, linear in the text). Works on UTF-16 units, so an astral character counts
 * as two: callers snap the results to code points.
 */
export function fuzzySearch(text: string, pattern: string, maxErrors: number): FuzzyMatch[] {
  if (pattern === '') return [];
  // More errors than pattern characters would let anything match; the library expects no such budget.
  return search(text, pattern, Math.min(maxErrors, pattern.length));
}

/**
 * How well `expected` survives in `actual`, from 0 (nothing) to 1 (verbatim): one minus the edit
 * distance of its best match in `actual`, per character of `expected`.
 */
export function similarity(expected: string, actual: string): number {
  if (expected === '' || actual === '') return expected === actual ? 1 : 0;
  const errors = expected.length <= 32 ? fewestErrors(actual, expected) : fuzzySearch(actual, expected, expected.length)[0]?.errors;
  return errors === undefined ? 0 : 1 - errors / expected.length;
}

/**
 * The edit distance of the best match of `pattern` (at most 32 units) anywhere in `text`: Myers'
 * algorithm for one machine word. Anchoring scores the context of every candidate with this, so it
 * skips what the library's search also does (finding where matches start), which costs many times more.
 */
export function fewestErrors(text: string, pattern: string): number {
  const equal = new Map<number, number>(); // bit i set where pattern[i] is that character
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    equal.set(code, (equal.get(code) ?? 0) | (1 << i));
  }
  const last = 1 << (pattern.length - 1);
  let positive = -1; // vertical deltas +1 (all, for the first column)
  let negative = 0; // vertical deltas -1
  let errors = pattern.length;
  let fewest = errors;
  for (let j = 0; j < text.length; j++) {
    const eq = equal.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | negative;
    const xh = (((eq & positive) + positive) ^ positive) | eq;
    let ph = negative | ~(xh | positive);
    let mh = positive & xh;
    if (ph & last) errors++;
    else if (mh & last) errors--;
    // No carry into the first row: a match may start anywhere in the text at no cost.
    ph <<= 1;
    mh <<= 1;
    positive = mh | ~(xv | ph);
    negative = ph & xv;
    fewest = Math.min(fewest, errors);
  }
  return fewest;
}
