import type { DateLabel } from './date-label.js';

/**
 * Three dated lines in a row list things: other stories (`相关新闻`, `More stories`) or comments,
 * each with its own date. Two may still be a dateline's published and updated days.
 */
const LIST_LINES = 3;

/**
 * The dates of a run of printed lines, one list per line, less the unlabelled dates of lines that
 * belong to a list of dated lines. A dateline stands alone or carries its label.
 */
export function outsideDatedLists<T extends { label: DateLabel }>(lines: readonly (readonly T[])[]): T[] {
  const unlabelled = lines.map((found) => found.some(({ label }) => label === null));
  const listed = unlabelled.map(() => false);
  let run = 0;
  for (let i = 0; i <= lines.length; i += 1) {
    if (unlabelled[i]) {
      run += 1;
      continue;
    }
    if (run >= LIST_LINES) listed.fill(true, i - run, i);
    run = 0;
  }
  return lines.flatMap((found, i) => (listed[i] ? found.filter(({ label }) => label !== null) : [...found]));
}
