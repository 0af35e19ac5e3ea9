import { fold } from './search/tokenize.js';

/** Tag names are compared case-insensitively; the first spelling a library sees is the one it keeps. */

export function tagKey(name: string): string {
  return name.normalize('NFKC').trim().toLocaleLowerCase();
}

/** A tag name as tag: filters compare it: also ignoring accents and spacing (search/tokenize.ts fold). */
export function foldTag(name: string): string {
  return fold(collapsed(name));
}

/** Trims and collapses inner whitespace; an empty or over-long name is not a tag. */
export function cleanTagName(name: string): string | null {
  const cleaned = collapsed(name);
  return cleaned.length > 0 && cleaned.length <= 100 ? cleaned : null;
}

function collapsed(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function hasTag(tags: readonly string[], name: string): boolean {
  const key = tagKey(name);
  return tags.some((tag) => tagKey(tag) === key);
}

export function withTags(tags: readonly string[], added: readonly string[]): string[] {
  const result = [...tags];
  for (const name of added) if (!hasTag(result, name)) result.push(name);
  return result;
}

export function withoutTags(tags: readonly string[], removed: readonly string[]): string[] {
  const keys = new Set(removed.map(tagKey));
  return tags.filter((tag) => !keys.has(tagKey(tag)));
}

/** Replaces every tag in `from` by `to` (rename is a merge of one), keeping one `to`. */
export function replaceTags(tags: readonly string[], from: readonly string[], to: string): string[] {
  const keys = new Set(from.map(tagKey));
  if (!tags.some((tag) => keys.has(tagKey(tag)))) return [...tags];
  return withTags(tags.filter((tag) => !keys.has(tagKey(tag)) && tagKey(tag) !== tagKey(to)), [to]);
}
