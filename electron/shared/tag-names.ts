import { fold } from './fold.js';

/** A tag name as it is kept: NFKC, inner spaces collapsed, trimmed. */
export function tidyTagName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The identity of a tag: two names are one tag when their keys are equal, so case, accents, width
 * and spacing never make two tags ('Café', 'cafe' and ' CAFE ' are one). The sidebar, `tag:` in
 * queries, the list filters, renames and merges all compare names by this key.
 */
export function tagKey(name: string): string {
  return fold(tidyTagName(name));
}

/** True when both names are the same tag. */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}
