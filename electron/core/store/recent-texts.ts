/**
 * The texts of the clips searches showed last, decoded. Typing a query one key at a time asks for the
 * same top hits again and again, and each would otherwise re-read and gunzip its body file. Keys name a
 * content version (id and content hash), whose text never changes, so an entry is never stale.
 */
export class RecentTexts {
  readonly #texts = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: string, load: () => string): string {
    const known = this.#texts.get(key);
    if (known !== undefined) {
      // Moved to the back: a Map iterates in insertion order, so the front is the least recently used.
      this.#texts.delete(key);
      this.#texts.set(key, known);
      return known;
    }
    const text = load();
    this.#texts.set(key, text);
    if (this.#texts.size > this.#capacity) this.#texts.delete(this.#texts.keys().next().value!);
    return text;
  }
}
