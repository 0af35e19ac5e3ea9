import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Deliberate bugs, built into the writer bundle only (the repository is untouched), to show that the
 * crash and concurrency tests fail when the library stops being safe. CRASH_SABOTAGE picks one:
 *   ack-early    the writer acknowledges an edit before it is written, as a host answering early would
 *   torn-writes  files are overwritten in place, in two halves, instead of temp file + rename (the
 *                library's backups and recovery now repair most of these: a weak sabotage)
 *   no-lock      the cross-process write lock lets everyone in
 */
export function sabotagePlugins(kind = process.env.CRASH_SABOTAGE): Plugin[] {
  if (kind === 'torn-writes') return [stenoReplacedBy(TORN_WRITER)];
  if (kind === 'no-lock') return [noLock];
  if (kind && kind !== 'ack-early') throw new Error(`unknown CRASH_SABOTAGE=${kind} (ack-early | torn-writes | no-lock)`);
  return [];
}

/** Read by the writer process itself (the environment is inherited). */
export const ACK_EARLY = process.env.CRASH_SABOTAGE === 'ack-early';

const TORN_WRITER = `
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
  }`;

/** Bundles lowdb itself, so its `import { Writer } from 'steno'` can be pointed at a broken writer. */
function stenoReplacedBy(contents: string): Plugin {
  return {
    name: 'broken-steno',
    setup(build) {
      build.onResolve({ filter: /^lowdb(\/node)?$/ }, (args) => ({ path: fileURLToPath(import.meta.resolve(args.path)) }));
      build.onResolve({ filter: /^steno$/ }, () => ({ path: 'steno', namespace: 'sabotage' }));
      build.onLoad({ filter: /^steno$/, namespace: 'sabotage' }, () => ({ loader: 'js', resolveDir: process.cwd(), contents }));
    },
  };
}

const noLock: Plugin = {
  name: 'no-lock',
  setup(build) {
    build.onLoad({ filter: /write-lock\.ts$/ }, () => ({
      loader: 'ts',
      contents: 'export class WriteLock { constructor(_path: string, _timeout?: number) {} ' +
        'withLock<T>(task: () => Promise<T>): Promise<T> { return task(); } }',
    }));
  },
};
