import { readFile } from 'node:fs/promises';
import { html, serveRoutes } from '../helpers/picture-server.js';
import { expect, test } from './fixtures.js';

/**
 * Another app's export comes in through the window: the file is described before anything is written,
 * the report lists every entry that was not imported as it was, and an imported address whose article
 * is still to come can be fetched from the reader; the side panel shows the fetching as it runs.
 */

const FIXTURES = new URL('../fixtures/import/', import.meta.url);

test('imports a bookmarks file from Add clip: what it is first, then a report of every entry', async ({ app, page }) => {
  await page.goto(app.host.url);
  await page.getByRole('button', { name: 'Add clip' }).click();
  await page.getByRole('button', { name: 'Import from another app…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from another app' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Export file').setInputFiles({
    name: 'bookmarks.html', mimeType: 'text/html', buffer: await readFile(new URL('bookmarks-firefox.html', FIXTURES)),
  });
  await expect(dialog.getByRole('status')).toContainText('Browser bookmarks (Netscape bookmark file), 7 bookmarks');
  expect(app.library.list().total).toBe(0);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'new clips' }))
    .toContainText('5 new clips, 0 merged into clips you had, 0 failed, 2 skipped');
  const problems = dialog.getByRole('list', { name: 'Entries not imported as they were' });
  await expect(problems.getByRole('listitem')).toHaveCount(2);
  await expect(problems).toContainText('line 28');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(5);
});

test('an imported address shows what the other app kept, and its article is fetched on request', async ({ app, page, scope }) => {
  const paragraphs = '<p>The night ferry now leaves the pier at eleven, an hour later than last summer.</p>'.repeat(6);
  const site = await serveRoutes(scope, {
    '/ferry': html(`<html><head><title>Night ferry</title></head><body><article>${paragraphs}</article></body></html>`),
  });
  await app.library.importLibrary(Buffer.from(`- [Night ferry timetable](${site.url}/ferry)\n`), 'links.md');
  await page.goto(app.host.url);
  await page.getByRole('option', { name: /Night ferry timetable/ }).click();
  const notice = page.getByRole('note').filter({ hasText: 'has not been fetched yet' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Fetch now' }).click();
  await expect(page.getByText('The article is here')).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText('The night ferry now leaves the pier at eleven');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Night ferry timetable');
});

test('the side panel shows the background fetching of imported addresses, which can be paused', async ({ app, page, scope }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const paragraphs = '<p>Held back until the test lets it go.</p>'.repeat(6);
  const article = `<html><head><title>Held</title></head><body><article>${paragraphs}</article></body></html>`;
  const site = await serveRoutes(scope, {
    '*': (_request, response) => void held.then(() => response.writeHead(200, { 'content-type': 'text/html' }).end(article)),
  });
  const links = Array.from({ length: 3 }, (_, i) => `- [Report ${i + 1}](${site.url}/r${i + 1})`).join('\n');
  await app.library.importLibrary(Buffer.from(links), 'links.md');
  app.library.fetching.startFetching();
  await page.goto(app.host.url);
  const panel = page.getByRole('navigation', { name: 'Library' });
  await expect(panel.getByRole('status').filter({ hasText: 'Fetching articles: 0 of 3' })).toBeVisible();
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Fetching paused' })).toBeVisible();
  release();
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => app.library.fetching.status().pending, { timeout: 20_000 }).toBe(0);
  await expect(panel.getByRole('status').filter({ hasText: 'Fetching' })).toBeHidden({ timeout: 10_000 });
});
