import { SHARD_COUNT } from './library-dir.js';

/**
 * A shard fills to about this size before new clips go to another. A file takes whole blocks of the
 * disk (4 KB on most file systems), and with every clip in a shard of its own a library of 500 articles
 * took 470 files, most of each block unused (0.64x the articles' text as `du` counts it). A shard of
 * this size is what one holds anyway at 100,000 clips (24 clips of about 700 bytes), so an edit in a
 * small library rewrites no more than one in a big library does.
 */
export const FULL_BYTES = 16 * 1024;
/** What a clip is counted to add to its shard until the library's own records have been measured: about an article's record. */
const FIRST_CLIP_BYTES = 1024;
/**
 * A shard with room for fewer clips counts as full: the room is a guess from the library's average
 * record, and topping a shard up by a clip or two would rewrite it in every batch of an import.
 */
const LEAST_ROOM = 4;
/** Clips a run puts in one shard once every shard is full: a batch of 500 then writes about 32 shards, not 500. */
const CHUNK = 16;

/**
 * Which shard each new clip goes to (its id's first 3 hex digits, library-dir.ts shardKey): the
 * fullest shard with room, then a shard not yet used, then, once all 4,096 are full, the emptiest.
 * Knows every shard file's size from one scan of the folder, then from what the store writes, and
 * counts a clip as the records it has written measure on average (a short clip's record is 700 bytes,
 * an article's with highlights several KB). Another process's writes make it stale, which costs only
 * a shard filled a little past FULL_BYTES or a new one started early: any id may live in any library.
 */
export class ShardRoom {
  readonly #scan: () => Map<string, number>;
  #sizes: Map<string, number> | undefined;
  /** The shards written since opening, with their sizes and clips: together they measure a clip's record. */
  readonly #written = new Map<string, { size: number; clips: number }>();
  readonly #writtenTotal = { size: 0, clips: 0 };

  /** `scan` reads every shard file's size, by key; it runs when a new clip first needs a shard. */
  constructor(scan: () => Map<string, number>) {
    this.#scan = scan;
  }

  /** A shard just written: its file's size and how many clips it holds. */
  wrote(key: string, size: number, clips: number): void {
    this.#known().set(key, size);
    const before = this.#written.get(key) ?? { size: 0, clips: 0 };
    this.#written.set(key, { size, clips });
    this.#writtenTotal.size += size - before.size;
    this.#writtenTotal.clips += clips - before.clips;
  }

  /** What a clip is counted to add to its shard: the records written so far, on average. */
  get #clipBytes(): number {
    const { size, clips } = this.#writtenTotal;
    return clips > 0 ? size / clips : FIRST_CLIP_BYTES;
  }

  /**
   * The shard keys for a run of new clips (one commit's), one a call: each shard's room is used up
   * before the next is taken, so a batch writes as few shards as it can.
   */
  keys(): () => string {
    let key = '';
    let left = 0;
    return () => {
      if (left === 0) ({ key, left } = this.#pick());
      left--;
      const sizes = this.#known();
      sizes.set(key, (sizes.get(key) ?? 0) + this.#clipBytes);
      return key;
    };
  }

  #pick(): { key: string; left: number } {
    const sizes = this.#known();
    const clipBytes = this.#clipBytes;
    let fullest: [string, number] | undefined;
    let emptiest: [string, number] | undefined;
    for (const entry of sizes) {
      const size = entry[1];
      if (size + LEAST_ROOM * clipBytes <= FULL_BYTES && size > (fullest?.[1] ?? -1)) fullest = entry;
      if (size < (emptiest?.[1] ?? Infinity)) emptiest = entry;
    }
    const roomIn = (size: number) => Math.floor((FULL_BYTES - size) / clipBytes);
    if (fullest) return { key: fullest[0], left: roomIn(fullest[1]) };
    if (sizes.size < SHARD_COUNT || !emptiest) return { key: unusedKey(sizes), left: roomIn(0) };
    return { key: emptiest[0], left: CHUNK };
  }

  #known(): Map<string, number> {
    this.#sizes ??= this.#scan();
    return this.#sizes;
  }
}

/** A key with no shard yet, at random: two machines starting libraries that later sync do not crowd the same shard. */
function unusedKey(sizes: ReadonlyMap<string, number>): string {
  const free = Array.from({ length: SHARD_COUNT }, (_, n) => n.toString(16).padStart(3, '0')).filter((key) => !sizes.has(key));
  return free[Math.floor(Math.random() * free.length)] ?? '000';
}
