/**
 * Runs async tasks one at a time in call order, so read-modify-write sequences inside one process
 * never interleave (steno alone only guarantees that the last write wins, not that none is lost).
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
