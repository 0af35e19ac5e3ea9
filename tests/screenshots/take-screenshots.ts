/**
 * `npm run screenshots`: the README's pictures, made from the real app, never by hand. Builds a small
 * library (the seed clipping, real English and Chinese pages from ../shared/corpora), starts the web
 * host, and photographs the library, the reader with highlights, search results, a clip with its
 * pictures read with every request outside the app blocked, the report of a browser's bookmarks
 * imported, the press review dialog and the sync settings dialog, in Chromium; then a page of the press
 * review printed to PDF.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startWebHost } from '../../electron/hosts/web.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { IMPORT_FIXTURES } from '../helpers/import-fixtures.js';
import { SEED_FILE, SEED_TITLE, SHARED_DIR } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { PICTURE_ARTICLE_TITLE, servePictureArticle } from './picture-article.js';
import { photographPressReview } from './press-review-page.js';

const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;
const AEB = join(SHARED_DIR, 'corpora/extraction/aeb');
const CWCED = join(SHARED_DIR, 'corpora/extraction/cwced-dev/original');

await using scope = new CleanupScope();
const { library } = await tempLibrary(scope);
const seed = (await library.importFile(SEED_FILE)).clip.id;
await library.addTags(seed, ['pharma', 'jilin']);
await library.update(seed, { starred: true });
await library.annotate(seed, { quote: 'Jilin High-tech Zone', color: 'yellow', note: 'Second visit by the chamber this year' });
await library.annotate(seed, { quote: 'Zhou Hui, president of the China Chamber of Commerce', color: 'blue' });
await library.annotate(seed, { quote: 'biomedical industry is one of the leading industries', color: 'green' });
const truth = JSON.parse(readFileSync(join(AEB, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
for (const [id, page] of Object.entries(truth).slice(0, 6)) {
  const html = gunzipSync(readFileSync(join(AEB, 'html', `${id}.html.gz`))).toString('utf8');
  const { clip } = await library.import({ kind: 'html', html, url: page.url });
  await library.addTags(clip.id, [new URL(page.url).hostname.includes('wsj') ? 'tech' : 'news']);
}
for (const name of readdirSync(CWCED).sort().slice(0, 3)) {
  const { clip } = await library.import({ kind: 'file', name, data: readFileSync(join(CWCED, name)).toString('base64') });
  await library.addTags(clip.id, ['china']);
}

const pictured = await library.import({ kind: 'url', url: await servePictureArticle(scope) });
await library.addTags(pictured.clip.id, ['shipping']);

const host = await startWebHost(library);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
await page.goto(host.url);
await page.getByRole('listbox', { name: 'Clips' }).getByRole('option').nth(3).waitFor();
await page.screenshot({ path: join(OUT, 'library.png') });

await page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: SEED_TITLE }).click();
await page.locator('mark', { hasText: 'Jilin High-tech Zone' }).first().waitFor();
await page.screenshot({ path: join(OUT, 'reader.png') });

await page.getByRole('searchbox', { name: 'Search clips' }).fill('tag:pharma Zhou');
// The results' own mark: the reader behind the search box has a highlight with Zhou in it too.
await page.getByRole('listbox').locator('mark', { hasText: 'Zhou' }).first().waitFor();
await page.screenshot({ path: join(OUT, 'search.png') });

await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
await page.route('**/*', (route) => (route.request().url().startsWith(new URL(host.url).origin) ? route.continue() : route.abort()));
await page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: PICTURE_ARTICLE_TITLE }).click();
await page.getByRole('figure').first().locator('img').evaluate((image: HTMLImageElement) => image.decode());
await page.getByRole('note').evaluate((notice) => notice.scrollIntoView({ block: 'start' }));
await page.screenshot({ path: join(OUT, 'pictures.png') });

await page.getByRole('button', { name: '← Back to list' }).click();
await page.getByRole('button', { name: 'Add clip' }).click();
await page.getByRole('button', { name: 'Import from another app…' }).click();
const importDialog = page.getByRole('dialog', { name: 'Import from another app' });
await importDialog.getByLabel('Export file').setInputFiles(join(IMPORT_FIXTURES, 'bookmarks-firefox.html'));
await importDialog.getByRole('button', { name: 'Import' }).click();
await importDialog.getByRole('list', { name: 'Entries not imported as they were' }).waitFor();
await page.screenshot({ path: join(OUT, 'import.png') });

await page.keyboard.press('Escape');
await page.getByRole('button', { name: 'Press review…' }).click();
const digestDialog = page.getByRole('dialog', { name: 'Make a press review' });
await digestDialog.getByLabel('Title', { exact: true }).fill('Weekly press review');
await digestDialog.getByLabel('Group by').selectOption('tag');
await digestDialog.getByLabel('Content').selectOption('highlights');
await digestDialog.getByRole('button', { name: `Move up: ${SEED_TITLE}` }).click();
await digestDialog.getByRole('button', { name: 'Sort by date' }).waitFor();
await page.screenshot({ path: join(OUT, 'press-review-dialog.png') });

// Filled in as a person would before saving (the server is an example: nothing is asked of it).
await page.keyboard.press('Escape');
await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Sync off' }).click();
const syncDialog = page.getByRole('dialog', { name: 'Sync settings' });
await syncDialog.getByRole('textbox', { name: 'Server address' }).fill('https://couch.example.org');
await syncDialog.getByRole('textbox', { name: 'User' }).fill('reader');
await syncDialog.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
await syncDialog.getByLabel('Encryption passphrase (optional)').fill('a passphrase of our own');
await page.screenshot({ path: join(OUT, 'sync-settings.png') });
await page.keyboard.press('Escape');

await photographPressReview(library, 'Second visit by the chamber this year', join(OUT, 'press-review-page.png'));

await browser.close();
await host.close();
console.log(`screenshots written to ${OUT}`);
