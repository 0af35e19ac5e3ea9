import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDocument, releaseDocument } from '../../electron/core/clip/dom-window.js';

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
});
