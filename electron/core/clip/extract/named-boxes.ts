import { visibleLength } from './text-blocks.js';

interface NamedBox {
  name: RegExp;
  /** The attributes that may name it, besides any data-* attribute. */
  attributes: readonly string[];
  /** A box is short; a longer element so named wraps more than the box. */
  maxChars: number;
}

/**
 * Boxes a template names for what they are, found by that name rather than by their wording, which
 * the article's own text may share. Readability has stripped class names by now; ids, ARIA labels,
 * microdata types and data-* values are left.
 */
const NAMED_BOXES: readonly NamedBox[] = [
  {
    // Newsletter and subscription boxes: `newsletter-signup`, `emailSignup`, `subscribe-box`. A longer
    // element so named is a wrapper around the article itself (`subscription-content`).
    name: /newsletter|sign-?up|subscri(?:be|ption)/i,
    attributes: ['id'],
    maxChars: 400,
  },
  {
    // Breadcrumb trails: `<nav id="breadcrumb">`, `aria-label="Breadcrumb"`, schema.org's BreadcrumbList.
    // Readability drops only those named in the plural.
    name: /breadcrumb/i,
    attributes: ['id', 'aria-label', 'itemtype'],
    maxChars: 300,
  },
];

/** Drops the boxes of NAMED_BOXES the template placed inside the article ("Breaking News Emails … SUBSCRIBE", "Home › News"). */
export function dropNamedBoxes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (root.contains(element) && isNamedBox(element)) element.remove();
  }
}

function isNamedBox(element: Element): boolean {
  const attributes = Array.from(element.attributes);
  return NAMED_BOXES.some((box) =>
    attributes.some((attribute) => names(attribute, box)) && visibleLength(element.textContent) <= box.maxChars);
}

function names(attribute: Attr, box: NamedBox): boolean {
  return (box.attributes.includes(attribute.name) || attribute.name.startsWith('data-')) && box.name.test(attribute.value);
}
