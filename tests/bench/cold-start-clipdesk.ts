/**
 * Child process of the cold-start measurement: opens an existing library, answers one search, says
 * so on stdout at once (the parent times spawn -> that line), then does what a session does (more
 * searches, one tag edit) and reports its memory. Args: library dir, JSON array of query strings, clip id,
 * and "rebuild" to throw the catalog away first and rebuild it from the store (the worst-case open), waited
 * for as the CLI does; or "rebuild-background" for the app's way: "answered" once every clip is listed, then
 * the time until the index is whole is reported too.
 */
import { Library } from '../../electron/core/library.js';
import { anonymousRssMb } from './report.js';

const [dir = '', queriesJson = '[]', editId = '', mode = ''] = process.argv.slice(2);
const queries = JSON.parse(queriesJson) as string[];
const started = performance.now();
const background = mode === 'rebuild-background';
const library = await Library.open(dir, { rebuildCatalog: mode.startsWith('rebuild'), rebuildInBackground: background });
if (background) {
  await until(() => !library.catalogStatus().listing);
  library.list({ limit: 50 });
} else {
  await library.search(queries[0] ?? 'the', { limit: 20 });
}
console.log('answered');
await until(() => !library.catalogStatus().rebuilding);
const wholeMs = performance.now() - started;
for (const query of queries.slice(1)) await library.search(query, { limit: 20 });
await library.addTags(editId, ['cold-start']);
const rssMb = process.memoryUsage().rss / 2 ** 20;
console.log(JSON.stringify({ rssMb, anonMb: anonymousRssMb(), peakMb: process.resourceUsage().maxRSS / 1024, wholeMs }));
await library.close();

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}
