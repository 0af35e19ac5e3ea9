import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Deliberate bugs, built into the writer bundle only (the repository is untouched), to show that the
 * crash and concurrency tests fail when the library stops being safe. CRASH_SABOTAGE picks one:
 *   torn-writes  files are overwritten in place, in two halves, instead of temp file + rename
 *   no-lock      the cross-process write lock lets everyone in
 */
export function sabotagePlugins(kind = process.env.CRASH_SABOTAGE): Plugin[] {
  if (kind === 'torn-writes') return [tornWrites];
  if (kind === 'no-lock') return [noLock];
  if (kind) throw new Error(`unknown CRASH_SABOTAGE=${kind} (torn-writes | no-lock)`);
  return [];
}

const tornWrites: Plugin = {
  name: 'torn-writes',
  setup(build) {
    // Bundle lowdb itself, so its `import { Writer } from 'steno'` can be pointed at the torn writer.
    build.onResolve({ filter: /^lowdb(\/node)?$/ }, (args) => ({ path: fileURLToPath(import.meta.resolve(args.path)) }));
    build.onResolve({ filter: /^steno$/ }, () => ({ path: 'torn-steno', namespace: 'sabotage' }));
    build.onLoad({ filter: /^torn-steno$/, namespace: 'sabotage' }, () => ({
      loader: 'js',
      resolveDir: process.cwd(),
      contents: `
        import { open } from 'node:fs/promises';
        export class Writer {
          #path;
          constructor(path) { this.#path = path; }
          async write(data) {
            const file = await open(this.#path, 'w');
            const half = Math.floor(data.length / 2);
            await file.write(data.slice(0, half));
            await new Promise((next) => setTimeout(next, 1));
            await file.write(data.slice(half));
            await file.close();
          }
        }`,
    }));
  },
};

const noLock: Plugin = {
  name: 'no-lock',
  setup(build) {
    build.onLoad({ filter: /write-lock\.ts$/ }, () => ({
      loader: 'ts',
      contents: 'export class WriteLock { constructor(_path: string, _timeout?: number) {} withLock<T>(task: () => Promise<T>): Promise<T> { return task(); } }',
    }));
  },
};
