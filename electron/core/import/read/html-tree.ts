/**
 * HTML export files read with parse5, the tree builder browsers' own rules come from: bookmark files
 * never close their <DT>, <DD> and <p>, and it places them as a browser importing the file does.
 */
import { defaultTreeAdapter, parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes as Tree } from 'parse5';

export type HtmlElement = Tree.Element;

/** The document's <body>, its elements knowing the line they start on. */
export function htmlBody(html: string): HtmlElement {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const root = childNamed(document, 'html');
  const body = root && childNamed(root, 'body');
  if (!body) throw new Error('parse5 always builds a body');
  return body;
}

/** Every element under `root` in document order, walked without recursion (deep folder trees cannot overflow the stack). */
export function* htmlElements(root: Tree.ParentNode): Generator<HtmlElement> {
  const pending: Tree.Node[] = [...root.childNodes].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (defaultTreeAdapter.isElementNode(node)) yield node;
    if ('childNodes' in node) pending.push(...[...node.childNodes].reverse());
  }
}

/** The element children of a node, in order. */
export function childElements(node: Tree.ParentNode): HtmlElement[] {
  return node.childNodes.filter((child): child is HtmlElement => defaultTreeAdapter.isElementNode(child));
}

export function attribute(element: HtmlElement, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

/** The text of a node and its descendants, entities decoded; elements named `skipped` left out with theirs. */
export function textOf(node: Tree.ParentNode, skipped?: string): string {
  let text = '';
  const pending: Tree.Node[] = [...node.childNodes].reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (defaultTreeAdapter.isTextNode(next)) text += next.value;
    else if ('childNodes' in next && !(defaultTreeAdapter.isElementNode(next) && next.tagName === skipped)) {
      pending.push(...[...next.childNodes].reverse());
    }
  }
  return text;
}

/** The line the element starts on in the file. */
export function lineOf(element: HtmlElement): number {
  return element.sourceCodeLocation?.startLine ?? 0;
}

/** The node's first child element with that tag name. */
export function childNamed(node: Tree.ParentNode, tagName: string): HtmlElement | null {
  return childElements(node).find((child) => child.tagName === tagName) ?? null;
}

/** Text some exporters keep with HTML entities in it (Raindrop's excerpts: `&nbsp;`), as a reader sees it. */
export function decodeHtmlText(text: string): string {
  if (!/[&<]/.test(text)) return text;
  return textOf(parseFragment(text)).replace(/\u00a0/g, ' ');
}
