import { AUTHOR_PAGE } from '../metadata/author-link.js';
import { hasBlockChild, squeeze, visibleLength } from './text-blocks.js';

/** `Phil Helsel is …`, `Emiliano joined …`, `Alexia Tsotsis currently works …`: a sentence about a person that opens with their name. */
const BIO = /^((?:\p{Lu}[\p{L}'’.-]*\s+){1,4})(?:currently\s+)?(?:is|was|has|joined|covers|writes|reports|lives|works|serves|teaches)\s/u;
/** A line that is only a name, as an author box heads its note: `Trevor Daugherty`, `Regan`. */
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
const BIO_CHARS = { min: 20, max: 600 };
const BOX_CHARS = 800;
/** Text a heading of the box may add around it: `About the Author`. */
const BOX_HEADING_CHARS = 30;
/** What may follow the box: share buttons or a credit line, never a paragraph of the article. */
const AFTER_BOX_CHARS = 60;
/** What may precede a box set above the story: its headline, byline and date. */
const BEFORE_BOX_CHARS = 200;

/**
 * Drops the author box at the end of an article: the writer's name on a line of its own, or a link
 * to the writer's page, and a note that opens with that name (`Phil Helsel` / `Phil Helsel is a
 * reporter for NBC News.`). Above the story only a box that links to the writer's page goes: a
 * profile that opens an interview names its person too. The byline stays; the box is the page's
 * profile of the writer, not the story.
 */
export function dropAuthorBio(root: Element): void {
  for (const line of Array.from(root.querySelectorAll('p, div, span, em, h2, h3, h4, h5, h6')).reverse()) {
    if (!root.contains(line) || hasBlockChild(line)) continue;
    const box = authorBox(root, line);
    if (box) box.remove();
  }
}

/** The box around a bio line, when the line is one and a line naming the same person sits above it. */
function authorBox(root: Element, line: Element): Element | null {
  const text = squeeze(line.textContent);
  const bioName = BIO.exec(text)?.[1]?.trim();
  if (!bioName || visibleLength(text) < BIO_CHARS.min || visibleLength(text) > BIO_CHARS.max) return null;
  for (let box = line.parentElement; box && box !== root; box = box.parentElement) {
    if (visibleLength(box.textContent) > BOX_CHARS) return null;
    const authorLink = linksToAuthorPage(box);
    if (!authorLink && !namesPerson(box, line, bioName)) continue;
    if (afterArticle(root, box)) return withHeading(root, box);
    return authorLink && beforeArticle(root, box) ? box : null;
  }
  return null;
}

function linksToAuthorPage(box: Element): boolean {
  return Array.from(box.querySelectorAll('a[href]')).some((link) => AUTHOR_PAGE.test(link.getAttribute('href') ?? ''));
}

function namesPerson(box: Element, bio: Element, bioName: string): boolean {
  return Array.from(box.querySelectorAll('*')).some((element) => {
    if (element.contains(bio) || bio.contains(element)) return false;
    const text = squeeze(element.textContent);
    return NAME.test(text) && `${text} `.startsWith(`${bioName} `);
  });
}

/** The box with the parent that only adds a heading to it. */
function withHeading(root: Element, box: Element): Element {
  const parent = box.parentElement;
  const extra = parent ? visibleLength(parent.textContent) - visibleLength(box.textContent) : Infinity;
  return parent && parent !== root && extra <= BOX_HEADING_CHARS ? parent : box;
}

function afterArticle(root: Element, box: Element): boolean {
  return textBeside(root, box, 'nextSibling') <= AFTER_BOX_CHARS;
}

function beforeArticle(root: Element, box: Element): boolean {
  return textBeside(root, box, 'previousSibling') <= BEFORE_BOX_CHARS;
}

/** The length of the article's text on one side of the box. */
function textBeside(root: Element, box: Element, side: 'nextSibling' | 'previousSibling'): number {
  let chars = 0;
  for (let node: Element | null = box; node && node !== root; node = node.parentElement) {
    for (let next = node[side]; next; next = next[side]) chars += visibleLength(next.textContent);
  }
  return chars;
}
