import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { SEED_TITLE } from '../helpers/seed.js';
import { expect, importSeed, test } from './fixtures.js';

/**
 * Making a press review from the window: the dialog starts from the search (or the picked clips), shows
 * the items it holds in date order to move or leave out, saves the review as HTML or PDF in that order,
 * and keeps a preset of its query and period to use again.
 */

const CRANES = 'Harbour cranes arrive from Rotterdam';
const TRAFFIC = 'Harbour traffic doubles';
const MEMO = 'Budget memo for the council';

/** A plain-text clipping in the seed's format: title, source and date line, indented paragraphs. */
function clipping(title: string, source: string, published: string, paragraph: string): string {
  return `${title}\n\n来源: ${source}   时间: ${published}\n\u00a0\u00a0${paragraph}`;
}

/** The seed (2023) and two harbour stories (2024) tagged trade, one highlight with a note, and an untagged memo. */
async function arrange(library: Library): Promise<void> {
  const seed = await importSeed(library);
  await library.addTags(seed.id, ['trade', 'pharma']);
  await library.annotate(seed.id, { quote: 'Jilin High-tech Zone', note: 'Second visit this year' });
  const stories = [
    [CRANES, 'Harbour Daily', '2024-03-05 08:30', 'Four new cranes arrived at the eastern terminal on Tuesday.', ['trade']],
    [TRAFFIC, 'The Ledger', '2024-06-10 09:00', 'Container traffic through the eastern harbour doubled in the quarter.', ['trade']],
    [MEMO, 'City Hall', '2024-05-01 12:00', 'The council will vote on the harbour budget in June.', []],
  ] as const;
  for (const [i, [title, source, published, paragraph, tags]] of stories.entries()) {
    await library.import({ kind: 'text', text: clipping(title, source, published, paragraph), url: `https://news.example/${i}`, tags: [...tags] });
  }
}

function pressReview(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Make a press review' });
}

async function expectItems(dialog: Locator, titles: readonly string[]): Promise<void> {
  const items = dialog.getByRole('list', { name: 'Items in the press review' }).getByRole('listitem');
  await expect(items).toHaveCount(titles.length);
  for (const [i, title] of titles.entries()) await expect(items.nth(i)).toContainText(title);
}

async function save(page: Page, dialog: Locator, button: 'Save HTML' | 'Save PDF'): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: button }).click()]);
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved as' })).toHaveText(`Saved as ${download.suggestedFilename()}.`);
  return download;
}

