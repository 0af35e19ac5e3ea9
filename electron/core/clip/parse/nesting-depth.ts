/**
 * How deep a page nests its elements, measured before jsdom and Readability see it. Both recurse over
 * the tree: a page nesting 100,000 elements overflows the stack, and Readability's time grows with the
 * square of the depth.
 *
 * parse5 is the tree builder jsdom runs, and it builds without recursion. Parsing the page as the
 * extractor hands it to jsdom (scripts and style sheets dropped, scripting off as in DOMParser) places
 * every element where jsdom places it; a tree adapter that keeps no text records each element's depth
 * as it is placed, and parsing stops once one lands past the limit.
 */
import { defaultTreeAdapter, parse } from 'parse5';
import type { DefaultTreeAdapterTypes as Tree, TreeAdapter } from 'parse5';
import { withoutScriptsAndStyles } from './raw-text-elements.js';

class TooDeep extends Error {}

/**
 * The depth of the deepest element, counting <html> as 1; stops early once past `limit`. An element the
 * tree builder later moves up (misnested formatting) or drops (a body replaced by a frameset) still counts
 * at the depth it was placed: jsdom built that tree too, if only for a moment.
 */
export function nestingDepth(html: string, limit = Infinity): number {
  const depths = new WeakMap<Tree.ParentNode, number>();
  let deepest = 0;
  /** A node placed under `parent`, with whatever it carries when the tree builder moves it, takes its depth from there. */
  const place = (parent: Tree.ParentNode, node: Tree.ChildNode): void => {
    const pending: Array<[Tree.Node, number]> = [[node, (depths.get(parent) ?? 0) + 1]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [element, depth] = next;
      if (!defaultTreeAdapter.isElementNode(element)) continue;
      depths.set(element, depth);
      deepest = Math.max(deepest, depth);
      if (deepest > limit) throw new TooDeep();
      // A template's content counts as its children: serializing the page walks into it too.
      const content = (element as Tree.Template).content as Tree.DocumentFragment | undefined;
      if (content) depths.set(content, depth);
      for (const child of [...element.childNodes, ...(content?.childNodes ?? [])]) pending.push([child, depth + 1]);
    }
  };
  const treeAdapter: TreeAdapter<Tree.DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    insertText: () => undefined,
    insertTextBefore: () => undefined,
    appendChild(parent, node) {
      defaultTreeAdapter.appendChild(parent, node);
      place(parent, node);
    },
    insertBefore(parent, node, reference) {
      defaultTreeAdapter.insertBefore(parent, node, reference);
      place(parent, node);
    },
  };
  try {
    parse(withoutScriptsAndStyles(html), { treeAdapter, scriptingEnabled: false });
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
  }
  return deepest;
}
