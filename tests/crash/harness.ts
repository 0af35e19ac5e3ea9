import { CleanupScope } from '../helpers/cleanup-scope.js';
import { tempDir } from '../helpers/temp-library.js';
import { markersIn } from './articles.js';
import { HANG_MS, KILL_POLICIES, armKill, planKill } from './kill-policy.js';
import type { KillPolicy } from './kill-policy.js';
import { applyOp } from './model.js';
import type { LibraryState } from './model.js';
import type { Op, WriterConfig } from './protocol.js';
import { driveOverHttp } from './web-driver.js';
import { Rng } from './rng.js';
import { verifyLibrary } from './verify.js';
import type { Verdict } from './verify.js';
import { acksOf, pendingOf, startWriter, writerCommand } from './writer-process.js';
import type { WriterCommand, WriterProcess } from './writer-process.js';

export interface CrashOptions {
  kills: number;
  seed: number;
  /** A fresh library after this many kills, so verifying every clip after every kill stays cheap. */
  killsPerLibrary: number;
  /** Share of writer runs that import (the others only edit: they start without loading jsdom). */
  importShare: number;
  /** Share of writer runs that are the web host driven over HTTP (the others print their own acks). */
  webShare: number;
  /** Libraries worked on side by side. */
  lanes: number;
  log?: (message: string) => void;
}

export interface CrashReport {
  kills: number;
  killsBy: Record<KillPolicy, number>;
  /** Kills of a web host driven over HTTP, of the kills above. */
  webKills: number;
  libraries: number;
  ackedWrites: number;
  /** Unacknowledged writes found landed / not landed on reopen (both are fine; half-landed is not). */
  pendingLanded: number;
  pendingAbsent: number;
  problems: string[];
  locksLeft: { deadPid: number; empty: number; livePid: number };
  /** Library.open after a writer was killed holding the lock: how long taking the stale lock over took. */
  maxTakeoverMs: { deadPid: number; empty: number };
  tempFilesSeen: number;
  /** Reopens that found the search/list catalog behind the store and brought it up to date. */
  catalogRepairs: number;
  verifies: number;
  verifyMs: { mean: number; max: number };
  maxClips: number;
  searches: number;
  writerReadyMs: number;
  durationMs: number;
}

/** One library's run: the state the writers' acknowledgements add up to, and every marker word written. */
interface Lane {
  dir: string;
  state: LibraryState;
  markers: Set<string>;
  run: number;
  /** Set when the library no longer opens: the lane goes on with a fresh one. */
  broken: boolean;
}

/**
 * Starts real writer processes on real libraries and SIGKILLs each at a random point, `kills` times,
 * reopening and verifying the library after every kill (see verify.ts for what is checked). Lanes
 * run side by side, each on its own library, so both cores work while one lane verifies.
 */
export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const report = emptyReport();
  const command = await writerCommand();
  const budget = { left: options.kills };
  const readyTimes: number[] = [];
  try {
    const lanes = Array.from({ length: options.lanes }, (_, lane) => {
      const rng = new Rng(options.seed + lane * 1_000_003);
      return runLane(command, rng, budget, options, report, readyTimes);
    });
    await Promise.all(lanes);
  } finally {
    await command.dispose();
  }
  report.writerReadyMs = median(readyTimes);
  report.durationMs = performance.now() - started;
  return report;
}

/** Kills writers on one library after another until the shared budget of kills is spent. */
async function runLane(
  command: WriterCommand,
  rng: Rng,
  budget: { left: number },
  options: CrashOptions,
  report: CrashReport,
  readyTimes: number[],
): Promise<void> {
  while (budget.left > 0) {
    await using scope = new CleanupScope();
    const lane: Lane = { dir: await tempDir(scope, 'clipdesk-crash-'), state: new Map(), markers: new Set(), run: 0, broken: false };
    report.libraries++;
    for (let i = 0; i < options.killsPerLibrary && budget.left > 0 && !lane.broken; i++) {
      budget.left--;
      await killOnce(command, lane, rng, options, report, readyTimes);
    }
    options.log?.(`${report.kills} kills, ${report.ackedWrites} acked writes, ${report.problems.length} problems`);
  }
}

async function killOnce(
  command: WriterCommand,
  lane: Lane,
  rng: Rng,
  options: CrashOptions,
  report: CrashReport,
  readyTimes: number[],
): Promise<void> {
  const imports = lane.state.size < 3 || rng.chance(options.importShare);
  const web = rng.chance(options.webShare);
  const plan = planKill(rng, imports, median(readyTimes) || 600);
  const run = lane.run++;
  const config: WriterConfig = web
    ? { mode: 'web', dir: lane.dir }
    : { mode: 'crash', dir: lane.dir, seed: options.seed, run, imports, maxOps: 1000 };
  const writer = startWriter(command, config);
  const disarm = armKill(writer, plan, lane.dir);
  const driven = web ? driveOverHttp(writer, options.seed, run, imports) : Promise.resolve();
  const [{ code, signal }] = await Promise.all([writer.exited, driven]);
  disarm();
  const ready = writer.lines.find((line) => line.t === 'ready');
  if (ready?.t === 'ready') readyTimes.push(ready.ms);
  const failure = endProblem(writer, code, signal);
  if (failure) report.problems.push(`${web ? 'web host' : 'writer'} run ${run}: ${failure}`);
  else countKill(report, plan.policy, web);
  absorbAcks(writer, lane, report);
  await verifyAfterKill(lane, pendingOf(writer)?.op, report);
}