test('makes a press review of a search, in the order arranged, as HTML and as PDF', async ({ app, page }) => {
  await arrange(app.library);
  await page.goto(app.host.url);
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('tag:trade');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Press review…' }).click();
  const dialog = pressReview(page);
  await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('Clips that match')).toHaveValue('tag:trade');
  await expectItems(dialog, [TRAFFIC, CRANES, SEED_TITLE]);
  await expect(dialog.getByRole('listitem').nth(1)).toContainText('Harbour Daily');
  await expect(dialog.getByRole('status').filter({ hasText: 'items' })).toHaveText('3 items');

  await dialog.getByRole('button', { name: `Move up: ${CRANES}` }).click();
  await expectItems(dialog, [CRANES, TRAFFIC, SEED_TITLE]);
  await expect(dialog.getByRole('button', { name: `Move down: ${CRANES}` })).toBeFocused();
  await expect(dialog.getByText('A preset keeps the search and the period, not the clips arranged here.')).toBeVisible();
  await dialog.getByLabel('Title', { exact: true }).fill('Trade & <Ports> weekly');
  await dialog.getByLabel('Content').selectOption('highlights');

  const html = await readFile(await (await save(page, dialog, 'Save HTML')).path(), 'utf8');
  expect(html).toContain('Trade &amp; &lt;Ports&gt; weekly');
  expect(html).not.toContain('<Ports>');
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('Second visit this year');
  const at = [CRANES, TRAFFIC, SEED_TITLE].map((title) => html.lastIndexOf(title));
  expect(at.every((position) => position >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);

  const pdf = await (await save(page, dialog, 'Save PDF')).path();
  expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { stdout } = await promisify(execFile)('pdftotext', [pdf, '-']);
  const text = stdout.replace(/\s+/g, ' ');
  expect(text).toContain(CRANES);
  expect(text).toContain(TRAFFIC);

  await dialog.getByRole('button', { name: 'Sort by date' }).click();
  await expectItems(dialog, [TRAFFIC, CRANES, SEED_TITLE]);
  await expect(dialog.getByRole('button', { name: 'Sort by date' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Press review…' })).toBeFocused();
});

test('starts from the picked clips in the order picked, with no period, and leaves one out', async ({ app, page }) => {
  await arrange(app.library);
  await page.goto(app.host.url);
  const clips = page.getByRole('listbox', { name: 'Clips' });
  for (const title of [MEMO, SEED_TITLE, CRANES]) await clips.getByRole('option', { name: title }).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Press review…' }).click();
  const dialog = pressReview(page);
  await expectItems(dialog, [MEMO, SEED_TITLE, CRANES]);
  await expect(dialog.getByRole('group', { name: 'Period' })).toBeHidden();
  await expect(dialog.getByText('A preset keeps the search and the period, not the clips you picked.')).toBeVisible();
  await dialog.getByRole('button', { name: `Leave out: ${MEMO}` }).click();
  await expectItems(dialog, [SEED_TITLE, CRANES]);
  await expect(dialog.getByRole('button', { name: `Leave out: ${SEED_TITLE}` })).toBeFocused();
  const html = await readFile(await (await save(page, dialog, 'Save HTML')).path(), 'utf8');
  expect(html).not.toContain(MEMO);
  expect(html.indexOf(SEED_TITLE)).toBeLessThan(html.indexOf(CRANES));
});

test('starts from the list\'s tag filter as a tag: query', async ({ app, page }) => {
  await arrange(app.library);
  await page.goto(app.host.url);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^trade 3$/ }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Press review…' }).click();
  const dialog = pressReview(page);
  await expect(dialog.getByLabel('Clips that match')).toHaveValue('tag:"trade"');
  await expectItems(dialog, [TRAFFIC, CRANES, SEED_TITLE]);
});

test('saves a preset of the query and period, and uses it again after a reload', async ({ app, page }) => {
  await arrange(app.library);
  await page.goto(app.host.url);
  await page.getByRole('button', { name: 'Press review…' }).click();
  let dialog = pressReview(page);
  await expectItems(dialog, [TRAFFIC, MEMO, CRANES, SEED_TITLE]);
  await dialog.getByLabel('Title', { exact: true }).fill('Harbour weekly');
  await dialog.getByLabel('Clips that match').fill('tag:trade');
  await dialog.getByRole('radio', { name: 'Between' }).check();
  await dialog.getByLabel('From', { exact: true }).fill('2024-01-01');
  await dialog.getByLabel('To', { exact: true }).fill('2024-12-31');
  await dialog.getByLabel('Group by').selectOption('source');
  await dialog.getByLabel('Paper').selectOption('letter');
  await expectItems(dialog, [TRAFFIC, CRANES]);
  await dialog.getByLabel('Preset name').fill('Harbour');
  await dialog.getByRole('button', { name: 'Save as preset' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'preset' })).toHaveText('Saved the preset "Harbour".');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await page.getByRole('button', { name: 'Press review…' }).click();
  dialog = pressReview(page);
  await expectItems(dialog, [TRAFFIC, MEMO, CRANES, SEED_TITLE]);
  await expect(dialog.getByLabel('Saved presets')).toHaveValue('Harbour');
  await dialog.getByRole('button', { name: 'Use' }).click();
  await expectItems(dialog, [TRAFFIC, CRANES]);
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Harbour weekly');
  await expect(dialog.getByLabel('Clips that match')).toHaveValue('tag:trade');
  await expect(dialog.getByRole('radio', { name: 'Between' })).toBeChecked();
  await expect(dialog.getByLabel('From', { exact: true })).toHaveValue('2024-01-01');
  await expect(dialog.getByLabel('To', { exact: true })).toHaveValue('2024-12-31');
  await expect(dialog.getByLabel('Group by')).toHaveValue('source');
  await expect(dialog.getByLabel('Paper')).toHaveValue('letter');

  await dialog.getByLabel('From', { exact: true }).fill('2025-01-01');
  await expect(dialog.getByRole('alert')).toContainText('from is after to');
  await expect(dialog.getByRole('button', { name: 'Save HTML' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'preset' })).toHaveText('Deleted the preset "Harbour".');
  await expect(dialog.getByLabel('Saved presets')).toBeHidden();
});
