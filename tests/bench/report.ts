import { cpus, totalmem } from 'node:os';

/** One benchmark figure; `ratio` = Clipdesk / baseline, so below 1 is better for times. */
export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
}

export interface BenchReport {
  clips: number;
  machine: Record<string, string | number>;
  results: BenchResult[];
}

export function machine(): Record<string, string | number> {
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) };
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

/** A readable table, or with `json` one JSON document on stdout. */
export function printResults(report: BenchReport, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`clips: ${report.clips}   machine: ${Object.values(report.machine).join(', ')}`);
  const rows = report.results.map((r) => [r.metric, `${round(r.value)} ${r.unit}`, r.baseline ?? '', r.baselineValue === undefined ? '' : `${round(r.baselineValue)} ${r.unit}`, r.ratio === undefined ? '' : round(r.ratio)]);
  const header = ['metric', 'Clipdesk', 'baseline', 'baseline value', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join('  '));
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(2);
}
