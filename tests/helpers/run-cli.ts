import { execFile } from 'node:child_process';
import { nodeEntry } from './node-entry.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI on the library in `dir`, as a user runs it; resolves with its exit code and output whatever it is. */
export function clipdesk(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [...nodeEntry('electron/cli/main.ts'), '--library', dir, ...args], { env }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
