/**
 * The bytes a clip's pictures may still take, shared by the downloads running at once: each takes
 * its chunks as they arrive and gives them back if its picture is not kept.
 */
export class ByteBudget {
  #left: number;

  constructor(total: number) {
    this.#left = total;
  }

  get left(): number {
    return this.#left;
  }

  /** Takes `bytes` if that many are left; false (and nothing taken) otherwise. */
  take(bytes: number): boolean {
    if (bytes > this.#left) return false;
    this.#left -= bytes;
    return true;
  }

  giveBack(bytes: number): void {
    this.#left += bytes;
  }
}
