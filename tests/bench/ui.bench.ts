/**
 * `npm run bench:ui [-- --clips N] [--json]`: the renderer with a 10,000-clip library, in Debian
 * Chromium against the web host: time to the first list rows, frame times while the list scrolls,
 * and keystroke-to-rendered-results for 20 queries. No baseline: these are absolute figures.
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startWebHost } from '../../electron/hosts/web.js';
import config from '../../playwright.config.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { generateClips, seedText } from './corpus.js';
import { machine, percentile, printResults } from './report.js';
import type { BenchResult } from './report.js';
import { PAGE_HELPERS } from './ui-page-helpers.js';
import type { PageHelpers } from './ui-page-helpers.js';

const { values } = parseArgs({ options: { clips: { type: 'string', default: '10000' }, json: { type: 'boolean' } } });
const clipCount = Number(values.clips);
const QUERIES = ['market', 'government', 'police', 'football', 'hospital', 'president', 'energy', 'school', 'court', 'water',
  'china trade', 'health care', 'new york', 'oil prices', '经济', '中国', '发展', '北京', '公司', '记者'];
const progress = (message: string) => console.error(`[bench:ui ${(performance.now() / 1000).toFixed(0)} s] ${message}`);

await using scope = new CleanupScope();
const { library } = await tempLibrary(scope);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: config.use?.launchOptions?.args ?? [],
});
scope.after(() => browser.close());
progress(`filling ${clipCount} clips through the facade`);
for (const clip of generateClips(clipCount)) await library.import({ kind: 'text', text: seedText(clip) });
const host = await startWebHost(library);
const page = await browser.newPage();
await page.addInitScript({ content: PAGE_HELPERS });
const newest = library.list({ sort: 'clippedAt', descending: true, limit: 1 }).clips[0]?.title ?? '';

progress('first paint');
await page.goto(host.url);
// performance.now() counts from navigation start, so this is the time to the first rows on screen.
const firstPaint = await whenShown(page, 'Clips', newest, '');

progress('scrolling');
const frames = await page.evaluate(() => (globalThis as unknown as PageHelpers).benchScroll());

progress('typing queries');
const keystrokes: number[] = [];
const searchBox = page.getByRole('searchbox', { name: 'Search clips' });
for (const query of QUERIES) {
  const expected = await library.search(query, { limit: 50 }); // what the window asks for, so ties rank alike
  const top = expected.hits[0]?.clip.title;
  if (top === undefined) continue; // only in small trial runs: every query finds clips among 10,000
  await searchBox.fill('');
  await whenShown(page, 'Clips', newest, '');
  // Typed without pauses, as a fast typist does: the app's debounce leaves one search, for the last key.
  const status = expected.totalIsLowerBound ? 'More than' : `${expected.total} ${expected.total === 1 ? 'clip' : 'clips'} found`;
  const shown = whenShown(page, 'Search results', top, status);
  await searchBox.pressSequentially(query);
  const rendered = await shown;
  keystrokes.push(rendered - (await page.evaluate(() => (globalThis as unknown as PageHelpers).benchLastKey)));
}
await host.close();

const scrollNote = `${frames.length} animation frames, list scrolled 400 px a frame`;
const keystrokeNote = `${keystrokes.length} queries; includes the search bar's typing debounce`;
const results: BenchResult[] = [
  { metric: 'ui.first_list_paint_ms', value: firstPaint, unit: 'ms', note: 'navigation start to the first rows of the clip list drawn' },
  { metric: 'ui.scroll_frame_p50_ms', value: percentile(frames, 50), unit: 'ms', note: scrollNote },
  { metric: 'ui.scroll_frame_p95_ms', value: percentile(frames, 95), unit: 'ms' },
  { metric: 'ui.scroll_frame_max_ms', value: Math.max(...frames), unit: 'ms' },
  { metric: 'ui.keystroke_to_results_p50_ms', value: percentile(keystrokes, 50), unit: 'ms', note: keystrokeNote },
  { metric: 'ui.keystroke_to_results_p95_ms', value: percentile(keystrokes, 95), unit: 'ms' },
];
printResults({ clips: clipCount, machine: machine(), results }, Boolean(values.json));

async function whenShown(page: Page, label: string, text: string, status: string): Promise<number> {
  const handle = await page.waitForFunction(
    ([l, t, s]) => (globalThis as unknown as PageHelpers).benchShown(l, t, s),
    [label, text, status] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}
