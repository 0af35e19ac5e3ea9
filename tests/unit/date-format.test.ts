import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClipSummary } from '../../electron/api.js';
import { displayDate, formatAgo, formatDate, formatDateTime, formatPublished, publishedDate } from '../../electron/shared/date-format.js';
import { SEED_PUBLISHED_AT, SEED_PUBLISHED_TEXT } from '../helpers/seed.js';

const US = { locale: 'en-US', timeZone: 'UTC' };
const CHINA = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
const GERMANY = { locale: 'de-DE', timeZone: 'Europe/Berlin' };

/** ICU puts a narrow no-break space before AM/PM in some versions and a plain one in others. */
function plain(text: string | null): string | null {
  return text?.replace(/\s/g, ' ') ?? null;
}

function summary(dates: Partial<ClipSummary>): ClipSummary {
  return { publishedAt: null, publishedText: null, clippedAt: '2024-05-01T09:00:00.000Z', ...dates } as ClipSummary;
}

test('the seed clipping’s local time reads in the user’s locale, at the hour the page gave, in any time zone', () => {
  assert.equal(plain(formatPublished(SEED_PUBLISHED_AT, US)), 'Aug 26, 2023, 1:36 PM');
  assert.equal(formatPublished(SEED_PUBLISHED_AT, CHINA), '2023年8月26日 13:36');
  assert.equal(formatPublished(SEED_PUBLISHED_AT, { locale: 'zh-CN', timeZone: 'America/Los_Angeles' }), '2023年8月26日 13:36');
  assert.equal(formatPublished(SEED_PUBLISHED_AT, GERMANY), '26.08.2023, 13:36');
});

test('machine timestamps with seconds, fractions or a space read as dates', () => {
  assert.equal(plain(formatPublished('2019-11-20T01:50:59.403', US)), 'Nov 20, 2019, 1:50 AM');
  assert.equal(plain(formatPublished('2019-11-19 02:24:00', US)), 'Nov 19, 2019, 2:24 AM');
  assert.equal(formatPublished('2019-11-19 02:24:00', CHINA), '2019年11月19日 02:24');
});

test('a time with an offset is an instant, shown in the reader’s time zone', () => {
  assert.equal(plain(formatPublished('2024-03-05T09:30:00+08:00', US)), 'Mar 5, 2024, 1:30 AM');
  assert.equal(formatPublished('2024-03-05T09:30:00+08:00', CHINA), '2024年3月5日 09:30');
  assert.equal(formatPublished('2023-11-20T16:05:00.000Z', GERMANY), '20.11.2023, 17:05');
});

test('a date with no time, or midnight sharp, shows the day alone, the day the page gave', () => {
  assert.equal(formatPublished('2023-08-26', US), 'Aug 26, 2023');
  assert.equal(formatPublished('2023-08-26', { locale: 'en-US', timeZone: 'America/Los_Angeles' }), 'Aug 26, 2023');
  assert.equal(formatPublished('2023-08-26T00:00:00Z', { locale: 'en-US', timeZone: 'America/Los_Angeles' }), 'Aug 26, 2023');
  assert.equal(formatPublished('2023-08-26T00:00', CHINA), '2023年8月26日');
});

test('a month alone reads as a month', () => {
  assert.equal(formatPublished('1998-03', US), 'March 1998');
  assert.equal(formatPublished('1998-03', CHINA), '1998年3月');
});

test('what is not a date formats as nothing', () => {
  for (const value of [null, '', 'yesterday', '2023-02-30', '2023-13-01', '2023-08-26T25:00', '2023-08-26 13:36 UTC']) {
    assert.equal(formatPublished(value, US), null, String(value));
  }
});

test('the list shows the formatted published date, the page’s wording only where there is no date, else when it was clipped', () => {
  const seed = summary({ publishedAt: SEED_PUBLISHED_AT, publishedText: SEED_PUBLISHED_TEXT });
  assert.equal(displayDate(seed, CHINA), '2023年8月26日 13:36');
  assert.equal(displayDate(summary({ publishedAt: '1998-03', publishedText: '1998年3月号' }), CHINA), '1998年3月');
  assert.equal(displayDate(summary({ publishedText: 'Spring 1998' }), US), 'Spring 1998');
  assert.equal(plain(displayDate(summary({ publishedText: '2019-11-19 02:24:00' }), US)), 'Nov 19, 2019, 2:24 AM');
  assert.equal(displayDate(summary({}), US), 'Clipped May 1, 2024');
});

test('a machine timestamp that is no date is never shown', () => {
  assert.equal(publishedDate(summary({ publishedAt: '2019-11-20T99:99:00', publishedText: '2019-11-20T99:99:00' }), US), null);
  assert.equal(displayDate(summary({ publishedText: '2019-11-20T99:99:00' }), US), 'Clipped May 1, 2024');
});

test('clipped, trashed and replaced times are instants in the reader’s zone, and nothing when unreadable', () => {
  assert.equal(formatDate('2024-05-01T23:30:00.000Z', CHINA), '2024年5月2日');
  assert.equal(plain(formatDateTime('2024-05-01T23:30:00.000Z', US)), 'May 1, 2024, 11:30 PM');
  assert.equal(formatDate('not a date', US), '');
  assert.equal(formatDate(null, US), '');
});

test('how long ago the last sync was reads in the user’s language, and as a date once it is a week old', () => {
  const at = Date.parse('2024-05-08T12:00:00Z');
  assert.equal(formatAgo('2024-05-08T11:59:30Z', at, US), 'now');
  assert.equal(formatAgo('2024-05-08T11:55:00Z', at, US), '5 minutes ago');
  assert.equal(formatAgo('2024-05-08T09:00:00Z', at, GERMANY), 'vor 3 Stunden');
  assert.equal(formatAgo('2024-05-07T10:00:00Z', at, US), 'yesterday');
  assert.equal(formatAgo('2024-05-01T12:00:00Z', at, US), 'May 1, 2024');
  assert.equal(formatAgo('2024-05-08T12:00:05Z', at, US), 'now'); // a clock a little ahead
  assert.equal(formatAgo(null, at, US), '');
  assert.equal(formatAgo('not a date', at, US), '');
});
