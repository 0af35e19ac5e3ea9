import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseLine } from './protocol.js';
import { sabotagePlugins } from './sabotage.js';
import type { WriterConfig, WriterLine } from './protocol.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WRITER_SOURCE = fileURLToPath(new URL('./writer.ts', import.meta.url));

/** How to start a writer: the argv before the config. */
export interface WriterCommand {
  args: string[];
  dispose: () => Promise<void>;
}

/**
 * The writer bundled to plain JavaScript: a node process then starts in ~0.3 s instead of ~1.5 s
 * under tsx, which is what makes hundreds of kills affordable. Packages stay external and the bundle
 * sits under node_modules/.cache so they resolve; splitting keeps the lazy import of extraction lazy
 * (jsdom costs ~1.5 s of start-up and edits never need it). CRASH_WRITER=tsx runs the source instead.
 */
export async function writerCommand(): Promise<WriterCommand> {
  if (process.env.CRASH_WRITER === 'tsx') return { args: ['--import', 'tsx', WRITER_SOURCE], dispose: async () => undefined };
  const cache = join(REPO, 'node_modules', '.cache', 'clipdesk-crash');
  await mkdir(cache, { recursive: true });
  const outdir = await mkdtemp(join(cache, 'writer-'));
  await build({
    entryPoints: { writer: WRITER_SOURCE }, outdir, bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', packages: 'external', outExtension: { '.js': '.mjs' }, logLevel: 'error',
    plugins: sabotagePlugins(),
  });
  return { args: [join(outdir, 'writer.mjs')], dispose: () => rm(outdir, { recursive: true, force: true }) };
}

/** A running writer and everything it has said so far. */
export interface WriterProcess {
  child: ChildProcess;
  pid: number;
  startedAt: number;
  /** Complete lines only: a line cut short by a kill was never acknowledged. */
  lines: WriterLine[];
  /** When each line arrived (performance.now()), to see that writers really overlapped. */
  arrivals: number[];
  stderr: () => string;
  onLine: (listener: (line: WriterLine) => void) => void;
  /** Adds a line as if the writer had printed it: a web writer's acks come from its HTTP answers. */
  record: (line: WriterLine) => void;
  /** Resolves once the process is gone and its stdout is fully read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWriter(command: WriterCommand, config: WriterConfig): WriterProcess {
  const child = spawn(process.execPath, [...command.args, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: WriterLine[] = [];
  const arrivals: number[] = [];
  const listeners: Array<(line: WriterLine) => void> = [];
  let pending = '';
  let stderr = '';
  const record = (line: WriterLine) => {
    lines.push(line);
    arrivals.push(performance.now());
    for (const listener of listeners) listener(line);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts.map(parseLine)) if (line) record(line);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close' (not 'exit') waits for stdout to end, so no acknowledged line is still in the pipe.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })));
  return {
    child, pid: child.pid ?? -1, startedAt: performance.now(), lines, arrivals, exited,
    stderr: () => stderr,
    onLine: (listener) => void listeners.push(listener),
    record,
  };
}

/** The acknowledged operations of a writer, in order. */
export function acksOf(writer: Pick<WriterProcess, 'lines'>): Array<Extract<WriterLine, { t: 'ack' }>> {
  return writer.lines.filter((line): line is Extract<WriterLine, { t: 'ack' }> => line.t === 'ack');
}

/** The operation a writer began and never acknowledged (it may or may not have landed). */
export function pendingOf(writer: Pick<WriterProcess, 'lines'>): Extract<WriterLine, { t: 'begin' }> | undefined {
  const last = writer.lines.findLast((line) => line.t === 'begin' || line.t === 'ack');
  return last?.t === 'begin' ? last : undefined;
}
