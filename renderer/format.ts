import type { ClipSummary } from '../electron/api.js';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null): string {
  return formatWith(dateFormat, iso);
}

/** With the time of day, for what often happens more than once a day (a page's versions). */
export function formatDateTime(iso: string | null): string {
  return formatWith(dateTimeFormat, iso);
}

function formatWith(format: Intl.DateTimeFormat, iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** The published date as the page wrote it when known (it keeps local time), else when it was clipped. */
export function displayDate(clip: ClipSummary): string {
  return clip.publishedText ?? (clip.publishedAt ? formatDate(clip.publishedAt) : `Clipped ${formatDate(clip.clippedAt)}`);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
