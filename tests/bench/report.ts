import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One benchmark figure; `ratio` = Clipdesk / baseline, so below 1 is better for times. */
export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  /** What the figure is about when the metric name alone does not say (e.g. the slowest query). */
  note?: string;
}

/** A target of issue 6: printed as PASS or MISS, never failing the run. */
export interface Target {
  metric: string;
  goal: string;
  pass: (result: BenchResult) => boolean;
}

export interface BenchReport {
  clips: number;
  machine: Record<string, string | number>;
  results: BenchResult[];
}

export function machine(): Record<string, string | number> {
  return {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    // Other work on the machine skews timings; the load average at the end of the run says how much.
    loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

export async function timeIt(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Bytes this process handed to write(2) and friends so far (`wchar` of /proc/self/io): every file a
 * step writes, temp files and renames included, and SQLite's WAL frames alike. Linux only; NaN elsewhere.
 */
export function bytesWrittenSoFar(): number {
  return procNumber('/proc/self/io', 'wchar');
}

/**
 * The process's own memory in MB (RssAnon of /proc/self/status): RSS less the files it maps, such as
 * its program code and the catalog's pages a search touched, which are the system's file cache. NaN
 * off Linux.
 */
export function anonymousRssMb(): number {
  return procNumber('/proc/self/status', 'RssAnon') / 1024;
}

/**
 * Waits until the kernel has put earlier steps' writes on disk (`sync`), and returns how many MB were
 * still pending (Dirty + Writeback of /proc/meminfo; NaN where there is none): a search timed while
 * the kernel writes back what the fill steps left would wait on the disk for reasons not its own.
 */
export function settlePendingWrites(): number {
  const pendingMb = (procNumber('/proc/meminfo', 'Dirty') + procNumber('/proc/meminfo', 'Writeback')) / 1024;
  if (process.platform !== 'win32') execFileSync('sync');
  return pendingMb;
}

/** The number a /proc file gives for `field` (`wchar: 4096`, `RssAnon:   2048 kB`); NaN off Linux or when it has none. */
function procNumber(file: string, field: string): number {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(file, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** A readable table (with PASS/MISS for the targets), or with `json` one JSON document on stdout. */
export function printResults(report: BenchReport, json: boolean, targets: readonly Target[] = [], notes: readonly string[] = []): void {
  const verdicts = targets.flatMap((target) => {
    const result = report.results.find((r) => r.metric === target.metric);
    return result ? [{ metric: target.metric, goal: target.goal, value: result.value, pass: target.pass(result) }] : [];
  });
  if (json) {
    console.log(JSON.stringify({ ...report, targets: verdicts, notes }, null, 2));
    return;
  }
  console.log(`clips: ${report.clips}   machine: ${Object.values(report.machine).join(', ')}`);
  const rows = report.results.map((r) => [
    r.metric,
    `${round(r.value)} ${r.unit}`.trim(),
    r.baseline ?? '',
    r.baselineValue === undefined ? '' : `${round(r.baselineValue)} ${r.unit}`.trim(),
    r.ratio === undefined ? '' : round(r.ratio),
    r.note ?? '',
  ]);
  printTable(['metric', 'Clipdesk', 'baseline', 'baseline value', 'ratio', 'note'], rows);
  if (verdicts.length > 0) {
    console.log('\ntargets (issue 6):');
    const verdictRows = verdicts.map((v) => [v.metric, v.goal, round(v.value), v.pass ? 'PASS' : 'MISS']);
    printTable(['metric', 'target', 'Clipdesk', 'verdict'], verdictRows);
  }
  for (const note of notes) console.log(`note: ${note}`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

function round(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
