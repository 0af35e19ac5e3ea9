import { dateLabel, nameLabel } from './date-label.js';
import type { DateLabel } from './date-label.js';
import { findNumericDate, parsePublished } from './dates.js';
import type { PublishedDate } from './dates.js';
import { findEnglishDates } from './english-dates.js';
import { isArticle, jsonLdText } from './json-ld.js';
import type { JsonLdItem } from './json-ld.js';
import { inPageFurniture } from './page-furniture.js';

/**
 * How plainly a source says "published", most plainly first: fields named for the publication
 * (article:published_time, the article's JSON-LD datePublished), conventions that mean it
 * (DC.date.issued, sailthru.date, a page node's datePublished), then dates that are only dates
 * (DC.date, a bare <time>).
 */
const STATED = 0;
const NAMED = 1;
const BARE = 2;

const STATED_META = ['article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'datepublished'];
const NAMED_META = [
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'dc.date.issued', 'dcterms.issued',
  'sailthru.date', 'parsely-pub-date', 'datecreated',
];
const BARE_META = ['date', 'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created'];
const EDITED_META = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'article:modified', 'datemodified', 'dc.date.modified',
  'dcterms.modified', 'last-modified',
];

const HOUR = 3_600_000;
/** How far apart two readings of one moment can be when one of them states no zone. */
const ZONE_SLACK = 14 * HOUR;
const DAY = 24 * HOUR;
const LABEL_CHARS = 40;
/** A class such as "published" on a whole post, not a date: its text is no date line. */
const DATE_LINE_CHARS = 80;
/** Elements other than <time> whose class names a published date but not as a microformat does (those come first). */
const PUBLISHED_FIELD = ['published', 'Published']
  .map((word) => `[class*="${word}"]:not(time):not(.published):not(.dt-published)`).join(', ');
/** Wrappers a <time> may sit in below its label (`<span>Updated</span> <span><span><time>`). */
const LABEL_LEVELS = 3;

interface Candidate {
  date: PublishedDate;
  rank: number;
}

interface PageDates {
  published: Candidate[];
  edited: PublishedDate[];
}

/** The dates the page states: its publication, and its first edit (see readPageDates). */
export interface StatedDates {
  published: PublishedDate | null;
  firstEdit: PublishedDate | null;
}

/**
 * The date the page states it was published. Modified and updated dates never stand in for it,
 * but they bound it: a "published" date after the page's last edit is a render time or a stray,
 * and yields to the next source. Of several statements of the one date, the most complete is kept
 * (the time and zone that another source adds to a bare day). Also the page's earliest stated edit:
 * the last resort of a page that states no publication, no dateline and no dated address.
 */
export function readPageDates(document: Document, meta: ReadonlyMap<string, string>, jsonLd: readonly JsonLdItem[]): StatedDates {
  const { published, edited } = pageDates(document, meta, jsonLd);
  const lastEdit = edited.length > 0 ? Math.max(...edited.map(latestInstant)) : Number.POSITIVE_INFINITY;
  const credible = published.filter(({ date }) => !(earliestInstant(date) > lastEdit));
  const best = (credible.length > 0 ? credible : published).sort((a, b) => a.rank - b.rank)[0];
  const firstEdit = [...edited].sort((a, b) => earliestInstant(a) - earliestInstant(b))[0] ?? null;
  return { published: best ? mostComplete(best.date, published) : null, firstEdit };
}

function pageDates(document: Document, meta: ReadonlyMap<string, string>, jsonLd: readonly JsonLdItem[]): PageDates {
  const published: Candidate[] = [];
  const edited: PublishedDate[] = [];
  const add = (raw: string | null | undefined, rank: number): void => {
    const date = parsePublished(raw);
    if (date) published.push({ date, rank });
  };
  for (const key of STATED_META) add(meta.get(key), STATED);
  for (const item of jsonLd) add(jsonLdText(item, 'datePublished'), isArticle(item) ? STATED : NAMED);
  add(elementDate(articleElement(document, '[itemprop~="datePublished"]')), STATED);
  for (const key of NAMED_META) add(meta.get(key), NAMED);
  for (const item of jsonLd) add(jsonLdText(item, 'dateCreated'), NAMED);
  for (const key of BARE_META) add(meta.get(key), BARE);
  for (const item of jsonLd) add(jsonLdText(item, 'uploadDate'), BARE);
  for (const time of document.querySelectorAll('time')) {
    if (inPageFurniture(time)) continue;
    const label = timeLabel(time);
    const datetime = timeValue(time);
    // `pubdate` states the publication outright, even on a <time class="updated"> (hAtom asks every entry for one).
    if (time.hasAttribute('pubdate')) add(datetime, STATED);
    else if (label === 'edited') edited.push(...dated(datetime));
    else if (label !== 'clock') add(datetime, label === 'published' ? NAMED : BARE);
  }
  // hAtom and microformats2 name the entry's date by class: `<abbr class="published" title="2010-08-13T16:39:00-04:00">`.
  for (const element of document.querySelectorAll('.published:not(time), .dt-published:not(time)')) {
    if (!inPageFurniture(element)) add(microformatDate(element), NAMED);
  }
  // So do the fields of content systems (Drupal's `field-name-field-published-date`, `post-published-date`):
  // their text is read strictly, as `Published by Penguin 2016` is no date although Date.parse reads one.
  for (const element of document.querySelectorAll(PUBLISHED_FIELD)) {
    if (!inPageFurniture(element)) published.push(...fieldDate(element).map((date) => ({ date, rank: NAMED })));
  }
  edited.push(...EDITED_META.flatMap((key) => dated(meta.get(key))));
  edited.push(...jsonLd.flatMap((item) => dated(jsonLdText(item, 'dateModified'))));
  edited.push(...dated(elementDate(articleElement(document, '[itemprop~="dateModified"]'))));
  return { published, edited };
}

