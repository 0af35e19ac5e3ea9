/**
 * Which way a page of filtered clips, sorted along an index of the clip table, costs least. SQLite
 * cannot tell (the catalog keeps no statistics), so the catalog decides from the count of matches it
 * already has. Costs measured at 100,000 clips:
 *   - walking the sort's index: 0.6-0.8 µs a clip walked, kept or not, and a page near the top of a
 *     filter most clips pass walks little further than the page;
 *   - picking from a tag's rows (or a flag's index): 1.6 µs a clip kept (read, then sorted);
 *   - reading the clip table in its own order: 0.26 µs a clip, plus 1.3 µs to sort each one kept.
 */

/** About how many clips the walk crosses to reach the page's end, `matches` of `size` clips passing the filter. */
function clipsWalked(pageEnd: number, matches: number, size: number): number {
  return (pageEnd * size) / Math.max(1, matches);
}

/**
 * Whether picking the clips from a tag's rows or a flag's index (the starred clips), then sorting
 * them, costs less than the walk to `pageEnd`.
 */
export function pickingCostsLess(pageEnd: number, matches: number, size: number): boolean {
  return clipsWalked(pageEnd, matches, size) > 2 * matches;
}

/** Whether reading the whole clip table, then sorting the clips kept, costs less than the walk to `pageEnd`. */
export function tableReadCostsLess(pageEnd: number, matches: number, size: number): boolean {
  return clipsWalked(pageEnd, matches, size) > 0.4 * size + 2 * matches;
}
