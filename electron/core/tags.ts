import { tagKey, tidyTagName } from '../shared/tag-names.js';
import { ClipdeskError } from './errors.js';

// Tags are one when their keys are (shared/tag-names.ts); the first spelling a clip gets is kept.

/** The name tidied; an empty or over-long name is not a tag. */
export function cleanTagName(name: string): string | null {
  const cleaned = tidyTagName(name);
  return cleaned.length > 0 && cleaned.length <= 100 ? cleaned : null;
}

/** The names tidied, or BAD_INPUT naming the first that is not a usable tag. */
export function cleanTagNames(names: readonly string[]): string[] {
  return names.map((name) => {
    const cleaned = cleanTagName(name);
    if (!cleaned) throw new ClipdeskError('BAD_INPUT', `"${name}" is not a usable tag name (1-100 characters)`);
    return cleaned;
  });
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
