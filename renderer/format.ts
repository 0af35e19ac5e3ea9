import type { ClipSummary } from '../electron/api.js';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** The published date as the page wrote it when known (it keeps local time), else when it was clipped. */
export function displayDate(clip: ClipSummary): string {
  return clip.publishedText ?? (clip.publishedAt ? formatDate(clip.publishedAt) : `Clipped ${formatDate(clip.clippedAt)}`);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
