/**
 * Child process of the Pocket import measurement, so each run's peak memory is its own. Args: a
 * generated export zip, a folder for the new library, "read" to only read the export's entries (the
 * baseline: what parsing costs with nothing written) or "import" to import it with --no-fetch, and
 * how many entries it holds.
 * Run with --expose-gc, so live memory can be sampled.
 */
import { readFile } from 'node:fs/promises';
import { detectExportFile } from '../../electron/core/import/index.js';
import { Library } from '../../electron/core/library.js';

const [zipPath = '', dir = '', mode = 'import', expected = '1'] = process.argv.slice(2);
const zip = await readFile(zipPath);
const started = performance.now();
let entries = 0;
// Live memory (what a collection leaves) is sampled ten times along the way: peak RSS also counts garbage not yet collected.
let liveMb = 0;
let nextSample = 0;
if (mode === 'read') {
  for await (const entry of (await detectExportFile(zip, 'pocket.zip')).entries()) if (entry) entries++;
} else {
  const library = await Library.open(dir);
  const report = await library.importLibrary(zip, 'pocket.zip', (sofar) => {
    if (sofar.entries < nextSample) return;
    liveMb = Math.max(liveMb, liveMemoryMb());
    nextSample = sofar.entries + Math.max(1, Math.round(Number(expected) / 10));
  });
  if (report.created !== report.entries) throw new Error(`created ${report.created} of ${report.entries} entries`);
  entries = report.created;
  library.close();
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ entries, seconds, peakMb: process.resourceUsage().maxRSS / 1024, liveMb }));

function liveMemoryMb(): number {
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}
