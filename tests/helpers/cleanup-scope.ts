/**
 * What a test hands its cleanups to, to run when it ends: node:test's test context `t` is one
 * (`t.after`), a CleanupScope is one for everything outside node:test.
 */
export interface TestScope {
  after(cleanup: () => unknown): void;
}

/**
 * A TestScope for the e2e `scope` fixture and for scripts: held with `await using`, it runs its
 * cleanups when the block ends, in the order they were added (as `t.after` does), every one of them
 * even when one fails. Where the order matters, add one cleanup that does the steps in turn.
 */
export class CleanupScope implements TestScope, AsyncDisposable {
  readonly #cleanups: Array<() => unknown> = [];

  after(cleanup: () => unknown): void {
    this.#cleanups.push(cleanup);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    const failures: unknown[] = [];
    for (const cleanup of this.#cleanups.splice(0)) {
      try {
        await cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} cleanups failed`);
  }
}
