import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits beside the module at `besideUrl` (pass `import.meta.url`):
 * its .js file once compiled (the app, from inside app.asar too: Electron reads it there since 17.3),
 * its .ts file under tsx (development, tests). Node 20 does not hand a worker's .ts file to tsx's
 * loader, so there a line of JavaScript registers tsx in the worker first.
 */
export function startWorker(besideUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const file = new URL(`./${name}${extname(fileURLToPath(besideUrl))}`, besideUrl);
  if (file.pathname.endsWith('.js')) return new Worker(file, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}
