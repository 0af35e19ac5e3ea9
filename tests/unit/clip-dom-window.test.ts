import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { declaredBase, elementsByTag, parseDocument, releaseDocument } from '../../electron/core/clip/parse/dom-window.js';
import { withoutElements } from '../../electron/core/clip/parse/raw-text-elements.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Parses and queries a page as extraction does, releases it, and keeps only a weak reference. */
function parseAndRelease(): WeakRef<Document> {
  const document = parseDocument('<body><div id="main" class="a"><p id="p1">one</p><input name="q"></div></body>');
  document.querySelectorAll('p, div');
  document.getElementById('main')?.querySelector('#p1');
  releaseDocument(document);
  return new WeakRef(document);
}

describe('the shared jsdom window', () => {
  it('lets a released page be garbage-collected after selector queries and ids', async () => {
    const pages = Array.from({ length: 3 }, parseAndRelease);
    for (let round = 0; round < 3; round += 1) {
      await setImmediate();
      collectGarbage();
    }
    assert.equal(pages.filter((page) => page.deref() !== undefined).length, 0);
  });

  it('removes the page\'s <base> but remembers the first one that has an address', () => {
    const document = parseDocument('<head><base target="_top"><base href="/news/"><base href="/other/"></head><body><p>x</p></body>');
    assert.equal(document.getElementsByTagName('base').length, 0);
    assert.equal(declaredBase(document), '/news/');
    assert.equal(declaredBase(parseDocument('<p>no base</p>')), null);
  });

  it('lists elements by tag in document order, a list later removals do not shorten', () => {
    const document = parseDocument('<body><img id="a"><noscript><img id="b"></noscript><picture><img id="c"></picture></body>');
    const found = elementsByTag(document, ['IMG', 'PICTURE']);
    for (const element of found) element.remove();
    assert.deepEqual(found.map((element) => element.id || element.tagName), ['a', 'b', 'PICTURE', 'c']);
  });
});

describe('removing scripts and style sheets before parsing', () => {
  it('drops scripts and style sheets from a page but keeps its JSON-LD and its text', () => {
    const document = parseDocument(`<html><head><style>p { color: red }</style><SCRIPT src="a.js"></SCRIPT >
<script type="application/ld+json">{"datePublished":"2024-03-01"}</script></head><body><p>Harbour figures.</p>
<script>if (a < b) document.write("</p>")</script\t><style media="print">body { margin: 0 }</style ><p>More figures.</p></body></html>`);
    assert.deepEqual(Array.from(document.querySelectorAll('script, style'), (element) => element.outerHTML),
      ['<script type="application/ld+json">{"datePublished":"2024-03-01"}</script>']);
    assert.equal(document.body.textContent?.trim(), 'Harbour figures.\nMore figures.');
    releaseDocument(document);
  });

  it('ends a block at its first closing tag, as the HTML tokenizer does', () => {
    assert.equal(withoutElements('a<script>let s = "</script>";</script>b', 'script'), 'a";</script>b');
  });

  it('leaves alone longer tag names, unterminated blocks and blocks whose opening tag carries the marker', () => {
    assert.equal(withoutElements('<scripts>x</scripts>', 'script'), '<scripts>x</scripts>');
    assert.equal(withoutElements('a<script>b</scriptx>c', 'script'), 'a<script>b</scriptx>c');
    assert.equal(withoutElements('a<script type="APPLICATION/LD+JSON">{}</script><script>x</script>b', 'script', 'application/ld+json'),
      'a<script type="APPLICATION/LD+JSON">{}</script>b');
  });

  const hostile: Record<string, [html: string, name: string]> = {
    'unterminated <script repeated': ['<script'.repeat(40_000), 'script'],
    'unterminated <style repeated': ['<style'.repeat(40_000), 'style'],
    'opening tags never closed, repeated': ['<script type="text/javascript">'.repeat(40_000), 'script'],
    'one <script> never closed, then 2 MB of text': [`<script>${'The harbour authority published figures. '.repeat(50_000)}`, 'script'],
    'closing tags without their >, repeated': [`<script>${'</script '.repeat(40_000)}`, 'script'],
  };
  for (const [shape, [html, name]] of Object.entries(hostile)) {
    it(`gets through ${shape} in linear time`, () => {
      const started = performance.now();
      assert.equal(withoutElements(html, name, 'application/ld+json'), html);
      const took = performance.now() - started;
      assert.ok(took < 250, `took ${Math.round(took)} ms`);
    });
  }
});
