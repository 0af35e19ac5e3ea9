import { isLeftOutOfText } from '../../../shared/text-omissions.js';
import { parseFragment } from '../parse/dom-window.js';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);
const CELLS = new Set(['TD', 'TH']);
const PARAGRAPH = '\u2029';
const LINE = '\u2028';

/**
 * The plain text of sanitized HTML, which highlights anchor to: blocks are separated by one blank
 * line, <br> is a line break, runs of white space (NBSP included) are one space, <pre> is kept;
 * pictures' figures and captions are left out (shared/text-omissions.ts).
 */
export function htmlToText(html: string): string {
  return nodeToText(parseFragment(html));
}

export function nodeToText(root: Node): string {
  const parts: string[] = [];
  appendText(root, parts, false);
  return tidy(parts.join(''));
}

function appendText(node: Node, parts: string[], inPre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const value = child.nodeValue ?? '';
      parts.push(inPre ? value.replace(/\r?\n/g, LINE) : value.replace(/[\s\u00a0]+/g, ' '));
    } else if (child.nodeType === 1) {
      appendElement(child as Element, parts, inPre);
    } else if (child.nodeType === 11) {
      appendText(child, parts, inPre);
    }
  }
}

function appendElement(element: Element, parts: string[], inPre: boolean): void {
  const tag = element.tagName.toUpperCase();
  if (isLeftOutOfText(element)) return;
  if (tag === 'BR') {
    parts.push(LINE);
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) parts.push(PARAGRAPH);
  else if (CELLS.has(tag)) parts.push(' ');
  appendText(element, parts, inPre || tag === 'PRE');
  if (block) parts.push(PARAGRAPH);
}

function tidy(raw: string): string {
  return raw
    .replace(/[^\S\u2028\u2029\u3000]+/g, ' ')
    .split(PARAGRAPH)
    .map((block) => block.split(LINE).map((line) => line.replace(/^[\s\u3000]+|\s+$/g, '')).join('\n').trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
}
