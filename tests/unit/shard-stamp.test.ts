import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shardChanges } from '../../electron/core/store/shard-stamp.js';

/** Stamps are inode:size:mtimeMs, as the catalog records them; the catalog-sync tests copy real folders. */
const known = new Map([['a01', '100:481:1796490594999.636'], ['b02', '101:512:1796490600000.25']]);

test('a folder copied whole keeps its shards as moved, even when the copy rounded a time past a second', () => {
  // Node's fs.cp keeps times to the millisecond, rounded: 594999.636 ms came back as 595000.
  const copied = new Map([['a01', '200:481:1796490595000'], ['b02', '201:512:1796490600000']]);
  const { changed, moved } = shardChanges(known, copied, true);
  assert.deepEqual([...changed.keys()], []);
  assert.deepEqual([...moved.keys()].sort(), ['a01', 'b02']);
});

test('in a folder copied whole, a shard of another size or rewritten seconds later is mirrored again', () => {
  const copied = new Map([['a01', '200:490:1796490594999.636'], ['b02', '201:512:1796490603000']]);
  assert.deepEqual([...shardChanges(known, copied, true).changed.keys()].sort(), ['a01', 'b02']);
});

test('in a folder not moved, a shard with a new inode was rewritten, whatever its size and time', () => {
  const rewritten = new Map([['a01', '300:481:1796490594999.636'], ['b02', '101:512:1796490600000.25']]);
  const { changed, moved } = shardChanges(known, rewritten, false);
  assert.deepEqual([...changed.keys()], ['a01']);
  assert.equal(moved.size, 0);
});

test('every shard with a new inode, of the size and about the time it had, was rewritten when the catalog file is not a copy', () => {
  // A library of one shard, or a batch that rewrote every shard, then a crash before the catalog heard of it.
  const rewritten = new Map([['a01', '300:481:1796490595400'], ['b02', '301:512:1796490600400']]);
  const { changed, moved } = shardChanges(known, rewritten, false);
  assert.deepEqual([...changed.keys()].sort(), ['a01', 'b02']);
  assert.equal(moved.size, 0);
});
