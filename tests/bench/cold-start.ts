import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `--import tsx` resolves from the working directory: the project root, where tsx is installed.
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ColdStart {
  /** From spawning a fresh Node process to its first search answered. */
  firstResultMs: number;
  /** After open, the searches and one edit. */
  rssMb: number;
  /** The part of rssMb that is the process's own memory, not mapped files (anonymousRssMb). */
  anonMb: number;
  /** The most the process ever held, including building the index at open. */
  peakMb: number;
  /** From open to the catalog whole (the child's own clock; the rebuild modes only). */
  wholeMs?: number;
}

/**
 * Runs one of the cold-start-*.ts children, compiled (dist/, as the app ships) when `npm run build` has
 * run, else through tsx. Both children run the same way, so the difference is the library's; the OS
 * file cache is warm for both (the library was just written).
 */
export function coldStart(script: 'cold-start-clipdesk.ts' | 'cold-start-fts5.ts', args: string[]): Promise<ColdStart> {
  const compiled = join(REPO, 'dist', 'tests', 'bench', script.replace(/\.ts$/, '.js'));
  const source = fileURLToPath(new URL(script, import.meta.url));
  const command = existsSync(compiled) ? [compiled] : ['--import', 'tsx', source];
  const started = performance.now();
  const child = spawn(process.execPath, [...command, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let firstResultMs = Number.NaN;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (Number.isNaN(firstResultMs) && output.includes('answered\n')) firstResultMs = performance.now() - started;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`${script} exited with ${code}: ${output}`));
      resolve({ firstResultMs, ...(JSON.parse(last) as Omit<ColdStart, 'firstResultMs'>) });
    });
  });
}
