import { JSDOM } from 'jsdom';
import { withoutScriptsAndStyles } from './raw-text-elements.js';

let shared: JSDOM | null = null;
const declaredBases = new WeakMap<Document, string>();

/**
 * One script-less jsdom window, reused for sanitizing and text conversion of fragments. It never
 * runs scripts nor loads resources (jsdom's defaults), so building nodes in it is inert.
 */
export function sharedWindow(): JSDOM['window'] {
  if (!shared) {
    shared = new JSDOM('<!doctype html><html><body></body></html>');
    ignoreWindowListeners(shared.window);
  }
  return shared.window;
}

/** Parses an HTML fragment into an inert <template> content (nothing loads, nothing runs). */
export function parseFragment(html: string): DocumentFragment {
  const template = sharedWindow().document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/**
 * Parses a whole page into a document without a browsing context (DOMParser): scripts never run,
 * nothing loads, and <style> sheets are not parsed (jsdom's CSS parser is slow and can throw).
 * Hand it to releaseDocument when done.
 */
export function parseDocument(html: string): Document {
  const window = sharedWindow();
  const document = new window.DOMParser().parseFromString(withoutScriptsAndStyles(html), 'text/html');
  // Relative links resolve against the page's own address, never a <base> the page chose.
  const declared = document.querySelector('base[href]')?.getAttribute('href');
  if (declared) declaredBases.set(document, declared);
  for (const base of Array.from(document.getElementsByTagName('base'))) base.remove();
  return document;
}

/** The href of the `<base>` a parsed page declared (parseDocument removes the element), or null. */
export function declaredBase(document: Document): string | null {
  return declaredBases.get(document) ?? null;
}

/**
 * The elements with these (upper-case) tag names, in document order, as a list that later changes
 * do not disturb. A tree walker: jsdom's selector engine and live collections take seconds over a
 * large page's thousands of boxes.
 */
export function elementsByTag(document: Document, tags: readonly string[]): Element[] {
  const walker = document.createTreeWalker(document, sharedWindow().NodeFilter.SHOW_ELEMENT);
  const found: Element[] = [];
  while (walker.nextNode()) {
    const element = walker.currentNode as Element;
    if (tags.includes(element.tagName)) found.push(element);
  }
  return found;
}

/**
 * Lets go of a parsed page. jsdom's window tracks every element with an id or a name, in any
 * document it made, until the element leaves its document; detaching the tree ends that, else each
 * clip would stay in memory for the life of the process (tens of MB for a large page).
 */
export function releaseDocument(document: Document): void {
  document.documentElement?.remove();
}

/**
 * jsdom's selector engine adds focus, key and mouse listeners to the window for every document it
 * queries and never removes them, which keeps each queried page alive. This window never receives
 * input events, so listeners on it would never run: they are not kept.
 */
function ignoreWindowListeners(window: JSDOM['window']): void {
  window.addEventListener = () => undefined;
}
