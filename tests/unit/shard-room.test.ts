import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { ImportInput } from '../../electron/api.js';
import { clipIdInShard } from '../../electron/core/clip-id.js';
import { BATCH } from '../../electron/core/import-batches.js';
import { SHARD_COUNT, shardKey } from '../../electron/core/store/library-dir.js';
import { FULL_BYTES, ShardRoom } from '../../electron/core/store/shard-room.js';
import { sampleText } from '../helpers/seed.js';
import { shardKeys, shardPath } from '../helpers/stored.js';
import { tempLibrary } from '../helpers/temp-library.js';

const key = (n: number) => n.toString(16).padStart(3, '0');
const take = (next: () => string, count: number) => Array.from({ length: count }, next);

/** Every shard file's size in the library at `dir`, by key. */
async function shardSizes(dir: string): Promise<Map<string, number>> {
  const keys = await shardKeys(dir);
  return new Map(await Promise.all(keys.map(async (found) => [found, (await stat(shardPath(dir, found))).size] as const)));
}

describe('which shard a new clip goes to', () => {
  it('names it in the id: 32 hex digits, the shard\'s three first, the rest random', () => {
    const ids = Array.from({ length: 1000 }, () => clipIdInShard('3fa'));
    assert.ok(ids.every((id) => /^3fa[0-9a-f]{29}$/.test(id)));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('fills a small library\'s shards before starting another, clipped one at a time', async (t) => {
    const { dir, library } = await tempLibrary(t);
    for (let n = 0; n < 60; n++) await library.import({ kind: 'text', text: sampleText(n), tags: ['one-by-one'] });
    const sizes = [...(await shardSizes(dir)).values()];
    const total = sizes.reduce((sum, size) => sum + size, 0);
    assert.equal(sizes.length, Math.ceil(total / FULL_BYTES), `${sizes.length} shards for ${total} bytes`);
    assert.ok(sizes.filter((size) => size < FULL_BYTES - 4 * 1024).length <= 1, 'every shard but the last started is full');
    assert.equal(library.list({ limit: 100 }).total, 60);
  });

  it('gives a batch import as few shards as hold it, each written once but the first batch\'s', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const count = 3 * BATCH + 100;
    const texts = Array.from({ length: count }, (_, n): ImportInput => ({ kind: 'text', text: sampleText(n), tags: [] }));
    const results = await library.importMany(texts);
    const shardOfEach = results.map((result) => ('clip' in result ? shardKey(result.clip.id) : ''));
    const batches = Array.from({ length: 4 }, (_, n) => new Set(shardOfEach.slice(n * BATCH, (n + 1) * BATCH)));
    // Each shard written once, but the first batch's, filled by a guess at a record's size and topped up
    // once it is measured, and the one each batch leaves part-filled for the next.
    const writes = batches.reduce((sum, batch) => sum + batch.size, 0);
    assert.ok(writes <= new Set(shardOfEach).size + (batches[0]?.size ?? 0) + batches.length, `${writes} shard writes`);
    const sizes = await shardSizes(dir);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    assert.ok(sizes.size <= Math.ceil(total / FULL_BYTES) + 1, `${sizes.size} shards for ${total} bytes`);
    assert.equal(library.list().total, count);
  });

  it('puts a new clip in the fullest shard with room for a few, and keeps filling it', () => {
    const room = new ShardRoom(() => new Map([['00a', FULL_BYTES + 10], ['0b1', 4000], ['c4e', 5000], ['d00', FULL_BYTES - 3000]]));
    const next = room.keys();
    assert.deepEqual(new Set(take(next, 11)), new Set(['c4e']), 'counted 1 KB a clip before the library\'s records are measured');
    assert.equal(next(), '0b1', 'then the next fullest');
    assert.equal(room.keys()(), '0b1', 'and a later run goes on with it');
  });

  it('starts an unused shard once none has room, and fills it', () => {
    const room = new ShardRoom(() => new Map([['00a', FULL_BYTES], ['0b1', FULL_BYTES + 1]]));
    const keys = take(room.keys(), 16);
    assert.equal(new Set(keys).size, 1);
    assert.ok(!['00a', '0b1'].includes(keys[0] ?? ''));
  });

  it('once every shard is full, goes to the emptiest, a run of clips at a time', () => {
    const sizes = new Map(Array.from({ length: SHARD_COUNT }, (_, n) => [key(n), FULL_BYTES + 100 + n] as const));
    sizes.set('7f3', FULL_BYTES + 5);
    const room = new ShardRoom(() => sizes);
    const next = room.keys();
    assert.deepEqual(new Set(take(next, 16)), new Set(['7f3']));
    assert.equal(next(), '000', 'then the emptiest of the rest');
  });

  it('counts a clip as the records last written measure, and takes a written shard\'s real size', () => {
    const room = new ShardRoom(() => new Map([['0b1', 4000]]));
    room.wrote('0b1', 6000, 20);
    const next = room.keys();
    assert.deepEqual(new Set(take(next, Math.floor((FULL_BYTES - 6000) / 300))), new Set(['0b1']), 'room for clips of 300 bytes');
    assert.notEqual(next(), '0b1');
  });
});
