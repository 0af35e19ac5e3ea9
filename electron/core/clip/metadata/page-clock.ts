import { clockReadings, formatOffset } from './dates.js';
import type { PublishedDate } from './dates.js';

const MINUTE = 60_000;
const MAX_OFFSET_MINUTES = 14 * 60;
/** Time zones sit on whole, half or quarter hours from UTC. */
const ZONE_STEP_MINUTES = 15;
const UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(?:\.\d+)?(?:Z|[+-]00:?00)$/;

/**
 * A UTC instant the page declares, restated in the local time it prints by the article: sites
 * declare `12:48+00:00` and print the newsroom's `13:48`. The first printed time within 14 hours of
 * the instant decides; it must sit a whole zone step away, else the declared date stands.
 */
export function inPrintedZone(declared: PublishedDate, printedText: string): PublishedDate {
  const utc = UTC.exec(declared.iso);
  if (!utc) return declared;
  const instant = Math.floor(Date.parse(declared.iso) / MINUTE) * MINUTE;
  const offsets = clockReadings(printedText).map((reading) => (reading - instant) / MINUTE);
  const offset = offsets.find((minutes) => Math.abs(minutes) <= MAX_OFFSET_MINUTES);
  if (!offset || offset % ZONE_STEP_MINUTES !== 0) return declared;
  const local = new Date(instant + offset * MINUTE).toISOString().slice(0, 16);
  return { iso: `${local}${utc[1] ?? ''}${formatOffset(offset)}`, text: declared.text };
}
