import { isInline, linkShare, measureSubtrees, visibleLength } from './text-blocks.js';
import type { SubtreeText } from './text-blocks.js';

/** Blocks meant to hold prose: a few links in them are citations, not navigation. */
const PARAGRAPHS = new Set(['P', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MIN_LINKS = { paragraph: 5, other: 3 };
const LINK_SHARE = 0.5;
const LINE_LINK_SHARE = 0.8;
const MIN_LINK_LINES = 3;
/** Text a teaser card adds below its linked headline: the first lines of the other story. */
const CARD_TEASER_CHARS = 20;

/**
 * Removes navigation the article container kept: <nav> elements, which the page itself calls
 * navigation; blocks whose text is mostly link text (menus, "related" lists, tag clouds, pagination);
 * and runs of three or more sibling lines that are each just a link (headline lists written as paragraphs).
 */
export function dropLinkLists(root: Element): void {
  for (const nav of Array.from(root.querySelectorAll('nav'))) nav.remove();
  const measures = measureSubtrees(root);
  const visit = (parent: Element): void => {
    dropLinkLineRuns(parent, measures);
    // Sibling to sibling (see text-blocks.ts hasBlockChild), the next one taken before this one may go.
    for (let child = parent.firstElementChild; child; ) {
      const next = child.nextElementSibling;
      if (!isInline(child)) {
        if (isLinkList(child, measures.get(child)) || isTeaserCard(child, measures.get(child))) child.remove();
        else visit(child);
      }
      child = next;
    }
  };
  visit(root);
}

function isLinkList(element: Element, text: SubtreeText | undefined): boolean {
  const needed = PARAGRAPHS.has(element.tagName) ? MIN_LINKS.paragraph : MIN_LINKS.other;
  return (text?.links ?? 0) >= needed && linkShare(text) >= LINK_SHARE;
}

/**
 * A card for another story (`<a href="/next"><h3>RIM CEOs quit</h3><p>From The Wall Street Journal…</p></a>`
 * under "Read this next"): all its text is one link holding a headline and the story's first lines.
 * A headline that links to its own story holds no more than the headline.
 */
function isTeaserCard(element: Element, text: SubtreeText | undefined): boolean {
  // The measures rule out nearly every block before its subtree is searched.
  if (!text || text.links !== 1 || text.linkChars < text.chars) return false;
  const link = element.querySelector('a[href]');
  const headlines = link ? Array.from(link.querySelectorAll('h1, h2, h3, h4, h5, h6')) : [];
  const headlineChars = headlines.reduce((sum, headline) => sum + visibleLength(headline.textContent), 0);
  return headlines.length > 0 && text.linkChars - headlineChars >= CARD_TEASER_CHARS;
}

function dropLinkLineRuns(parent: Element, measures: Map<Element, SubtreeText>): void {
  let run: Element[] = [];
  const flush = (): void => {
    const [first, last] = [run[0], run.at(-1)];
    if (run.length >= MIN_LINK_LINES && first && last) removeSpan(first, last);
    run = [];
  };
  for (const node of childList(parent)) {
    if (node.nodeType === node.TEXT_NODE && visibleLength(node.nodeValue) === 0) continue;
    const text = node.nodeType === node.ELEMENT_NODE ? measures.get(node as Element) : undefined;
    if (text && text.links > 0 && linkShare(text) >= LINE_LINK_SHARE) run.push(node as Element);
    else if (node.nodeType === node.ELEMENT_NODE || node.nodeType === node.TEXT_NODE) flush();
  }
  flush();
}

/**
 * Removes the siblings from `first` to `last`, the blank text between them too, first to last: the DOM
 * finds each node's place among its siblings counting from the first, so removing only the lines, each
 * behind the blanks left before it, took seconds for a run of thousands.
 */
function removeSpan(first: Node, last: Node): void {
  for (let node: Node | null = first; node; ) {
    const next: Node | null = node === last ? null : node.nextSibling;
    node.parentNode?.removeChild(node);
    node = next;
  }
}

/** The child nodes, walked sibling to sibling: reading `childNodes` makes the DOM keep a live list, rebuilt at every later removal. */
function childList(parent: Node): ChildNode[] {
  const nodes: ChildNode[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) nodes.push(node);
  return nodes;
}
