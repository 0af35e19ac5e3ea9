import { visibleLength } from './text-blocks.js';

/** Ids and data-* values templates give their sign-up boxes: `newsletter-signup`, `emailSignup`, `subscribe-box`. */
const SIGNUP_NAME = /newsletter|sign-?up|subscri(?:be|ption)/i;
/** A box this short is a pitch; a longer element so named is a wrapper around the article itself. */
const BOX_CHARS = 400;

/**
 * Drops newsletter and subscription boxes the template placed inside the article ("Breaking News
 * Emails … SUBSCRIBE"), found by the name the markup gives them rather than by their wording, which
 * the article's own text may share.
 */
export function dropSignupBoxes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (root.contains(element) && isSignupBox(element)) element.remove();
  }
}

function isSignupBox(element: Element): boolean {
  const named = Array.from(element.attributes).some(({ name, value }) => isBoxName(name) && SIGNUP_NAME.test(value));
  return named && visibleLength(element.textContent) <= BOX_CHARS;
}

function isBoxName(attribute: string): boolean {
  return attribute === 'id' || attribute.startsWith('data-');
}
