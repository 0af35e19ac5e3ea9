import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFragment } from '../../electron/core/clip/parse/dom-window.js';
import type { Library } from '../../electron/core/library.js';
import { activeContent, familyTitle, hostileMarkdown, hostilePage, payloadFamilies } from '../fixtures/hostile/payloads.js';
import { tempLibrary } from '../helpers/temp-library.js';

/**
 * Every payload of the XSS corpus goes into a real library twice: inside an article page (extraction,
 * then the sanitizer) and as raw HTML in a Markdown note (the sanitizer alone). What is stored must be
 * inert as parsed, and still inert after one more serialize-and-parse round, where mutation XSS shows.
 */
const families = payloadFamilies();
const payloadCount = families.reduce((sum, family) => sum + family.payloads.length, 0);

function inertProblems(content: string): string[] {
  const parsed = parseFragment(content);
  const reparsed = parseFragment(serialize(parsed));
  return [...activeContent(parsed), ...activeContent(reparsed)];
}

function serialize(fragment: DocumentFragment): string {
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment.cloneNode(true));
  return holder.innerHTML;
}

describe('hostile HTML in clips', () => {
  let library: Library;
  let cleanup: () => Promise<void>;

  before(async () => ({ library, cleanup } = await tempLibrary()));
  after(() => cleanup());

  it(`has a corpus of ${payloadCount} payloads in ${families.length} families`, () => {
    assert.ok(families.length >= 10, 'payload families');
    assert.ok(payloadCount >= 300, 'payloads');
  });

  for (const family of families) {
    it(`stores a page full of ${family.name} payloads inert, keeping its article`, async () => {
      const { clip } = await library.import({ kind: 'html', html: hostilePage(family), url: `https://news.example/hostile/${family.name}` });
      const { title, content, text } = await library.get(clip.id);
      assert.equal(title, familyTitle(family));
      assert.match(text, /The harbour authority published its quarterly figures/);
      assert.deepEqual(inertProblems(content), []);
    });

    it(`stores each ${family.name} payload inert when it arrives as raw HTML in Markdown`, async () => {
      for (const [index, payload] of family.payloads.entries()) {
        const { clip } = await library.import({ kind: 'text', markdown: true, text: hostileMarkdown(family, index) });
        const { content } = await library.get(clip.id);
        assert.deepEqual(inertProblems(content), [], payload);
      }
    });
  }

  it('catches what it is meant to catch: a payload that the sanitizer did not see', () => {
    const unsanitized = families.flatMap((family) => family.payloads).filter((payload) => inertProblems(payload).length > 0);
    assert.ok(unsanitized.length > payloadCount * 0.9, `only ${unsanitized.length} of ${payloadCount} payloads look active raw`);
  });
});
