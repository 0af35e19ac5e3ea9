import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { expect, importSeed, openClip, test } from './fixtures.js';

/**
 * Exporting from the window: Export… offers the open clip, the clips a search finds (or the filtered
 * list shows) and the whole library, in every one-file format, and saves the file as a download.
 */

async function downloadedText(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test('exports the open clip\'s highlights as W3C Web Annotations', async ({ app, page }) => {
  const seed = await importSeed(app.library);
  await app.library.annotate(seed.id, { quote: 'Jilin High-tech Zone', note: '吉林高新区' });
  await app.library.import({ kind: 'text', text: 'Harbour memo\n\nThe ferries run hourly.' });
  await page.goto(app.host.url);
  await openClip(page, seed.title);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('w3c');
  await dialog.getByRole('radio', { name: `This clip: ${seed.title}` }).check();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(/^clipdesk-w3c-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const collection = JSON.parse(await downloadedText(download));
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toHaveLength(1);
  expect(JSON.stringify(collection)).toContain('吉林高新区');
  await expect(dialog.getByRole('status')).toHaveText(`Saved as ${download.suggestedFilename()}.`);
});

test('exports the clips a search finds as bookmarks, and the whole library when asked', async ({ app, page }) => {
  const clips = [['Port cranes', ['ports']], ['Ferry timetable', ['ports']], ['Budget memo', []]] as const;
  for (const [i, [title, tags]] of clips.entries()) {
    await app.library.import({ kind: 'text', text: `${title}\n\nSome words about it.`, url: `https://news.example/${i}`, tags: [...tags] });
  }
  await page.goto(app.host.url);
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('tag:ports');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('netscape');
  await dialog.getByRole('radio', { name: 'The 2 clips this search finds' }).check();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  const [found] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const bookmarks = await downloadedText(found);
  expect(bookmarks).toContain('<!DOCTYPE NETSCAPE-Bookmark-file-1>');
  expect(bookmarks.match(/<DT><A /g)).toHaveLength(2);
  expect(bookmarks).not.toContain('Budget memo');
  await dialog.getByRole('radio', { name: 'The whole library' }).check();
  const [all] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect((await downloadedText(all)).match(/<DT><A /g)).toHaveLength(3);
});

test('exports the clips picked with Ctrl+click and x, across searches, until they are cleared', async ({ app, page }) => {
  for (const [i, title] of ['Port cranes', 'Ferry timetable', 'Budget memo'].entries()) {
    await app.library.import({ kind: 'text', text: `${title}\n\nSome words about harbours.`, url: `https://news.example/${i}` });
  }
  await page.goto(app.host.url);
  const clips = page.getByRole('listbox', { name: 'Clips' });
  await clips.getByRole('option', { name: /Port cranes/ }).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('heading', { level: 1, name: 'Port cranes' })).toBeHidden();
  await expect(clips.getByRole('option', { name: /Port cranes/ })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('budget');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await results.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await expect(page.getByRole('status').filter({ hasText: 'picked' })).toContainText('2 clips picked');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('csv');
  await dialog.getByRole('radio', { name: 'The 2 clips you picked' }).check();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const csv = await downloadedText(download);
  expect(csv).toContain('Port cranes');
  expect(csv).toContain('Budget memo');
  expect(csv).not.toContain('Ferry timetable');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'picked' })).toBeHidden();
  await expect(results.getByRole('option').first()).not.toHaveAttribute('aria-checked');
});
