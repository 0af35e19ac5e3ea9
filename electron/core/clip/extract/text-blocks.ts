/** Tags that keep text on the same line of reading; every other element starts a new block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'IMG', 'KBD', 'LABEL',
  'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR',
]);

/** A block this long, or holding a full stop, is prose rather than a headline, dateline, byline or label. */
const PARAGRAPH_CHARS = 80;
/** Sentence punctuation of Chinese prose, which datelines, bylines and credit lines never carry. */
export const CHINESE_SENTENCE = /[，。！？；]/u;

/** A run of text a reader sees as one line or paragraph: its length and how much of it is link text. */
export interface TextBlock {
  chars: number;
  linkChars: number;
}

export function isInline(element: Element): boolean {
  return INLINE.has(element.tagName);
}

/**
 * Whether the element holds blocks of its own, rather than being one line or paragraph. Walked from
 * sibling to sibling: jsdom's `children` is a live collection, looked up anew after every change to the
 * tree, which made this most of the pruning of a page of a thousand paragraphs.
 */
export function hasBlockChild(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (!isInline(child) && child.tagName !== 'BR') return true;
  }
  return false;
}

/** The text blocks under root, in reading order; <br> and block elements end a block. */
export function textBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock = { chars: 0, linkChars: 0 };
  const end = (): void => {
    if (current.chars > 0) blocks.push(current);
    current = { chars: 0, linkChars: 0 };
  };
  const walk = (node: Node, inLink: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.TEXT_NODE) {
        const chars = visibleLength(child.nodeValue);
        current.chars += chars;
        if (inLink) current.linkChars += chars;
      } else if (child.nodeType === child.ELEMENT_NODE) {
        const element = child as Element;
        if (!isInline(element)) end();
        walk(element, inLink || element.tagName === 'A');
        if (!isInline(element)) end();
      }
    }
  };
  walk(root, false);
  end();
  return blocks;
}

/** How much visible text a subtree holds, how much of it is link text, and how many links it has. */
export interface SubtreeText {
  chars: number;
  linkChars: number;
  links: number;
}

/**
 * Text measures for root and every element under it, in one pass: rules that judge each block by
 * its links would otherwise re-read every subtree once per ancestor.
 */
export function measureSubtrees(root: Element): Map<Element, SubtreeText> {
  const measures = new Map<Element, SubtreeText>();
  const measure = (element: Element, inLink: boolean): SubtreeText => {
    const isLink = element.tagName === 'A';
    const total: SubtreeText = { chars: 0, linkChars: 0, links: isLink ? 1 : 0 };
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.TEXT_NODE) {
        const chars = visibleLength(child.nodeValue);
        total.chars += chars;
        if (inLink || isLink) total.linkChars += chars;
      } else if (child.nodeType === child.ELEMENT_NODE) {
        const inner = measure(child as Element, inLink || isLink);
        total.chars += inner.chars;
        total.linkChars += inner.linkChars;
        total.links += inner.links;
      }
    }
    measures.set(element, total);
    return total;
  };
  measure(root, false);
  return measures;
}

/** Share of a subtree's visible text that sits inside links. */
export function linkShare(text: SubtreeText | undefined): number {
  return text && text.chars > 0 ? text.linkChars / text.chars : 0;
}

/** Characters a reader sees, white space aside; a Han character counts one, like a letter. */
export function visibleLength(text: string | null | undefined): number {
  return text ? text.replace(/\s+/g, '').length : 0;
}

/** Headlines end in ？ or ！ often enough, but never in 。. */
export function isParagraph(text: string): boolean {
  return visibleLength(text) >= PARAGRAPH_CHARS || text.includes('。');
}

/** Text as one line reads: runs of white space as one space, none at the ends. */
export function squeeze(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
