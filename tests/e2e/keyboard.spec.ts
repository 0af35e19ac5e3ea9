import type { Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { sampleText } from '../helpers/seed.js';
import { expect, selectInArticle, test } from './fixtures.js';

/**
 * The whole app without a mouse: the single-key shortcuts of the `?` list, where they apply, and
 * where they must not (while typing).
 */

/** Three clips, newest first in the list: "Report 3…", "Report 2…", "Report 1…". */
async function threeClips(app: { library: Library }): Promise<string[]> {
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await app.library.import({ kind: 'text', text: sampleText(n) })).clip.id);
  return ids;
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Clips' });
const selectedRow = (page: Page) => list(page).locator('[role="option"][aria-selected="true"]');
const readerTitle = (page: Page) => page.getByRole('heading', { level: 1 });

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(list(page).getByRole('option')).toHaveCount(3);
}

test('/ and Ctrl+F put the cursor in the search box, from anywhere', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  const search = page.getByRole('searchbox', { name: 'Search clips' });

  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(''); // the key only moved focus

  await page.keyboard.type('berth');
  await expect(search).toHaveValue('berth');
  await search.fill('');
  await list(page).focus();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();

  // Even while typing a note, Ctrl+F is search.
  await list(page).getByRole('option').first().click();
  await page.getByRole('textbox', { name: 'Note', exact: true }).click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
});

test('j and k, and the arrow keys, move the selection through the list', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);

  await page.keyboard.press('j');
  await expect(list(page)).toBeFocused();
  await expect(selectedRow(page)).toContainText('Report 3 on the harbour');
  await page.keyboard.press('j');
  await expect(selectedRow(page)).toContainText('Report 2 on the harbour');
  await page.keyboard.press('j');
  await page.keyboard.press('j'); // stays on the last row
  await expect(selectedRow(page)).toContainText('Report 1 on the harbour');
  await page.keyboard.press('k');
  await expect(selectedRow(page)).toContainText('Report 2 on the harbour');
  await page.keyboard.press('ArrowUp');
  await expect(selectedRow(page)).toContainText('Report 3 on the harbour');
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow(page)).toContainText('Report 2 on the harbour');
  await expect(selectedRow(page)).toHaveCount(1);
  // The list tells assistive technology which row is current.
  const id = await selectedRow(page).getAttribute('id');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', id ?? '');
});

test('the arrow keys reach the list when nothing has focus yet', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow(page)).toContainText('Report 3 on the harbour');
  await expect(list(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(selectedRow(page)).toContainText('Report 2 on the harbour');
});

test('Enter opens the selected clip and Escape goes back to the list', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(readerTitle(page)).toHaveText('Report 2 on the harbour');
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText('figures for quarter 2');

  await page.keyboard.press('Escape');
  await expect(list(page)).toBeFocused();
  await expect(selectedRow(page)).toContainText('Report 2 on the harbour');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(readerTitle(page)).toHaveText('Report 3 on the harbour');
});

test('j and k while reading open the next and previous clip, and the list’s active row follows', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(readerTitle(page)).toHaveText('Report 3 on the harbour');

  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText('Report 2 on the harbour');
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText('figures for quarter 2');
  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText('Report 1 on the harbour');
  await page.keyboard.press('j'); // the last clip: stays
  await expect(readerTitle(page)).toHaveText('Report 1 on the harbour');
  await page.keyboard.press('k');
  await expect(readerTitle(page)).toHaveText('Report 2 on the harbour');
  // The arrow keys scroll the article: they never switch clips.
  await page.locator('body').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(readerTitle(page)).toHaveText('Report 2 on the harbour');

  await page.keyboard.press('Escape');
  await expect(list(page)).toBeFocused();
  await expect(selectedRow(page)).toContainText('Report 2 on the harbour');
});

