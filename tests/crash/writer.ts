/**
 * A real writer process for the crash and concurrency tests: it opens a library through the public
 * `Library` facade (what every host uses) and prints one JSON line per event. Usage:
 *   node writer.mjs '<WriterConfig as JSON>'
 */
import { writeSync } from 'node:fs';
import { Library } from '../../electron/core/library.js';
import { startWebHost } from '../../electron/hosts/web.js';
import { CrashWorkload } from './crash-workload.js';
import { executeHammerOp, hammerOps, raceOp, waitForGo } from './hammer-workload.js';
import type { Op, OpResult, WriterConfig, WriterLine } from './protocol.js';
import { ACK_EARLY } from './sabotage.js';

/** Synchronous, so the line is in the pipe before the next write starts (and before any kill). */
function emit(line: WriterLine): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

let counter = 0;

async function step(op: Op, execute: (op: Op) => Promise<OpResult>): Promise<void> {
  const n = counter++;
  emit({ t: 'begin', n, op });
  try {
    // Sabotage (sabotage.ts): an edit, whose result holds nothing, is acknowledged before it is written.
    const early = ACK_EARLY && op.kind !== 'import' && op.kind !== 'annotate';
    if (early) emit({ t: 'ack', n, op, result: {} });
    const result = await execute(op);
    if (!early) emit({ t: 'ack', n, op, result });
  } catch (error) {
    const { code = 'UNKNOWN', message = String(error) } = error as { code?: string; message?: string };
    emit({ t: 'error', n, code, message });
    process.exit(3);
  }
}

async function runCrash(library: Library, config: Extract<WriterConfig, { mode: 'crash' }>): Promise<void> {
  const workload = await CrashWorkload.start(library, config.seed, config.run, config.imports);
  for (let i = 0; i < config.maxOps; i++) await step(await workload.next(counter), (op) => workload.execute(op));
}

async function runHammer(library: Library, config: Extract<WriterConfig, { mode: 'hammer' }>): Promise<void> {
  for (let round = 0; round < config.rounds; round++) {
    for (const op of hammerOps(config.name, config.lane, config.sharedIds, round, config.imports)) {
      await step(op, (o) => executeHammerOp(library, o));
    }
  }
}

async function runRace(library: Library, config: Extract<WriterConfig, { mode: 'race' }>): Promise<void> {
  for (let round = 0; round < config.rounds; round++) {
    await waitForGo(config.goDir, round);
    await step(raceOp(config.name, config.clipId, round), (op) => executeHammerOp(library, op));
  }
}

/** A writer whose harness died (a test run killed on a timeout) must not wait for go files forever. */
function exitWithParent(): void {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(4), 500).unref();
}

async function main(): Promise<void> {
  exitWithParent();
  const config = JSON.parse(process.argv[2] ?? '{}') as WriterConfig;
  const library = await Library.open(config.dir);
  // The web host keeps the process alive, serving the harness's requests until it is killed.
  const web = config.mode === 'web' ? await startWebHost(library, { port: 0 }) : undefined;
  emit({ t: 'ready', pid: process.pid, ms: Math.round(process.uptime() * 1000), url: web?.url, token: web?.token });
  if (web) return;
  if (config.mode === 'crash') await runCrash(library, config);
  if (config.mode === 'hammer') await runHammer(library, config);
  if (config.mode === 'race') await runRace(library, config);
  emit({ t: 'done', ops: counter });
}

await main();
