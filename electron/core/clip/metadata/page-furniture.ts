/** Sidebars and menus; the site's <footer> too, but not an article's own, which carries its date. */
const FURNITURE_TAGS = new Set(['ASIDE', 'NAV']);
/** Class and id words of blocks that list other articles or readers' comments (Readability's unlikely candidates). */
const FURNITURE_NAMES = /comment|disqus|replies|related|recommend|sidebar|popular|trending|widget/i;
/** Where the walk ends: <body> and <html> wrap everything, and classes on them describe the page, not a block. */
const PAGE_TAGS = new Set(['BODY', 'HEAD', 'HTML']);

/**
 * Whether an element sits in the page's furniture rather than its article: a sidebar, a menu,
 * the site's footer, a list of related stories or the comments. Dates there belong to other
 * pages or to readers. The walk stops at the article element, whose header and footer are its own.
 */
export function inPageFurniture(element: Element): boolean {
  const article = element.closest('article');
  for (let node: Element | null = element; node && node !== article && !PAGE_TAGS.has(node.tagName); node = node.parentElement) {
    if (FURNITURE_TAGS.has(node.tagName) || (node.tagName === 'FOOTER' && !article)) return true;
    if (FURNITURE_NAMES.test(`${node.id} ${node.getAttribute('class') ?? ''}`)) return true;
  }
  return false;
}
