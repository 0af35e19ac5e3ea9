import { inPageFurniture } from './page-furniture.js';

/** Where a site keeps a writer's page: `/author/alexia-tsotsis/`, `/people/…`, `/staff/…`, `/about/editors/…` (not the list itself). */
export const AUTHOR_PAGE = /\/(?:authors?|people|staff|profiles?|contributors?|writers?|editors?|users?)\/[^/?#\s]/i;
/** A person's name as a link shows it: two to four capitalized words (`Juli Clover`, `TMZ STAFF`, `André Mindermann`). */
const LINKED_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|la|le)){1,3}$/u;
const NAME_CHARS = 50;
/** The account controls a site links to its users' pages with (`/user/login`), named like people: `LOG IN`, `Sign Up`, `My Account`. */
const ACCOUNT_CONTROL = /^(?:(?:log|sign)\s*(?:in|on|out|up)|my\s+(?:account|profile)|register|create\s+account)$/iu;

/**
 * The writers a page names by linking to their pages or marking the links `rel="author"`, for
 * templates whose byline Readability does not recognise (`Wednesday January 18, 2017 11:44 am PST by
 * <a href="/author/juli-clover/">Juli Clover</a>`): the first such link outside the page's furniture
 * whose text is a name, with the others beside it (`By <a>Matthew Digby</a>, <a>Jane Doe</a>`). Lists
 * of other writers sit in menus, sidebars and footers, which are passed over.
 */
export function authorLinkName(document: Document): string | null {
  const first = [...document.querySelectorAll('a[href]')].find((link) => linkedName(link) !== null && !inPageFurniture(link));
  if (!first?.parentElement) return null;
  const names = [...first.parentElement.children].map(linkedName).filter((name): name is string => name !== null);
  return [...new Set(names)].join(', ');
}

/** The name a link to a writer's page shows, or null when it is no such link. */
function linkedName(link: Element): string | null {
  if (link.tagName !== 'A') return null;
  if (!AUTHOR_PAGE.test(link.getAttribute('href') ?? '') && !/\bauthor\b/i.test(link.getAttribute('rel') ?? '')) return null;
  const text = textOf(link);
  return text.length <= NAME_CHARS && LINKED_NAME.test(text) && !ACCOUNT_CONTROL.test(text) ? text : null;
}

/** The most a byline of several writers holds: longer is a paragraph that happens to name two of them. */
const SHARED_BYLINE_CHARS = 200;

/**
 * The byline of a story with several writers, each marked as an author (`By <span itemprop="author">
 * Julia Carrie Wong</span> and <span itemprop="author">Sam Levin</span>`): the smallest block around the
 * first marked writer that marks another by another name, as it prints them. Readability and a link's
 * neighbours give one of them. Null when no block of a byline's length marks two writers.
 */
export function sharedBylineText(document: Document): string | null {
  const marked = [...document.querySelectorAll('[itemprop~="author"], a[rel~="author"]')].filter((mark) => !inPageFurniture(mark));
  const [first] = marked;
  const firstName = textOf(first);
  if (!first || !firstName) return null;
  for (let block = first.parentElement; block && block.tagName !== 'BODY'; block = block.parentElement) {
    const text = textOf(block);
    if (text.length > SHARED_BYLINE_CHARS) return null;
    if (marked.some((mark) => block.contains(mark) && !isNameOf(mark, firstName))) return text;
  }
  return null;
}

/** An element's text, its spacing squeezed. */
function textOf(element: Element | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether a mark names the same writer: itself, or a mark inside or around it (`<span itemprop="author"><a rel="author">`). */
function isNameOf(mark: Element, name: string): boolean {
  const other = textOf(mark);
  return other === '' || other.includes(name) || name.includes(other);
}
