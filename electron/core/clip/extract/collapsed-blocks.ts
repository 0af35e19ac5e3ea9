import { isParagraph } from './text-blocks.js';

/** `collapsed`, `mw-collapsed`, `accordion--is-collapsed`: the class a page gives a box it shows folded. */
const COLLAPSED_CLASS = /(?:^|[-_])collapsed$/;

/**
 * Drops boxes the page shows folded shut: navigation boxes, long tables and lists behind a toggle,
 * menus, comment threads. A reader sees only their toggle, so they are not the article's text.
 * (Readability drops what the page hides outright, `hidden` or `display: none`, not what scripts
 * fold.) A folded box that holds paragraphs is kept: that is an article cut short behind "read
 * more", and a clip of it should have the whole text.
 */
export function dropCollapsedBlocks(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('[class*="collapsed" i]'))) {
    if (element.isConnected && isCollapsed(element) && !holdsParagraphs(element)) element.remove();
  }
}

function isCollapsed(element: Element): boolean {
  return Array.from(element.classList).some((name) => COLLAPSED_CLASS.test(name.toLowerCase()));
}

function holdsParagraphs(element: Element): boolean {
  return Array.from(element.querySelectorAll('p')).some((paragraph) => isParagraph(paragraph.textContent ?? ''));
}
