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
 * How a page is read: its clips picked from a tag's rows or a flag's index (the starred clips), then
 * sorted; the whole clip table read, then the clips kept sorted; or a walk along the sort's index.
 */
export type PageAccess = 'pick' | 'table' | 'walk';

/**
 * The cheapest way to the page's end, `pageEnd`, with `matches` of `size` clips passing the filters;
 * `can.pick` when the filters have a tag's rows or a flag's index to pick from, `can.readTable` when
 * they have a condition the table's rows answer (without one, every clip passes and the walk is cheapest).
 */
export function pageAccess(pageEnd: number, matches: number, size: number, can: { pick: boolean; readTable: boolean }): PageAccess {
  const walked = clipsWalked(pageEnd, matches, size);
  if (can.pick && walked > 2 * matches) return 'pick';
  return can.readTable && walked > 0.4 * size + 2 * matches ? 'table' : 'walk';
}
