/**
 * Omnivore's `highlights/<slug>.md`, as its exporter writes each highlight: `> ${quote} ` (a blank
 * line inside the quote becomes `> `, its other lines go unmarked), then `#label #label` and the note
 * as paragraphs of their own; highlights are joined by blank lines, and page notes (no quote) are
 * bare paragraphs. A paragraph after a quote is read as that highlight's note: the file cannot tell
 * it from a page note written after it.
 */
import type { ImportedHighlight } from '../import-entry.js';

export interface OmnivoreNotes {
  highlights: Omit<ImportedHighlight, 'createdAt'>[];
  /** Notes on the whole page, written before any highlight. */
  pageNotes: string[];
}

/** A line of labels: `#name #other name`; a Markdown heading has a space after its `#`. */
const LABELS = /^#[^\s#]/;

export function parseOmnivoreHighlights(markdown: string): OmnivoreNotes {
  const notes: OmnivoreNotes = { highlights: [], pageNotes: [] };
  let current: OmnivoreNotes['highlights'][number] | null = null;
  for (const block of blocksOf(markdown)) {
    if (block.startsWith('>')) {
      current = { quote: quoteOf(block), note: null, tags: [] };
      notes.highlights.push(current);
    } else if (current && current.tags.length === 0 && current.note === null && LABELS.test(block)) {
      current.tags = block.split(/\s+(?=#)/).map((label) => label.slice(1).trim()).filter(Boolean);
    } else if (current) {
      current.note = current.note === null ? block : `${current.note}\n\n${block}`;
    } else {
      notes.pageNotes.push(block);
    }
  }
  return notes;
}

/** Paragraphs: runs of lines between blank lines (a `> ` line inside a quote is not blank). */
function blocksOf(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block.length > 0);
}

function quoteOf(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^> ?/, '').trimEnd())
    .join('\n')
    .trim();
}
