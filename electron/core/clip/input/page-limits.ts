import { MAX_IMPORT_CHARS } from '../../../api.js';
import { ClipdeskError } from '../../errors.js';
import { binaryKind } from '../decode/binary-sniff.js';
import { nestingDepth } from '../parse/nesting-depth.js';
import { pageTooLarge } from './fetch-page.js';

/**
 * Over twice as deep as the deepest page of the test corpora, and shallow enough that Readability,
 * whose time grows with the square of the depth, finishes in a couple of seconds on the worst such page.
 */
export const MAX_NESTING_DEPTH = 128;

/** Refuses bytes that cannot be a page or a text: none at all, or a binary file's. */
export function checkPageBytes(bytes: Uint8Array, refuse: (problem: string) => ClipdeskError): void {
  if (bytes.length === 0) throw refuse('is empty');
  const kind = binaryKind(bytes);
  if (kind) throw refuse(`is ${kind}, not a web page or text`);
}

/** Refuses text over the cap HTML is held to, before anything reads it. */
export function checkTextSize(text: string): void {
  if (text.length > MAX_IMPORT_CHARS) throw pageTooLarge(MAX_IMPORT_CHARS, 'The text');
}

/** Refuses HTML too big or too deeply nested to extract, before anything parses it. */
export function checkPageShape(html: string): void {
  if (html.length > MAX_IMPORT_CHARS) throw pageTooLarge(MAX_IMPORT_CHARS);
  if (nestingDepth(html, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) {
    throw new ClipdeskError('TOO_LARGE', `The page nests its elements more than ${MAX_NESTING_DEPTH} deep; Clipdesk does not clip it.`);
  }
}
