import type { Clip, DigestGroup } from '../../api.js';
import { formatPublished } from '../../shared/date-format.js';
import type { DateLocale } from '../../shared/date-format.js';
import { tagKey } from '../../shared/tag-names.js';

/** A heading of the table of contents and the items under it, in order. */
export interface DigestSection {
  heading: string | null;
  clips: Clip[];
}

/**
 * The items grouped as asked, each once. Groups come in the order their first item does, so the order
 * the user arranged (or newest first) decides theirs too. A clip with several tags goes under its first
 * tag that does not hold every item (the digest of `tag:trade` is not grouped all under "trade").
 */
export function digestSections(clips: readonly Clip[], group: DigestGroup, where: DateLocale = {}): DigestSection[] {
  if (group === 'none') return [{ heading: null, clips: [...clips] }];
  const headingOf = headingFor(group, clips, where);
  const sections = new Map<string, DigestSection>();
  for (const clip of clips) {
    const heading = headingOf(clip);
    const section = sections.get(heading) ?? { heading, clips: [] };
    section.clips.push(clip);
    sections.set(heading, section);
  }
  return [...sections.values()];
}

function headingFor(group: Exclude<DigestGroup, 'none'>, clips: readonly Clip[], where: DateLocale): (clip: Clip) => string {
  switch (group) {
    case 'tag': {
      const everywhere = tagsOnEvery(clips);
      return (clip) => clip.tags.find((tag) => !everywhere.has(tagKey(tag))) ?? clip.tags[0] ?? 'Untagged';
    }
    case 'source':
      return (clip) => clip.source?.trim() || siteOf(clip.url) || 'Unknown source';
    case 'date':
      return (clip) => formatPublished(dayOf(clip), where) ?? 'Undated';
  }
}

function tagsOnEvery(clips: readonly Clip[]): Set<string> {
  const [first, ...rest] = clips;
  const common = new Set(first?.tags.map(tagKey) ?? []);
  for (const clip of rest) {
    const keys = new Set(clip.tags.map(tagKey));
    for (const key of common) if (!keys.has(key)) common.delete(key);
  }
  return common;
}

function siteOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The day a clip was published as the page dated it (its own calendar), else the day it was clipped. */
export function dayOf(clip: Pick<Clip, 'publishedAt' | 'clippedAt'>): string {
  const published = /^\d{4}-\d{2}-\d{2}/.exec(clip.publishedAt ?? '')?.[0];
  return published ?? clip.clippedAt.slice(0, 10);
}
