import { SEED_TITLE, sampleText } from '../helpers/seed.js';
import { expect, importSeed, openClip, test } from './fixtures.js';

/**
 * Changing a clip from the reader: its title, its note, its star; and taking it out of the library
 * (to the trash, back again with Undo or Restore, and away for good by emptying the trash).
 */

test('edits the title in place; Enter keeps the new title and Escape the old one', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  await page.getByRole('button', { name: 'Edit title' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await expect(title).toHaveValue(SEED_TITLE);
  await title.fill('Pharma chamber visits Jilin High-tech Zone');
  await title.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pharma chamber visits Jilin High-tech Zone');
  await expect(page.getByRole('button', { name: 'Edit title' })).toBeFocused();
  await expect.poll(async () => (await app.library.get(seed.id)).title).toBe('Pharma chamber visits Jilin High-tech Zone');

  await page.getByRole('button', { name: 'Edit title' }).click();
  await title.fill('A title I changed my mind about');
  await title.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pharma chamber visits Jilin High-tech Zone');
  await expect(page.getByRole('heading', { level: 1, name: 'Pharma chamber visits Jilin High-tech Zone' })).toBeVisible(); // still reading

  await page.getByRole('button', { name: '← Back to list' }).click();
  const rows = page.getByRole('listbox', { name: 'Clips' }).getByRole('option');
  await expect(rows).toContainText(['Pharma chamber visits Jilin High-tech Zone']);
  expect((await app.library.get(seed.id)).title).toBe('Pharma chamber visits Jilin High-tech Zone');
});

test('an emptied title is not saved', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await page.getByRole('button', { name: 'Edit title' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('   ');
  await page.getByRole('textbox', { name: 'Title' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  expect((await app.library.get(seed.id)).title).toBe(SEED_TITLE);
});

test('a note is saved when the field loses focus and is there after a reload', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await note.fill('Follow up with the chamber about\nthe biomedical park.');
  await page.getByRole('region', { name: 'Article text' }).focus(); // leave the field
  await expect.poll(async () => (await app.library.get(seed.id)).note).toBe('Follow up with the chamber about\nthe biomedical park.');

  await page.reload();
  await openClip(page, SEED_TITLE);
  await expect(note).toHaveValue('Follow up with the chamber about\nthe biomedical park.');
});

test('a note is saved when going straight back to the list', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Ask about the industrial park');
  await page.getByRole('button', { name: '← Back to list' }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' })).toBeFocused();
  await expect.poll(async () => (await app.library.get(seed.id)).note).toBe('Ask about the industrial park');
  await openClip(page, SEED_TITLE);
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Ask about the industrial park');
});

test('stars and unstars a clip, and the list shows it', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const star = page.getByRole('toolbar', { name: 'Clip actions' }).getByRole('button', { name: /Star$/ });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(star).toHaveText('★ Star');
  expect((await app.library.get(seed.id)).starred).toBe(true);

  await page.getByRole('button', { name: '← Back to list' }).click();
  const row = page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: SEED_TITLE });
  await expect(row).toContainText('★ Starred');
  await page.getByRole('button', { name: '★ Starred' }).click(); // the starred filter
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(1);
  await page.getByRole('button', { name: '★ Starred' }).click();

  await openClip(page, SEED_TITLE);
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await expect(star).toHaveText('☆ Star');
  await expect.poll(async () => (await app.library.get(seed.id)).starred).toBe(false);
});

test('moving a clip to the trash can be undone from the message', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await app.library.import({ kind: 'text', text: sampleText(1) });
  await app.library.addTags(seed.id, ['pharma']);
  await app.library.annotate(seed.id, { quote: 'Jilin High-tech Zone', note: 'kept' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  await page.getByRole('button', { name: 'Move to trash' }).click();
  const rows = page.getByRole('listbox', { name: 'Clips' }).getByRole('option');
  await expect(rows).toHaveCount(1);
  await expect(rows).not.toContainText(SEED_TITLE);
  const toast = page.getByRole('status').filter({ hasText: `Moved to trash: ${SEED_TITLE}` });
  await expect(toast).toBeVisible();
  expect(app.library.list({ trashed: true }).total).toBe(1);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: SEED_TITLE })).toBeVisible();
  expect(app.library.list({ trashed: true }).total).toBe(0);
  // Back as it was, tags and highlights included.
  await openClip(page, SEED_TITLE);
  await expect(page.getByRole('button', { name: 'Remove tag pharma' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Article text' }).locator('mark')).toHaveText(['Jilin High-tech Zone']);
});

test('a trashed clip is listed in the Trash and can be restored from there', async ({ page, app }) => {
  await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved to trash' })).toBeVisible();
  await expect(page.getByText('Your library is empty.')).toBeVisible();

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Trash', exact: true })).toHaveAttribute('aria-current', 'page');
  const trash = page.getByRole('list', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash).toContainText(SEED_TITLE);
  await trash.getByRole('button', { name: `Restore ${SEED_TITLE}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Restored: ${SEED_TITLE}` })).toBeVisible();
  await expect(trash.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('The trash is empty.')).toBeVisible();

  await page.getByRole('button', { name: 'All clips' }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: SEED_TITLE })).toBeVisible();
});

test('emptying the trash asks first, then deletes its clips for good', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  const kept = (await app.library.import({ kind: 'text', text: sampleText(7) })).clip;
  await app.library.annotate(seed.id, { quote: 'Jilin High-tech Zone' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(1);

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const empty = page.getByRole('button', { name: 'Empty trash' });
  await empty.click();
  const dialog = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(dialog).toContainText('1 clip and their highlights will be deleted for good. This cannot be undone.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(empty).toBeFocused();
  expect(app.library.list({ trashed: true }).total).toBe(1);

  await empty.click();
  await dialog.getByRole('button', { name: 'Empty trash' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 1 clip for good' })).toBeVisible();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expect(empty).toBeDisabled();
  expect(app.library.list({ trashed: true }).total).toBe(0);
  expect(app.library.list().clips.map((clip) => clip.id)).toEqual([kept.id]);
  await expect(app.library.get(seed.id)).rejects.toThrow();
});
