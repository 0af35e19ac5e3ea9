/**
 * `npm run bench:extract [-- --json]`: Clipdesk's article extraction against Mozilla Readability +
 * jsdom, in the same run, on the corpora of ../shared/corpora (aeb: 121 mostly English pages; cwced-dev:
 * 35 Chinese pages). Body text by shingle P/R/F1 (shingles.ts); author and date accuracy where the
 * ground truth states them (cwced; neither corpus has titles), and on aeb, which has body text only, the
 * date against the day its markup states as published.
 * Body figures come whole and per half (even / odd positions of the sorted page ids), with the count
 * of clean pages (recall and precision both >= 0.9: every expected passage, no boilerplate).
 */
import { parseArgs } from 'node:util';
import { aebPages, cwcedPages, half } from './extraction-corpora.js';
import type { CorpusPage, Half } from './extraction-corpora.js';
import { cleanCount, clipdesk, pageScores, readability, runExtractor } from './extraction-run.js';
import type { Extracted, Extractor } from './extraction-run.js';
import { machine, printResults } from './report.js';
import type { BenchResult, Target } from './report.js';
import { summarize } from './shingles.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const BASELINE = 'Readability 0.6 + jsdom';
const sets = { en: aebPages(), zh: cwcedPages() };
const pageCount = sets.en.length + sets.zh.length;

// jsdom and the extraction modules load on first use; keep that out of the pages/s figures.
for (const extract of [clipdesk, readability]) runExtractor(extract, [sets.en[0], sets.zh[0]].filter((p) => p !== undefined));

const runs = new Map<Extractor, { en: Extracted[]; zh: Extracted[]; ms: number; slowestMs: number }>();
for (const extract of [clipdesk, readability]) {
  const en = runExtractor(extract, sets.en);
  const zh = runExtractor(extract, sets.zh);
  runs.set(extract, { en: en.outputs, zh: zh.outputs, ms: en.ms + zh.ms, slowestMs: Math.max(en.slowestMs, zh.slowestMs) });
}
const ours = runs.get(clipdesk)!;
const theirs = runs.get(readability)!;

const results: BenchResult[] = [];
const add = (metric: string, value: number, baselineValue: number, unit = ''): void => {
  results.push({ metric, value, unit, baseline: BASELINE, baselineValue, ...(baselineValue > 0 ? { ratio: value / baselineValue } : {}) });
};
for (const lang of ['en', 'zh'] as const) {
  for (const part of ['all', 'even', 'odd'] as const) addBodyFigures(lang, part);
}
// cwced: the human truth; aeb: the day the markup states as published (extraction-corpora.ts). Halves by
// sorted file name: a date rule written against one half is checked on the other (issue 15).
for (const lang of ['zh', 'en'] as const) {
  add(`date.${lang}_accuracy`, accuracy(sets[lang], ours[lang], 'date'), accuracy(sets[lang], theirs[lang], 'date'));
  for (const [half, parity] of [['even', 0], ['odd', 1]] as const) {
    const pick = <T>(items: readonly T[]): T[] => items.filter((_, i) => i % 2 === parity);
    const [pages, mine, base] = [pick(sets[lang]), pick(ours[lang]), pick(theirs[lang])];
    add(`date.${lang}_accuracy.${half}`, accuracy(pages, mine, 'date'), accuracy(pages, base, 'date'));
  }
}
add('author.zh_accuracy', accuracy(sets.zh, ours.zh, 'author'), accuracy(sets.zh, theirs.zh, 'author'));
add('pages_per_s', pageCount / (ours.ms / 1000), pageCount / (theirs.ms / 1000), 'pages/s');
add('slowest_page_ms', ours.slowestMs, theirs.slowestMs, 'ms');

const targets: Target[] = [
  { metric: 'f1.en', goal: '>= 0.97 (issue 15)', pass: (r) => r.value >= 0.97 },
  { metric: 'f1.zh', goal: '>= 0.96', pass: (r) => r.value >= 0.96 },
  { metric: 'date.zh_accuracy', goal: 'found where stated (1.0)', pass: (r) => r.value >= 1 },
  { metric: 'date.en_accuracy', goal: '>= 0.95 (issue 15)', pass: (r) => r.value >= 0.95 },
  { metric: 'author.zh_accuracy', goal: 'found where stated (1.0)', pass: (r) => r.value >= 1 },
];
printResults({ clips: pageCount, machine: machine(), results }, Boolean(values.json), targets);

/**
 * F1, precision, recall and the clean-page count of one corpus, whole (`f1.en`) or one half of it
 * (`f1.en.even`): a rule written against one half must hold on the other.
 */
function addBodyFigures(lang: 'en' | 'zh', part: 'all' | Half): void {
  const pick = <T>(list: readonly T[]): T[] => (part === 'all' ? [...list] : half(list, part));
  const pages = pick(sets[lang]);
  const a = pageScores(pages, pick(ours[lang]));
  const b = pageScores(pages, pick(theirs[lang]));
  const suffix = part === 'all' ? '' : `.${part}`;
  const [mine, base] = [summarize(a), summarize(b)];
  add(`f1.${lang}${suffix}`, mine.f1, base.f1);
  add(`precision.${lang}${suffix}`, mine.precision, base.precision);
  add(`recall.${lang}${suffix}`, mine.recall, base.recall);
  add(`clean.${lang}${suffix}`, cleanCount(a), cleanCount(b), `of ${pages.length}`);
}

/** Share of pages whose stated author / date (per ground truth) the extractor got right. */
function accuracy(pages: readonly CorpusPage[], outputs: readonly Extracted[], field: 'author' | 'date'): number {
  const judged = pages.map((page, i) => ({ truth: page.truth[field], got: outputs[i]?.[field] ?? null })).filter((p) => p.truth !== null);
  const right = judged.filter(({ truth, got }) => (field === 'date' ? sameDate(truth!, got) : sameAuthor(truth!, got)));
  return judged.length === 0 ? Number.NaN : right.length / judged.length;
}

/**
 * Every field the truth gives (year, month, day, hour, minute; seconds ignored) must match, read as
 * written: '2005-5-7 21:23' matches '2005-05-07T21:23:00+08:00'; a truth of '2018' matches any 2018 date.
 */
function sameDate(truth: string, got: string | null): boolean {
  const want = (truth.match(/\d+/g) ?? []).slice(0, 5).map(Number);
  const have = (got?.match(/\d+/g) ?? []).slice(0, 5).map(Number);
  return want.length > 0 && want.every((n, i) => have[i] === n);
}

/** Every name the truth lists (space-separated) appears in the extracted byline. */
function sameAuthor(truth: string, got: string | null): boolean {
  return got !== null && truth.split(/[\s,，、]+/).filter(Boolean).every((name) => got.includes(name));
}