test('j and k while reading a search hit step through the search results', async ({ page, app }) => {
  await threeClips(app);
  for (const n of [4, 5]) await app.library.import({ kind: 'text', text: sampleText(n, 'orchard') });
  await page.goto(app.host.url);
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('orchard');
  const hits = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hits).toHaveCount(2);
  const titles = (await hits.locator('.title').allTextContents()).map((title) => title.trim());
  await hits.first().click();
  await expect(readerTitle(page)).toHaveText(titles[0]!);

  await page.locator('body').focus();
  await page.keyboard.press('j');
  await expect(readerTitle(page)).toHaveText(titles[1]!);
  await page.keyboard.press('j'); // the last hit: the library's other clips are not in these results
  await expect(readerTitle(page)).toHaveText(titles[1]!);
  await page.keyboard.press('k');
  await expect(readerTitle(page)).toHaveText(titles[0]!);
  await page.keyboard.press('j');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Search results' }).locator('[aria-selected="true"]')).toContainText(titles[1]!);
});

test('after j through a long list while reading, the list shows the row of the clip last read', async ({ page, app }) => {
  for (let n = 1; n <= 30; n++) await app.library.import({ kind: 'text', text: sampleText(n) });
  await page.goto(app.host.url);
  await expect(list(page).getByRole('option').first()).toContainText('Report 30 on the harbour');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(readerTitle(page)).toHaveText('Report 30 on the harbour');
  for (let n = 29; n >= 12; n--) {
    await page.keyboard.press('j');
    await expect(readerTitle(page)).toHaveText(`Report ${n} on the harbour`);
  }
  await page.keyboard.press('Escape');
  await expect(selectedRow(page)).toContainText('Report 12 on the harbour');
  await expect(selectedRow(page)).toBeInViewport({ ratio: 1 });
});

test('t puts the cursor in the open clip’s tag field', async ({ page, app }) => {
  const [first] = await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('t'); // no clip open: nothing to tag
  await expect(page.getByRole('combobox', { name: 'Add tag' })).toHaveCount(0);

  await list(page).getByRole('option', { name: 'Report 1 on the harbour' }).click();
  await expect(readerTitle(page)).toHaveText('Report 1 on the harbour');
  await page.keyboard.press('t');
  const tag = page.getByRole('combobox', { name: 'Add tag' });
  await expect(tag).toBeFocused();
  await expect(tag).toHaveValue('');
  await page.keyboard.type('shipping');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag shipping' })).toBeVisible();
  expect((await app.library.get(first!)).tags).toEqual(['shipping']);
});

test('h highlights the selected text, and the next keys stay shortcuts', async ({ page, app }) => {
  const [first] = await threeClips(app);
  await openApp(page, app.host.url);
  await list(page).getByRole('option', { name: 'Report 1 on the harbour' }).click();
  await expect(readerTitle(page)).toHaveText('Report 1 on the harbour');

  await page.keyboard.press('h'); // nothing selected: nothing happens
  await selectInArticle(page, 'Shipping volumes rose');
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
  await page.keyboard.press('h');
  const mark = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(mark).toHaveText('Shipping volumes rose');
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeHidden();
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  await expect(panel.getByRole('button', { name: 'Shipping volumes rose', exact: true })).toBeVisible();
  // Unlike the toolbar, `h` leaves focus alone: `s` right after stars the clip instead of typing a note.
  await expect(panel.getByRole('textbox', { name: 'Note on “Shipping volumes rose”' })).not.toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: /Star$/ })).toHaveAttribute('aria-pressed', 'true');
  const clip = await app.library.get(first!);
  expect(clip.annotations.map((a) => [a.target.selector[0].exact, a.note])).toEqual([['Shipping volumes rose', '']]);
  expect(clip.starred).toBe(true);
});

test('s stars the selected row in the list and the open clip in the reader', async ({ page, app }) => {
  const [first, , third] = await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  await expect(selectedRow(page)).toContainText('★ Starred');
  await expect.poll(async () => (await app.library.get(third!)).starred).toBe(true);
  await page.keyboard.press('s');
  await expect(selectedRow(page)).not.toContainText('★ Starred');
  await expect.poll(async () => (await app.library.get(third!)).starred).toBe(false);

  await list(page).getByRole('option', { name: 'Report 1 on the harbour' }).click();
  const star = page.getByRole('button', { name: /Star$/ });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('s');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  expect((await app.library.get(first!)).starred).toBe(true);
});

