import type { Page } from '@playwright/test';
import { sampleText } from '../helpers/seed.js';
import { expect, test } from './fixtures.js';

/** Read states: m marks a clip read (or unread again), e archives it (or brings it back); the list shows one state. */

const list = (page: Page) => page.getByRole('listbox', { name: 'Clips' });

test('m and e mark the active row read and archived, the list shows one state at a time, and the reader undoes it', async ({
  app, page,
}) => {
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await app.library.import({ kind: 'text', text: sampleText(n) })).clip.id);
  await page.goto(app.host.url);
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await page.keyboard.press('j');
  await page.keyboard.press('m');
  await expect.poll(async () => (await app.library.get(ids[2]!)).readState).toBe('read');
  await page.keyboard.press('j');
  await page.keyboard.press('e');
  await expect.poll(async () => (await app.library.get(ids[1]!)).readState).toBe('archived');

  const show = page.getByRole('combobox', { name: 'Show' });
  await show.selectOption('Archived');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(list(page).getByRole('option')).toContainText('Report 2 on the harbour');
  await show.selectOption('Unread');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(list(page).getByRole('option')).toContainText('Report 1 on the harbour');

  await show.selectOption('Read');
  await list(page).getByRole('option', { name: /Report 3 on the harbour/ }).click();
  await page.getByRole('button', { name: 'Mark unread' }).click();
  await expect(page.getByRole('button', { name: 'Mark read' })).toBeVisible();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('button', { name: 'Unarchive' })).toBeVisible();
  expect((await app.library.get(ids[2]!)).readState).toBe('archived');
  expect((await app.library.search('is:archived')).total).toBe(2);
});
