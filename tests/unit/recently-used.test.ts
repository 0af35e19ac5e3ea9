import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentlyUsed } from '../../electron/core/recently-used.js';

/** A cache of texts bounded by `maxChars`, whose loads are recorded, each key's text `length` characters long. */
function recorded(maxChars: number) {
  const loads: string[] = [];
  const texts = new RecentlyUsed<string>(maxChars, (text) => text.length);
  const read = (key: string, length = 10) => texts.getAll([key], (missing) => missing.map((name) => {
    loads.push(name);
    return name.padEnd(length, '.');
  }))[0] as string;
  return { loads, read, texts };
}

test('recently used: a value asked again is not loaded again, and the least recently used one goes first', () => {
  const { loads, read } = recorded(20);
  assert.equal(read('a'), 'a.........');
  read('b');
  assert.equal(read('a'), 'a.........');
  read('c'); // evicts b, the least recently used
  read('a');
  read('b');
  assert.deepEqual(loads, ['a', 'b', 'c', 'b']);
});

test('recently used: the bound is on size, so one large value makes room by dropping several small ones', () => {
  const { loads, read } = recorded(30);
  for (const key of ['a', 'b', 'c']) read(key);
  read('long', 25); // 55 characters: a, b and c go
  read('long', 25);
  read('c');
  assert.deepEqual(loads, ['a', 'b', 'c', 'long', 'c']);
});

test('recently used: a value larger than the whole bound is returned and not kept, and evicts nothing', () => {
  const { loads, read } = recorded(30);
  read('a');
  assert.equal(read('huge', 31).length, 31);
  read('huge', 31);
  read('a');
  assert.deepEqual(loads, ['a', 'huge', 'huge']);
});

test('recently used: a failed load keeps nothing, so the next ask tries again', () => {
  const { texts } = recorded(20);
  assert.throws(() => texts.getAll(['a'], () => {
    throw new Error('missing');
  }), /missing/);
  assert.deepEqual(texts.getAll(['a'], () => ['found']), ['found']);
});

test('recently used: the values not kept among several are loaded by one call, once each, and returned in order', () => {
  const { loads, read, texts } = recorded(40);
  read('b');
  const calls: string[][] = [];
  const values = texts.getAll(['a', 'b', 'c', 'a'], (missing) => {
    calls.push(missing);
    return missing.map((key) => key.toUpperCase());
  });
  assert.deepEqual(values, ['A', 'b.........', 'C', 'A']);
  assert.deepEqual(calls, [['a', 'c']]);
  assert.deepEqual(texts.getAll(['c', 'a'], () => assert.fail('both are kept')), ['C', 'A']);
  assert.deepEqual(loads, ['b']);
});

test('recently used: a value that does not load is not kept, so it is tried again when asked for next', () => {
  const texts = new RecentlyUsed<string>(100, (text) => text.length);
  const loads: string[][] = [];
  const load = (missing: string[]) => (loads.push(missing), missing.map((key) => (key === 'broken' ? undefined : key)));
  assert.deepEqual(texts.getAll(['a', 'broken'], load), ['a', undefined]);
  assert.deepEqual(texts.getAll(['a', 'broken'], load), ['a', undefined]);
  assert.deepEqual(loads, [['a', 'broken'], ['broken']]);
});