function dated(raw: string | null | undefined): PublishedDate[] {
  const date = parsePublished(raw);
  return date ? [date] : [];
}

/**
 * What a <time> says: its datetime, else its text when that is a date line (`<time
 * class="article-published-date">December 7, 2016 @ 3:53 PM</time>`).
 */
function timeValue(time: Element): string | null {
  return time.getAttribute('datetime') ?? dateLine(time.textContent ?? '');
}

/** The text when it is short enough to be only a date line (`Date.parse` skips the words before numbers). */
function dateLine(text: string): string | null {
  return text.trim().length <= DATE_LINE_CHARS ? text : null;
}

/** The date a microformat element holds: its title (the value-class pattern), else its text if that is only a date line. */
function microformatDate(element: Element): string | null {
  return element.getAttribute('title') ?? dateLine(element.textContent ?? '');
}

/** The date a published-date field prints, when its text is only a date line: numeric, else written out in English. */
function fieldDate(element: Element): PublishedDate[] {
  const line = dateLine(element.textContent ?? '');
  const date = line === null ? null : findNumericDate(line) ?? findEnglishDates(line, null)[0]?.date ?? null;
  return date ? [date] : [];
}

/** The first match outside the page's furniture: a related story's microdata dates that story. */
function articleElement(document: Document, selector: string): Element | null {
  return [...document.querySelectorAll(selector)].find((element) => !inPageFurniture(element)) ?? null;
}

function elementDate(element: Element | null): string | null {
  return element?.getAttribute('datetime') ?? element?.getAttribute('content') ?? element?.textContent ?? null;
}

/**
 * What a <time> is: its own class or itemprop first (WordPress marks an unedited post's time
 * `published updated`), else the words just before it (`Updated:`), else its parent's class.
 */
function timeLabel(time: Element): DateLabel {
  const parent = time.parentElement;
  return nameLabel(namesOf(time)) ?? dateLabel(textBefore(time, LABEL_LEVELS)) ?? (parent ? nameLabel(namesOf(parent)) : null);
}

function namesOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
}

/** The text just before an element in its line, looking up through wrappers that hold nothing else. */
function textBefore(element: Element, levels: number): string {
  let text = '';
  for (let node = element.previousSibling; node && text.length < LABEL_CHARS; node = node.previousSibling) {
    text = `${node.textContent ?? ''}${text}`;
  }
  const parent = element.parentElement;
  return !text.trim() && levels > 1 && parent ? textBefore(parent, levels - 1) : text.slice(-LABEL_CHARS);
}

/** A published date that begins with the chosen one and says more (`2019-11-18` → `2019-11-18T17:50:58-05:00`). */
function mostComplete(chosen: PublishedDate, candidates: readonly Candidate[]): PublishedDate {
  let complete = chosen;
  for (const { date, rank } of candidates) {
    if (rank !== BARE && date.iso.startsWith(complete.iso) && date.iso.length > complete.iso.length) complete = date;
  }
  return complete;
}

/** The earliest moment a date can mean, reading a date without a zone at the earliest zone. */
function earliestInstant(date: PublishedDate): number {
  return asUtc(date.iso) - (hasZone(date.iso) ? 0 : ZONE_SLACK);
}

/** The latest moment a date can mean: the end of a bare day, at the latest zone. */
function latestInstant(date: PublishedDate): number {
  const dayOnly = !date.iso.includes('T');
  return asUtc(date.iso) + (dayOnly ? DAY : 0) + (hasZone(date.iso) ? 0 : ZONE_SLACK);
}

/** NaN for a date it cannot place, which then bounds nothing and is never out of bounds. */
function asUtc(iso: string): number {
  return Date.parse(hasZone(iso) || !iso.includes('T') ? iso : `${iso}Z`);
}

function hasZone(iso: string): boolean {
  return /(?:Z|[+-]\d\d:\d\d)$/.test(iso);
}
