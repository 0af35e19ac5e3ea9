import type { Page } from '@playwright/test';
import { sampleText } from '../helpers/seed.js';
import { expect, test } from './fixtures.js';

/**
 * After a change the window fetches again only what the change made stale: each change names the
 * resources it touches (renderer/controllers/library-resources.ts), and what shows them stays current.
 */

/** Asked on a clock of their own, whatever the window does: the sync indicator's poll. */
const POLLS = new Set(['syncStatus']);

/** Counts the API calls the page makes from now on, by method, less the polls. */
function countCalls(page: Page): Map<string, number> {
  const calls = new Map<string, number>();
  page.on('request', (request) => {
    const method = /\/api\/(\w+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method && !POLLS.has(method)) calls.set(method, (calls.get(method) ?? 0) + 1);
  });
  return calls;
}

test(
  'starring the open clip refetches it and the list, and the list shows the star, but the tags are not fetched again',
  async ({ page, app }) => {
    const clip = (await app.library.import({ kind: 'text', text: sampleText(1) })).clip;
    await app.library.addTags(clip.id, ['harbour']);
    await page.goto(app.host.url);
    const row = page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: 'Report 1 on the harbour' });
    await row.click();
    const star = page.getByRole('toolbar', { name: 'Clip actions' }).getByRole('button', { name: /Star$/ });
    await expect(star).toHaveAttribute('aria-pressed', 'false');

    const calls = countCalls(page);
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: '← Back to list' }).click();
    await expect(row).toContainText('★ Starred');
    expect(Object.fromEntries(calls)).toEqual({ update: 1, get: 1, list: 1 });
  },
);

test('starring a search hit with s refetches the search, and the hit shows the star, but not the tags', async ({ page, app }) => {
  for (const n of [1, 2]) await app.library.import({ kind: 'text', text: sampleText(n) });
  await page.goto(app.host.url);
  const search = page.getByRole('searchbox', { name: 'Search clips' });
  await search.fill('quarter 2');
  const hits = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hits).toHaveCount(1);
  await search.blur(); // single-key shortcuts are off while typing

  const calls = countCalls(page);
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  await expect(hits).toContainText('★ Starred');
  expect(calls.get('update')).toBe(1);
  expect(calls.get('search')).toBe(1);
  expect(calls.get('tags')).toBeUndefined();
});

test('changing a highlight’s colour refetches the open clip, not the tags or the list', async ({ page, app }) => {
  const clip = (await app.library.import({ kind: 'text', text: sampleText(3) })).clip;
  await app.library.annotate(clip.id, { quote: 'Shipping volumes rose', color: 'yellow' });
  await page.goto(app.host.url);
  await page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: 'Report 3 on the harbour' }).click();
  const mark = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(mark).toHaveClass(/\bhl-yellow\b/);

  const calls = countCalls(page);
  await page.getByRole('complementary', { name: 'Highlights and notes' }).getByLabel('Colour').selectOption('blue');
  await expect(mark).toHaveClass(/\bhl-blue\b/);
  expect(Object.fromEntries(calls)).toEqual({ updateAnnotation: 1, get: 1 });
});
