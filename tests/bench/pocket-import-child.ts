/**
 * Child process of the Pocket import measurement, so each run's peak memory is its own. Args: a
 * generated export zip, a folder for the new library, and "read" to only read the export's entries
 * (the baseline: what parsing costs with nothing written) or "import" to import it with --no-fetch.
 */
import { readFile } from 'node:fs/promises';
import { detectExportFile } from '../../electron/core/import/index.js';
import { Library } from '../../electron/core/library.js';

const [zipPath = '', dir = '', mode = 'import'] = process.argv.slice(2);
const zip = await readFile(zipPath);
const started = performance.now();
let entries = 0;
if (mode === 'read') {
  for await (const entry of (await detectExportFile(zip, 'pocket.zip')).entries()) if (entry) entries++;
} else {
  const library = await Library.open(dir);
  const report = await library.importLibrary(zip, 'pocket.zip');
  if (report.created !== report.entries) throw new Error(`created ${report.created} of ${report.entries} entries`);
  entries = report.created;
  library.close();
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ entries, seconds, peakMb: process.resourceUsage().maxRSS / 1024 }));
