import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentTexts } from '../../electron/core/store/recent-texts.js';

test('recent texts: a text asked again is not loaded again, and the least recently used one goes first', () => {
  const loads: string[] = [];
  const texts = new RecentTexts(2);
  const read = (key: string) => texts.get(key, () => {
    loads.push(key);
    return `text of ${key}`;
  });
  assert.equal(read('a'), 'text of a');
  read('b');
  assert.equal(read('a'), 'text of a');
  read('c'); // evicts b, the least recently used
  read('a');
  read('b');
  assert.deepEqual(loads, ['a', 'b', 'c', 'b']);
});

test('recent texts: a failed load keeps nothing, so the next ask tries again', () => {
  const texts = new RecentTexts(2);
  assert.throws(() => texts.get('a', () => {
    throw new Error('missing');
  }), /missing/);
  assert.equal(texts.get('a', () => 'found'), 'found');
});
