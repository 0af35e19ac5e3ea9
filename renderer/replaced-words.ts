import type { ReplacedValue } from '../electron/api.js';

/**
 * A value a sync replaced, in words a reader knows: which part of the clip it was and what it said.
 * Entries arrive as stored (part name and raw fields); a part this does not know yet is still shown,
 * by its name and fields, since hiding a kept value would look like losing it.
 */

const PART_LABELS: Record<string, string> = {
  title: 'Title', note: 'Note', starred: 'Star', readState: 'Read state',
  deletedAt: 'Trash', pending: 'Article fetch', page: 'Page text and details', highlight: 'Highlight',
};

export function replacedPartLabel(part: string): string {
  return PART_LABELS[part] ?? part;
}

/** What the replaced value said; quoted when it is the person's own words (a note, a title). */
export function replacedValueText({ part, value }: ReplacedValue): string {
  switch (part) {
    case 'note':
      return quoted(value.note, 'no note');
    case 'title':
      return quoted(value.title, 'no title');
    case 'starred':
      return value.starred ? 'starred' : 'not starred';
    case 'readState':
      return typeof value.readState === 'string' ? value.readState : 'unknown';
    case 'deletedAt':
      return value.deletedAt ? 'in the trash' : 'not in the trash';
    case 'pending':
      return value.pending ? 'article not fetched yet' : 'article fetched';
    case 'highlight':
      return `${quoted(value.note, 'no note')} (${String(value.color)}) on ${quoted(value.quote, 'a passage')}`;
    case 'page':
      return typeof value.wordCount === 'number' ? `another version of the page (${value.wordCount} words)` : 'another version of the page';
    default:
      return Object.entries(value).map(([field, inner]) => `${field}: ${JSON.stringify(inner)}`).join(', ');
  }
}

/** Newest replacement first, as a reader looks for what just changed. */
export function newestFirst(history: readonly ReplacedValue[]): ReplacedValue[] {
  return [...history].reverse().sort((a, b) => (a.replacedAt < b.replacedAt ? 1 : a.replacedAt > b.replacedAt ? -1 : 0));
}

function quoted(text: unknown, empty: string): string {
  return typeof text === 'string' && text !== '' ? `“${text}”` : empty;
}
