/**
 * The row `by` rows (1 or -1) from the open clip's, for `j`/`k` while reading; null past either end.
 * When the open clip is not in the list (archived out of an "unread" list, say, or opened from
 * elsewhere), the active row stands in its place: its own clip comes next, the one above it before.
 */
export function stepFrom(ids: readonly (string | undefined)[], openId: string, activeIndex: number, by: 1 | -1): number | null {
  // The active row is nearly always the open clip's: look there before scanning a long list.
  const at = ids[activeIndex] === openId ? activeIndex : ids.indexOf(openId);
  const index = at >= 0 ? at + by : Math.max(activeIndex, 0) + (by > 0 ? 0 : -1);
  return index >= 0 && index < ids.length ? index : null;
}
