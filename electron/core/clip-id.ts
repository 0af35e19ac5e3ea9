import { randomUUID } from 'node:crypto';
import { SHARD_COUNT } from './store/library-dir.js';

/** A new clip's id: 32 random hex digits, the first three naming its shard (library-dir.ts shardKey). */
export function newClipId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * The id of the `index`th new clip of an import of `count`: random but for its shard, which follows
 * the input order across all of them. A batch of 500 clips then fills one slice of the shards, and each
 * shard file is rewritten about once an import instead of once a batch: with random shards every batch
 * touches ~470 of them, so a 100,000-clip import rewrote the shards ~94,000 times, each ever fuller.
 * Every shard still gets an even share of the import, as with random ids. Each input draws from whole
 * shards of its own, so two batches share no shard while the import is smaller than SHARD_COUNT; past
 * that, neighbouring inputs share shards. An index past `count` (a count that fell short) starts over
 * from the first shard.
 */
export function spreadClipId(index: number, count: number): string {
  const place = index % count;
  const from = Math.ceil((place * SHARD_COUNT) / count);
  const to = Math.ceil(((place + 1) * SHARD_COUNT) / count);
  const shard = to > from ? from + Math.floor(Math.random() * (to - from)) : Math.floor((place * SHARD_COUNT) / count);
  return `${shard.toString(16).padStart(3, '0')}${newClipId().slice(3)}`;
}
