import type { PublishedDate } from './dates.js';

/**
 * The day a news address files its story under: `/2011/08/24/slug`, `/2005-03-12/1030.shtml`,
 * `/20050312/n224.shtml`, a whole path segment (or the start of a slug, `/2011-08-24-slug`) so a
 * number inside an id is never read as a day.
 */
const URL_DAY = /\/((?:19|20)\d\d)(?:\/(\d\d)\/(\d\d)|-(\d\d)-(\d\d)|(\d\d)(\d\d))(?=[/\-_.]|$)/;
const FIRST_WEB_YEAR = 1994;

/**
 * The publication day an address states, the last resort when the page states no date: many news
 * sites file stories by day, and the address is the one part of a page that is never a related
 * story's or a reader's. Day precision only; an impossible day or a year ahead of today is no date.
 */
export function dateFromUrl(address: string | null, now = new Date()): PublishedDate | null {
  const match = address && URL.canParse(address) ? URL_DAY.exec(new URL(address).pathname) : null;
  if (!match) return null;
  const [written, year, ...rest] = match;
  const [month, day] = rest.filter((part) => part !== undefined).map(Number);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  const real = parsed.getUTCMonth() + 1 === month && parsed.getUTCDate() === day;
  const plausible = Number(year) >= FIRST_WEB_YEAR && parsed.getTime() <= now.getTime() + 86_400_000;
  return real && plausible ? { iso, text: written.slice(1) } : null;
}
