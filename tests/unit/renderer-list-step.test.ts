import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepFrom } from '../../renderer/list-step.js';

const IDS = ['a', 'b', 'c', 'd'];

test('j and k while reading step from the open clip’s row, and stop at the ends', () => {
  assert.equal(stepFrom(IDS, 'b', 1, 1), 2);
  assert.equal(stepFrom(IDS, 'b', 1, -1), 0);
  assert.equal(stepFrom(IDS, 'd', 3, 1), null);
  assert.equal(stepFrom(IDS, 'a', 0, -1), null);
});

test('the open clip’s row counts, wherever the active row is', () => {
  assert.equal(stepFrom(IDS, 'c', 0, 1), 3);
  assert.equal(stepFrom(['a', undefined, 'c'], 'c', -1, -1), 1); // a row not loaded yet is still a row
});

test('a clip that left the list leaves its place to the next one: j opens the active row, k the one above', () => {
  const after = ['a', 'c', 'd']; // "b" was archived out of an unread list while open; the active row is still 1
  assert.equal(stepFrom(after, 'b', 1, 1), 1);
  assert.equal(stepFrom(after, 'b', 1, -1), 0);
  assert.equal(stepFrom(after, 'z', -1, 1), 0);
  assert.equal(stepFrom(after, 'z', -1, -1), null);
  assert.equal(stepFrom([], 'z', -1, 1), null);
});