test('Delete moves the selected row, or the open clip, to the trash', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'Moved to trash: Report 3 on the harbour' })).toBeVisible();
  await expect(list(page).getByRole('option')).toHaveCount(2);
  await expect(list(page)).not.toContainText('Report 3 on the harbour');

  await list(page).getByRole('option', { name: 'Report 1 on the harbour' }).click();
  await expect(readerTitle(page)).toHaveText('Report 1 on the harbour');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'Moved to trash: Report 1 on the harbour' })).toBeVisible();
  await expect(list(page).getByRole('option')).toHaveText([/Report 2 on the harbour/]);
  const trashed = app.library.list({ trashed: true }).clips.map((clip) => clip.title).sort();
  expect(trashed).toEqual(['Report 1 on the harbour', 'Report 3 on the harbour']);
});

test('in the Trash view, s, Delete and Enter leave the library’s hidden selected row alone', async ({ page, app }) => {
  const [, , third] = await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await expect(selectedRow(page)).toContainText('Report 3 on the harbour');

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.locator('body').focus();
  for (const key of ['s', 'Delete', 'Enter']) await page.keyboard.press(key);
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
  // Back in the library (a fresh fetch, asked for after anything those keys might have sent).
  await page.getByRole('button', { name: 'All clips' }).click();
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await expect(list(page)).not.toContainText('★ Starred');
  await expect(page.getByRole('status').filter({ hasText: 'Moved to trash' })).toHaveCount(0);
  const clip = await app.library.get(third!);
  expect(clip.starred).toBe(false);
  expect(clip.deletedAt).toBeNull();
});

test('Enter on a focused button presses that button and opens no clip', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('? opens the shortcuts list; Escape closes it and focus returns where it was', async ({ page, app }) => {
  await threeClips(app);
  await openApp(page, app.host.url);
  await page.keyboard.press('j');
  await expect(list(page)).toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(dialog.getByRole('row', { name: /Highlight the selected text/ })).toContainText('h');
  // Shortcuts are off while the dialog is open.
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  await expect(selectedRow(page)).toContainText('Report 3 on the harbour');
  await expect(selectedRow(page)).not.toContainText('★ Starred');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list(page)).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeAttached(); // that Escape did nothing else
  await expect(page.getByRole('article')).toHaveCount(0);

  // Opened with the ? button, it returns focus to the button.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();

  // In the reader, the Escape that closes the dialog does not also close the clip.
  await list(page).getByRole('option', { name: 'Report 2 on the harbour' }).click();
  await expect(readerTitle(page)).toHaveText('Report 2 on the harbour');
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(readerTitle(page)).toHaveText('Report 2 on the harbour');
});

test('single-key shortcuts do nothing while typing in the search box or a note', async ({ page, app }) => {
  const [first] = await threeClips(app);
  await openApp(page, app.host.url);
  const search = page.getByRole('searchbox', { name: 'Search clips' });
  await search.click();
  await page.keyboard.type('jks?ht/');
  await expect(search).toHaveValue('jks?ht/');
  await expect(search).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Delete');
  await expect(search).toHaveValue('jks?ht/');
  await expect(page.getByRole('listbox', { name: /Clips|Search results/ }).locator('[aria-selected="true"]')).toHaveCount(0);

  await search.fill('');
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await list(page).getByRole('option', { name: 'Report 1 on the harbour' }).click();
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await note.click();
  await page.keyboard.type('ships and tugs? j/k');
  await page.keyboard.press('Escape'); // does not leave the reader from a note either
  await expect(note).toHaveValue('ships and tugs? j/k');
  await expect(readerTitle(page)).toHaveText('Report 1 on the harbour');
  await expect(page.getByRole('button', { name: /Star$/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  // Leaving the field saves the note: once it is in, anything the typed keys had set off would be too.
  await page.getByRole('region', { name: 'Article text' }).focus();
  await expect.poll(async () => (await app.library.get(first!)).note).toBe('ships and tugs? j/k');
  const clip = await app.library.get(first!);
  expect(clip.starred).toBe(false);
  expect(clip.deletedAt).toBeNull();
  expect(app.library.list({ trashed: true }).total).toBe(0);
});
