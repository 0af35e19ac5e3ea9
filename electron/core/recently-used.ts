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

  get(key: string, load: () => V): V {
    const known = this.#values.get(key);
    if (known !== undefined) {
      // Moved to the back: a Map iterates in insertion order, so the front is the least recently used.
      this.#values.delete(key);
      this.#values.set(key, known);
      return known;
    }
    const value = load();
    const size = this.#sizeOf(value);
    if (size <= this.#maxSize) this.#keep(key, value, size);
    return value;
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
