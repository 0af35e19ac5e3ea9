/**
 * Scripts and style sheets are most of a modern page's bytes and none of its article; dropping them
 * before parsing halves the time jsdom needs. JSON-LD stays: it carries the publication date.
 */
export function withoutScriptsAndStyles(html: string): string {
  return withoutElements(withoutElements(html, 'script', 'application/ld+json'), 'style');
}

/**
 * Removes every `<name ...>...</name>` block from HTML, in time linear in its length. The content of
 * such an element (script, style) ends at the first `</name` followed by `>`, as the HTML tokenizer
 * ends it; a block never closed is left alone. Blocks whose opening tag contains `keepMarker` (in
 * any case) stay.
 *
 * A single regex such as /<script\b[^>]*>[\s\S]*?<\/script\s*>/ does the same, but rescans the rest
 * of the page from every opening tag that fails to match: quadratic in `'<script'.repeat(n)`.
 * Here each search goes forward from where the last one ended, so the work stays linear.
 */
export function withoutElements(html: string, name: string, keepMarker?: string): string {
  const openTag = forwardSearch(html, new RegExp(`<${name}\\b`, 'gi'));
  const tagEnd = forwardSearch(html, />/g);
  const closeTag = forwardSearch(html, new RegExp(`</${name}\\s*>`, 'gi'));
  const marker = keepMarker === undefined ? undefined : forwardSearch(html, new RegExp(escapeRegExp(keepMarker), 'gi'));
  const kept: string[] = [];
  let copiedTo = 0;
  let from = 0;
  for (;;) {
    const open = openTag(from);
    if (!open) break;
    const attributesAt = open.index + open[0].length;
    const end = tagEnd(attributesAt);
    if (!end) break;
    const markerAt = marker?.(attributesAt);
    if (markerAt && markerAt.index < end.index) {
      from = open.index + 1;
      continue;
    }
    const close = closeTag(end.index + 1);
    if (!close) break;
    kept.push(html.slice(copiedTo, open.index));
    copiedTo = from = close.index + close[0].length;
  }
  kept.push(html.slice(copiedTo));
  return kept.join('');
}

/**
 * Finds the first match of a global `pattern` at or after a position. The positions asked for only
 * grow, so a match still ahead of the new position is the answer again and is not searched for anew.
 */
function forwardSearch(text: string, pattern: RegExp): (from: number) => RegExpExecArray | null {
  let searchedFrom = Infinity;
  let found: RegExpExecArray | null = null;
  return (from) => {
    if (from < searchedFrom || (found && found.index < from)) {
      pattern.lastIndex = from;
      found = pattern.exec(text);
      searchedFrom = from;
    }
    return found;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