/** Why a writer's end was not a kill by the harness, or undefined when it was. */
function endProblem(writer: WriterProcess, code: number | null, signal: NodeJS.Signals | null): string | undefined {
  const error = writer.lines.find((line) => line.t === 'error');
  if (error?.t === 'error') return `failed: ${error.code} ${error.message}`;
  const lifetime = performance.now() - writer.startedAt;
  if (signal === 'SIGKILL' && lifetime < HANG_MS - 1_000) return undefined;
  const lastOutput = writer.stderr().trim().split('\n').slice(-3).join(' | ') || 'no output';
  return `ended with ${signal ?? `exit code ${code}`} after ${Math.round(lifetime)} ms: ${lastOutput}`;
}

function countKill(report: CrashReport, policy: KillPolicy, web: boolean): void {
  report.kills++;
  report.killsBy[policy]++;
  if (web) report.webKills++;
}

/** Reopens and checks the library; one that no longer opens is reported and replaced by a fresh one. */
async function verifyAfterKill(lane: Lane, pending: Op | undefined, report: CrashReport): Promise<void> {
  for (const word of markersIn(JSON.stringify(pending ?? {}))) lane.markers.add(word);
  try {
    record(report, await verifyLibrary(lane.dir, lane.state, pending, lane.markers), lane);
  } catch (error) {
    report.problems.push(`after kill ${report.kills}: the library does not open: ${(error as Error).message}`);
    lane.broken = true;
  }
}

/** Adds the writer's acknowledged writes to what the library must now hold. */
function absorbAcks(writer: WriterProcess, lane: Lane, report: CrashReport): void {
  for (const ack of acksOf(writer)) {
    report.ackedWrites++;
    for (const word of markersIn(JSON.stringify(ack.op))) lane.markers.add(word);
    try {
      lane.state = applyOp(lane.state, ack.op, ack.result);
    } catch (error) {
      report.problems.push((error as Error).message);
    }
  }
}

function record(report: CrashReport, verdict: Verdict, lane: Lane): void {
  report.problems.push(...verdict.problems.slice(0, 20).map((problem) => `after kill ${report.kills}: ${problem}`));
  // Go on from what the library holds, so one failure is reported once, not after every later kill.
  lane.state = verdict.state;
  if (verdict.pendingLanded === true) report.pendingLanded++;
  if (verdict.pendingLanded === false) report.pendingAbsent++;
  if (verdict.lock === 'dead-pid') report.locksLeft.deadPid++;
  if (verdict.lock === 'empty') report.locksLeft.empty++;
  if (verdict.lock === 'live-pid') report.locksLeft.livePid++;
  if (verdict.lock === 'dead-pid') report.maxTakeoverMs.deadPid = Math.max(report.maxTakeoverMs.deadPid, verdict.openMs);
  if (verdict.lock === 'empty') report.maxTakeoverMs.empty = Math.max(report.maxTakeoverMs.empty, verdict.openMs);
  report.tempFilesSeen += verdict.tempFiles;
  if (verdict.catalogRepaired > 0) report.catalogRepairs++;
  report.verifyMs.mean = (report.verifyMs.mean * report.verifies + verdict.verifyMs) / (report.verifies + 1);
  report.verifyMs.max = Math.max(report.verifyMs.max, verdict.verifyMs);
  report.verifies++;
  report.searches += verdict.searches;
  report.maxClips = Math.max(report.maxClips, verdict.state.size);
}

function emptyReport(): CrashReport {
  return {
    kills: 0, webKills: 0, killsBy: Object.fromEntries(KILL_POLICIES.map((policy) => [policy, 0])) as Record<KillPolicy, number>,
    libraries: 0, ackedWrites: 0, pendingLanded: 0, pendingAbsent: 0, problems: [],
    locksLeft: { deadPid: 0, empty: 0, livePid: 0 }, maxTakeoverMs: { deadPid: 0, empty: 0 }, tempFilesSeen: 0, catalogRepairs: 0,
    verifies: 0, verifyMs: { mean: 0, max: 0 }, maxClips: 0, searches: 0, writerReadyMs: 0, durationMs: 0,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The figures, one per line, for the test log. */
export function formatReport(report: CrashReport): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    `kills: ${report.kills} (${KILL_POLICIES.map((p) => `${p} ${report.killsBy[p]}`).join(', ')}), ` +
      `${report.webKills} of them of the web host driven over HTTP, over ${report.libraries} libraries`,
    `acked writes: ${report.ackedWrites}; problems (lost or altered acked writes, index disagreements): ${report.problems.length}`,
    `unacked write in flight at the kill: landed whole ${report.pendingLanded}, absent ${report.pendingAbsent}`,
    `locks left by a killed writer: ${report.locksLeft.deadPid} naming a dead pid ` +
      `(slowest take-over ${ms(report.maxTakeoverMs.deadPid)}), ${report.locksLeft.empty} empty ` +
      `(slowest take-over ${ms(report.maxTakeoverMs.empty)}), ${report.locksLeft.livePid} naming a live pid`,
    `temp files seen after kills: ${report.tempFilesSeen}; reopens that repaired the search catalog: ${report.catalogRepairs}`,
    `reopen + verify: ${report.verifies} times, mean ${ms(report.verifyMs.mean)}, max ${ms(report.verifyMs.max)} ` +
      `(up to ${report.maxClips} clips, ${report.searches} searches)`,
    `writer start-up to open library: median ${ms(report.writerReadyMs)}; whole run ${(report.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
