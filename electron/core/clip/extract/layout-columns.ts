import { textBlocks } from './text-blocks.js';

const CELLS = new Set(['TD', 'TH']);
/** A line this long without its links is a paragraph, not a menu entry or a headline. */
const PARAGRAPH_CHARS = 50;
const ARTICLE_PROSE = 500;
const ARTICLE_SHARE = 0.8;

/**
 * Old portals lay pages out as one table row: the article in one cell, menus and sidebars in the
 * cells beside it, and Readability often keeps the whole row. A cell holding most of the row's
 * paragraphs (and at least a few of them) is the article; the other cells of its row are dropped.
 * Data tables keep their rows, since their cells rarely hold paragraphs.
 */
export function dropSideColumns(root: Element): void {
  const rows = new Set<Element>();
  for (const cell of root.querySelectorAll('td, th')) if (cell.parentElement) rows.add(cell.parentElement);
  for (const row of rows) {
    if (!root.contains(row)) continue;
    const cells = Array.from(row.children).filter((child) => CELLS.has(child.tagName));
    if (cells.length >= 2) keepArticleCell(cells);
  }
}

function keepArticleCell(cells: Element[]): void {
  const prose = cells.map(proseLength);
  const most = Math.max(...prose);
  const total = prose.reduce((sum, chars) => sum + chars, 0);
  if (most < ARTICLE_PROSE || most < total * ARTICLE_SHARE) return;
  const article = prose.indexOf(most);
  cells.forEach((cell, index) => {
    if (index !== article) cell.remove();
  });
}

/** Characters in the element's paragraphs, link text aside. */
function proseLength(element: Element): number {
  let total = 0;
  for (const block of textBlocks(element)) {
    const own = block.chars - block.linkChars;
    if (own >= PARAGRAPH_CHARS) total += own;
  }
  return total;
}
