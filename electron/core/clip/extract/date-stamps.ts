import { hasBlockChild, isInline, visibleLength } from './text-blocks.js';

const STAMP_LINE_CHARS = 80;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** A date with its month named, or written all in numbers: `Nov. 19, 2019`, `19 November 2019`, `2019-11-19`. */
const DATE = new RegExp(String.raw`\b${MONTH}\s+\d{1,2}\b|\b\d{1,2}\s+${MONTH}|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b`, 'iu');
/** What makes a date a stamp rather than, say, an exhibition's dates: a label, or the time of day. */
const LABEL = /\b(?:published|updated|posted|modified)\b|\b\d{1,2}:\d{2}\b/iu;
/** Everything else a stamp is made of: its labels, weekdays, times and zones, and the punctuation between them. */
const STAMP_PARTS = new RegExp(
  [
    String.raw`\b(?:(?:first |last |originally )?(?:published|updated|posted|modified)|original|on|at)\b`,
    MONTH, String.raw`\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?`, String.raw`\b(?:[ap]\.?m\.?|utc|gmt|[ecmp][sd]?t|bst|cet)\b`,
    String.raw`[\d\s\p{P}\p{S}]`,
  ].join('|'),
  'giu',
);

/**
 * Drops lines that only stamp when the page was published or updated (`PUBLISHED: 10:48, Tue, Nov 19,
 * 2019 | UPDATED: 11:05`), wherever they sit: the clip keeps the date as a field, and the stamp is not
 * part of the story. A bare date (`29 November 2018`) may be the story's and stays.
 */
export function dropDateStamps(root: Element): void {
  for (const line of Array.from(root.querySelectorAll('*'))) {
    if (isInline(line) || hasBlockChild(line)) continue;
    const text = line.textContent ?? '';
    if (visibleLength(text) <= STAMP_LINE_CHARS && isDateStamp(text)) line.remove();
  }
}

export function isDateStamp(text: string): boolean {
  return DATE.test(text) && LABEL.test(text) && text.replace(STAMP_PARTS, '') === '';
}
