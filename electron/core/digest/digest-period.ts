import type { DigestDefinition } from '../../api.js';
import { localDay } from '../../shared/local-day.js';

/** The days a press review covers, both included; null where it is open. */
export interface DigestPeriod {
  from: string | null;
  to: string | null;
}

/**
 * The period of a definition on `today` (a local `YYYY-MM-DD`): its own days, or the `lastDays` that
 * end today, so a preset run each Monday covers the week before that Monday.
 */
export function digestPeriod(definition: DigestDefinition, today: string = localDay(new Date())): DigestPeriod {
  if (definition.lastDays === undefined) return { from: definition.from ?? null, to: definition.to ?? null };
  return { from: addDays(today, 1 - definition.lastDays), to: today };
}

/**
 * The period as search filters: `after:` takes its day, `before:` excludes its own, so `to` becomes the
 * day after it. Filters compare the published date, or the clipped one where a clip has none.
 */
export function periodFilters({ from, to }: DigestPeriod): string {
  return [from ? `after:${from}` : '', to ? `before:${addDays(to, 1)}` : ''].filter(Boolean).join(' ');
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
