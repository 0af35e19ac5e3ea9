import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `--import tsx` resolves from the working directory: the project root, where tsx is installed.
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ColdStart {
  /** From spawning a fresh `node --import tsx` process to its first search answered. */
  firstResultMs: number;
  /** After open, the searches and one edit. */
  rssMb: number;
  /** The most the process ever held, including building the index at open. */
  peakMb: number;
}

/**
 * Runs one of the cold-start-*.ts children. Both pay the same Node + tsx start-up, so the difference
 * is the library's; the OS file cache is warm for both (the library was just written).
 */
export function coldStart(script: 'cold-start-clipdesk.ts' | 'cold-start-fts5.ts', args: string[]): Promise<ColdStart> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
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
      resolve({ firstResultMs, ...(JSON.parse(last) as { rssMb: number; peakMb: number }) });
    });
  });
}
