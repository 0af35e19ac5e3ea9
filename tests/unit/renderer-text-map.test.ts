import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { htmlToText } from '../../electron/core/clip/sanitize/html-to-text.js';
import { mapText } from '../../renderer/text-map.js';

/** An article whose picture's caption says what the next paragraph starts with: a map that took it for text would go astray. */
const CONTENT = '<p>The island has a new ferry.</p>' +
  '<figure><img data-src="https://port.example/ferry.jpg" alt="The ferry"><figcaption>The new ferry in the harbour on Friday</figcaption></figure>' +
  '<p>The new ferry in the harbour carries 300 passengers.</p>';

/** Where each character of the paragraph after the picture lands in the clip's text (-1: nowhere). */
function paragraphOffsets(text: string): number[] {
  const root = new JSDOM(`<article>${CONTENT}</article>`).window.document.querySelector('article');
  assert.ok(root);
  const map = mapText(root, text);
  const n = map.nodes.findIndex((node) => node.data.startsWith('The new ferry in the harbour carries'));
  assert.ok(n >= 0, 'the paragraph is mapped');
  return Array.from(map.offsets[n] ?? []);
}

test('the text map skips a picture\'s caption the clip\'s text leaves out', () => {
  const text = htmlToText(CONTENT);
  assert.doesNotMatch(text, /on Friday/);
  const offsets = paragraphOffsets(text);
  assert.equal(offsets[0], text.indexOf('The new ferry in the harbour carries'));
  assert.equal(offsets.at(-1), text.length - 1);
});

test('the text map keeps the caption of a clip saved when captions were part of its text', () => {
  const caption = 'The new ferry in the harbour on Friday';
  const text = ['The island has a new ferry.', caption, 'The new ferry in the harbour carries 300 passengers.'].join('\n\n');
  const offsets = paragraphOffsets(text);
  assert.equal(offsets[0], text.lastIndexOf('The new ferry'));
  assert.equal(offsets.at(-1), text.length - 1);
});
