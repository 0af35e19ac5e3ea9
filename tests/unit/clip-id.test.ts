import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newClipId, spreadClipId } from '../../electron/core/clip-id.js';
import { SHARD_COUNT, shardKey } from '../../electron/core/store/library-dir.js';

const ID = /^[0-9a-f]{32}$/;

describe('clip ids', () => {
  it('are 32 hex digits, random', () => {
    const ids = Array.from({ length: 1000 }, newClipId);
    assert.ok(ids.every((id) => ID.test(id)));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('of an import follow the input order over the shards, each shard getting an even share', () => {
    const count = 3 * SHARD_COUNT;
    const ids = Array.from({ length: count }, (_, index) => spreadClipId(index, count));
    assert.ok(ids.every((id) => ID.test(id)));
    assert.equal(new Set(ids).size, count);
    const shards = ids.map((id) => Number.parseInt(shardKey(id), 16));
    assert.ok(shards.every((shard, i) => i === 0 || shard >= (shards[i - 1] ?? 0)), 'shards in input order');
    const perShard = new Map<number, number>();
    for (const shard of shards) perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
    assert.equal(perShard.size, SHARD_COUNT);
    assert.deepEqual(new Set(perShard.values()), new Set([3]));
  });

  it('of an import smaller than the shards give each input shards of its own, so no two batches write one shard', () => {
    for (const count of [1100, SHARD_COUNT - 1, 7]) {
      const shards = Array.from({ length: count }, (_, index) => Number.parseInt(shardKey(spreadClipId(index, count)), 16));
      assert.ok(shards.every((shard, i) => i === 0 || shard > (shards[i - 1] ?? 0)), `${count} inputs: each in a shard after the last`);
    }
  });

  it('of a small import still reach the whole range of shards', () => {
    const ids = Array.from({ length: 10 }, (_, index) => spreadClipId(index, 10));
    const shards = ids.map((id) => Number.parseInt(shardKey(id), 16));
    shards.forEach((shard, i) => {
      assert.ok(shard >= (i / 10) * SHARD_COUNT && shard < ((i + 1) / 10) * SHARD_COUNT, `item ${i} in its tenth: ${shard}`);
    });
  });
});
