/**
 * The values asked for last, up to a total size: a least-recently-used cache. Bounded by size, not
 * entries, so a few large values cannot fill memory and many small ones fit. Keys must name values
 * that never change (a clip's content version, say): an entry is never stale.
 */
export class RecentlyUsed<V> {
  readonly #values = new Map<string, V>();
  readonly #maxSize: number;
  readonly #sizeOf: (value: V) => number;
  #size = 0;

  constructor(maxSize: number, sizeOf: (value: V) => number) {
    this.#maxSize = maxSize;
    this.#sizeOf = sizeOf;
  }

  /**
   * The values of `keys`, in order; those not kept are loaded by one call (a page of hits read at once).
   * One that does not load (undefined) is not kept, so it is tried again when asked for next.
   */
  getAll(keys: readonly string[], loadMissing: (missing: string[]) => Array<V | undefined>): Array<V | undefined> {
    const values = keys.map((key) => this.#touch(key));
    const missing = [...new Set(keys.filter((_, i) => values[i] === undefined))];
    if (missing.length === 0) return values;
    const fresh = loadMissing(missing);
    const loaded = new Map(missing.map((key, i) => [key, fresh[i]]));
    for (const [key, value] of loaded) {
      if (value === undefined) continue;
      const size = this.#sizeOf(value);
      if (size <= this.#maxSize) this.#keep(key, value, size);
    }
    return keys.map((key, i) => values[i] ?? loaded.get(key));
  }

  /** The kept value, moved to the back: a Map iterates in insertion order, so the front is the least recently used. */
  #touch(key: string): V | undefined {
    const known = this.#values.get(key);
    if (known !== undefined) {
      this.#values.delete(key);
      this.#values.set(key, known);
    }
    return known;
  }

  #keep(key: string, value: V, size: number): void {
    this.#values.set(key, value);
    this.#size += size;
    for (const [oldest, dropped] of this.#values) {
      if (this.#size <= this.#maxSize) break;
      this.#values.delete(oldest);
      this.#size -= this.#sizeOf(dropped);
    }
  }
}
