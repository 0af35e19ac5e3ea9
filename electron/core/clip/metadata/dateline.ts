import { nodeToText } from '../sanitize/html-to-text.js';
import { dateLabel, isCopyrightLine, nameLabel, notPublication } from './date-label.js';
import type { DateLabel } from './date-label.js';
import { outsideDatedLists } from './dated-list.js';
import type { PublishedDate } from './dates.js';
import { findEnglishDates } from './english-dates.js';
import type { NumericOrder, WrittenDate } from './english-dates.js';
import { headlineWords } from './page-region.js';

/** A headline is a line of its own; a teaser that starts with the same words runs on. */
const HEADLINE_CHARS = 300;
/** Copies of the headline looked below; a page repeating it more is listing it, and each copy costs a read of its lines. */
const MAX_HEADLINE_COPIES = 6;
/** Bylines and datelines sit within a few short lines of the headline; the body follows. */
const AFTER_HEADLINE_CHARS = 1000;
/** A kicker above the headline may carry the date (`March 3, 2020 · Politics`). */
const ABOVE_HEADLINE_LINES = 3;
const DATELINE_CHARS = 120;
/** Lowercase words a dateline may hold besides its labels (`By Jane Doe, staff writer | …`); prose holds more. */
const PROSE_WORDS = 2;
const JOINERS = new Set(['on', 'at', 'by', 'and', 'from', 'first', 'last', 'originally']);

interface LabelledDate {
  date: PublishedDate;
  label: DateLabel;
}

/** The dates a page prints by its headline: its publication, and its update when it gives one. */
export interface Datelines {
  published: PublishedDate | null;
  edited: PublishedDate | null;
}

/**
 * The date a page prints as text near its headline (`Published March 3, 2020`, `By Jane Doe |
 * Mar. 3, 2020 10:15 a.m. ET`): the lines just below the headline first, then the few above it.
 * Only short lines that read as a dateline count, so a date in the story's prose is never taken;
 * a date labelled as published wins, and one labelled as an update is kept apart (`Updated: …`).
 */
export function findDatelines(document: Document, headlines: readonly (string | null)[], order: NumericOrder): Datelines {
  if (!document.body) return { published: null, edited: null };
  const lines = nodeToText(document.body).split('\n').map((line) => line.trim()).filter(Boolean);
  const around = headlineLines(lines, headlines).map((at) => datelinesAround(lines, at, order));
  return {
    published: around.find((dates) => dates.published)?.published ?? null,
    edited: around.find((dates) => dates.edited)?.edited ?? null,
  };
}

function datelinesAround(lines: readonly string[], at: number, order: NumericOrder): Datelines {
  const below = datelines(belowHeadline(lines, at), order);
  const above = datelines(lines.slice(Math.max(0, at - ABOVE_HEADLINE_LINES), at).reverse(), order);
  return { published: published(below) ?? published(above), edited: edited(below) ?? edited(above) };
}

/** The day and month order of numeric dates in the page's locale: the US puts the month first, most places the day. */
export function numericOrder(lang: string | null): NumericOrder {
  const [language, region] = (lang ?? '').toLowerCase().split('-');
  if (region === 'us') return 'month-first';
  return !language || (language === 'en' && (!region || region === 'ca')) ? null : 'day-first';
}

/**
 * The lines that read as the headline, the page's own heading first. A headline is often repeated
 * (in a list of top stories, a share box, a template's placeholder `<h1>`), and only the article's
 * own copy has the dateline by it, so each is tried in turn.
 */
function headlineLines(lines: readonly string[], headlines: readonly (string | null)[]): number[] {
  const found = new Set<number>();
  for (const headline of headlines) {
    const words = headline ? headlineWords(headline) : null;
    if (!words) continue;
    lines.forEach((line, at) => {
      if (found.size < MAX_HEADLINE_COPIES && line.length <= HEADLINE_CHARS && line.startsWith(words)) found.add(at);
    });
  }
  return [...found];
}

function belowHeadline(lines: readonly string[], at: number): string[] {
  const below: string[] = [];
  let size = 0;
  for (const line of lines.slice(at + 1)) {
    if (size > AFTER_HEADLINE_CHARS) break;
    below.push(line);
    size += line.length;
  }
  return below;
}

/** The first date labelled as an update. */
function edited(dates: readonly LabelledDate[]): PublishedDate | null {
  return dates.find(({ label }) => label === 'edited')?.date ?? null;
}

/** The published-labelled date, else the first that is not labelled as an update or as today's date. */
function published(dates: readonly LabelledDate[]): PublishedDate | null {
  const kept = dates.filter(({ label }) => !notPublication(label));
  return (kept.find(({ label }) => label === 'published') ?? kept[0])?.date ?? null;
}

/**
 * The dates of the short lines that read as datelines; a label alone on a line (`Updated:`) names
 * the next line's date. A copyright line is a footer and a run of dated lines a list, never a dateline.
 */
function datelines(lines: readonly string[], order: NumericOrder): LabelledDate[] {
  const found: LabelledDate[][] = [];
  let carried: DateLabel = null;
  for (const line of lines) {
    const dates = line.length <= DATELINE_CHARS && !isCopyrightLine(line) ? findEnglishDates(line, order) : [];
    found.push(dates.length > 0 && !readsAsProse(line, dates) ? labelled(line, dates, carried) : []);
    carried = dates.length === 0 && line.length <= DATELINE_CHARS ? dateLabel(line) : null;
  }
  return outsideDatedLists(found);
}

/** Each date with what the words since the previous one call it (`Published 3 May, updated 5 May`). */
function labelled(line: string, dates: readonly WrittenDate[], carried: DateLabel): LabelledDate[] {
  return dates.map(({ date, index }, i) => {
    const before = line.slice(i === 0 ? 0 : dates[i - 1]!.end, index);
    return { date, label: dateLabel(before) ?? (i === 0 && !before.trim() ? carried : null) };
  });
}

/** `the war began on March 3, 2020.`: lowercase words beyond labels and joiners, or a sentence's end. */
function readsAsProse(line: string, dates: readonly WrittenDate[]): boolean {
  let rest = line;
  for (const { index, end } of [...dates].reverse()) rest = `${rest.slice(0, index)} ${rest.slice(end)}`;
  const words = rest.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const prose = words.filter((word) => /^\p{Ll}/u.test(word) && !JOINERS.has(word) && nameLabel(word) === null);
  return prose.length > PROSE_WORDS || (prose.length > 0 && /[.!?]["”’)]?$/u.test(line));
}
