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
  const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= NAME_CHARS && LINKED_NAME.test(text) && !ACCOUNT_CONTROL.test(text) ? text : null;
}
