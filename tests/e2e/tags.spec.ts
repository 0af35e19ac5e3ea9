import { SEED_TITLE, sampleText } from '../helpers/seed.js';
import { expect, importSeed, openClip, test } from './fixtures.js';

/**
 * Tags as people manage them: on one clip in the reader (with suggestions from the tags already in
 * the library), and library-wide from the sidebar (rename, merge, delete).
 */

/** The sidebar's filter button for a tag: named by the tag and its count, e.g. "pharma 1". */
const tagFilter = (name: string, count: number) => new RegExp(`^${name} ${count}$`);

test('adds an existing tag by choosing a suggestion with the keyboard', async ({ page, app }) => {
  const harbour = (await app.library.import({ kind: 'text', text: sampleText(1) })).clip;
  await app.library.addTags(harbour.id, ['pharmaceuticals', 'harbour', 'photography']);
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const input = page.getByRole('combobox', { name: 'Add tag' });
  await input.click();
  await input.pressSequentially('ph');
  const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText(['pharmaceuticals', 'photography']);
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await input.pressSequentially('a');
  await expect(suggestions.getByRole('option')).toHaveText(['pharmaceuticals']);
  await input.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: 'pharmaceuticals' })).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');

  const tags = page.getByRole('list', { name: 'Tags' }).filter({ has: input });
  await expect(tags.getByRole('button', { name: 'Remove tag pharmaceuticals' })).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused(); // ready for the next tag
  await expect(suggestions).toBeHidden();
  const libraryNav = page.getByRole('navigation', { name: 'Library' });
  await expect(libraryNav.getByRole('button', { name: tagFilter('pharmaceuticals', 2) })).toBeVisible();
  expect((await app.library.get(seed.id)).tags).toEqual(['pharmaceuticals']);
});

test('Escape closes the suggestions and stays in the reader; a suggestion can also be clicked', async ({ page, app }) => {
  const harbour = (await app.library.import({ kind: 'text', text: sampleText(1) })).clip;
  await app.library.addTags(harbour.id, ['health', 'harbour']);
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const input = page.getByRole('combobox', { name: 'Add tag' });
  await input.fill('h');
  const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(suggestions.getByRole('option')).toHaveCount(2);
  await input.press('Escape');
  await expect(suggestions).toBeHidden();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(input).toBeFocused();

  await input.press('ArrowDown'); // opens them again
  await expect(suggestions.getByRole('option')).toHaveCount(2);
  await suggestions.getByRole('option', { name: 'health' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag health' })).toBeVisible();
  await expect(input).toBeFocused();
  await expect.poll(async () => (await app.library.get(seed.id)).tags).toEqual(['health']);
});

test('adds a new tag typed in full, and does not add the same tag twice in another case', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  const input = page.getByRole('combobox', { name: 'Add tag' });
  await input.fill('jilin');
  await input.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag jilin' })).toBeVisible();
  await input.fill('Jilin');
  await input.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: tagFilter('jilin', 1) })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove tag / })).toHaveCount(1);
  expect((await app.library.get(seed.id)).tags).toHaveLength(1);
});

test('removes a tag from the clip with its remove button', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await app.library.addTags(seed.id, ['pharma', 'jilin']);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  await page.getByRole('button', { name: 'Remove tag pharma' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag pharma' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove tag jilin' })).toBeVisible();
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await expect(sidebar.getByRole('button', { name: /^pharma \d+$/ })).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: tagFilter('jilin', 1) })).toBeVisible();
  expect((await app.library.get(seed.id)).tags).toEqual(['jilin']);
});

test('renames a tag on every clip from the sidebar', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  const other = (await app.library.import({ kind: 'text', text: sampleText(2) })).clip;
  await app.library.addTags(seed.id, ['pharma']);
  await app.library.addTags(other.id, ['pharma', 'harbour']);
  await page.goto(app.host.url);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await expect(sidebar.getByRole('button', { name: tagFilter('pharma', 2) })).toBeVisible();

  await sidebar.getByRole('button', { name: 'Rename tag pharma' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename tag pharma' });
  await expect(dialog).toBeVisible();
  const name = dialog.getByRole('textbox', { name: 'New name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('pharma');
  await name.fill('pharmaceuticals');
  await dialog.getByRole('button', { name: 'Rename' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Renamed pharma to pharmaceuticals on 2 clips' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: tagFilter('pharmaceuticals', 2) })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^pharma \d+$/ })).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: 'Rename tag pharmaceuticals' })).toBeFocused();
  expect(app.library.tags()).toEqual(expect.arrayContaining([{ name: 'pharmaceuticals', count: 2 }, { name: 'harbour', count: 1 }]));
});

test('renaming can change only the case of a tag', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await app.library.addTags(seed.id, ['jilin']);
  await page.goto(app.host.url);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await sidebar.getByRole('button', { name: 'Rename tag jilin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename tag jilin' });
  await dialog.getByRole('textbox', { name: 'New name' }).fill('Jilin');
  await expect(dialog.getByRole('button', { name: 'Rename' })).toBeVisible(); // not a merge with itself
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(sidebar.getByRole('button', { name: tagFilter('Jilin', 1) })).toBeVisible();
  expect(app.library.tags()).toEqual([{ name: 'Jilin', count: 1 }]);
  expect((await app.library.get(seed.id)).tags).toEqual(['Jilin']);
});

test('renaming a tag onto an existing one merges the two', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  const one = (await app.library.import({ kind: 'text', text: sampleText(1) })).clip;
  const two = (await app.library.import({ kind: 'text', text: sampleText(2) })).clip;
  await app.library.addTags(seed.id, ['pharma', 'health']);
  await app.library.addTags(one.id, ['pharma']);
  await app.library.addTags(two.id, ['health']);
  await page.goto(app.host.url);
  const sidebar = page.getByRole('navigation', { name: 'Library' });

  await sidebar.getByRole('button', { name: 'Rename tag pharma' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename tag pharma' });
  await dialog.getByRole('textbox', { name: 'New name' }).fill('Health');
  await expect(dialog.getByRole('status')).toHaveText('“health” exists: its 2 clips and these will share one tag.');
  await dialog.getByRole('button', { name: 'Merge' }).click();

  await expect(dialog).toBeHidden();
  await expect(sidebar.getByRole('button', { name: /^pharma \d+$/ })).toHaveCount(0);
  // The seed had both tags: it is counted once.
  await expect(sidebar.getByRole('button', { name: /^health 3$/i })).toBeVisible();
  expect(app.library.tags().map((tag) => [tag.name.toLowerCase(), tag.count])).toEqual([['health', 3]]);
  expect((await app.library.get(seed.id)).tags.map((tag) => tag.toLowerCase())).toEqual(['health']);
});

test('deleting a tag asks first, then removes it from every clip and keeps the clips', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  const other = (await app.library.import({ kind: 'text', text: sampleText(3) })).clip;
  await app.library.addTags(seed.id, ['pharma', 'jilin']);
  await app.library.addTags(other.id, ['pharma']);
  await page.goto(app.host.url);
  const sidebar = page.getByRole('navigation', { name: 'Library' });

  await sidebar.getByRole('button', { name: 'Delete tag pharma' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete tag pharma?' });
  await expect(dialog).toContainText('The tag is removed from 2 clips. The clips themselves stay.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(sidebar.getByRole('button', { name: tagFilter('pharma', 2) })).toBeVisible();

  await sidebar.getByRole('button', { name: 'Delete tag pharma' }).click();
  await dialog.getByRole('button', { name: 'Delete tag' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Removed tag pharma from 2 clips' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^pharma \d+$/ })).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: tagFilter('jilin', 1) })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(2);
  expect(app.library.tags()).toEqual([{ name: 'jilin', count: 1 }]);
  expect(app.library.list().total).toBe(2);
});

test('a tag in the sidebar filters the library, and its rename keeps the filter on', async ({ page, app }) => {
  const seed = await importSeed(app.library);
  await app.library.import({ kind: 'text', text: sampleText(4) });
  await app.library.addTags(seed.id, ['pharma']);
  await page.goto(app.host.url);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  const rows = page.getByRole('listbox', { name: 'Clips' }).getByRole('option');
  await expect(rows).toHaveCount(2);

  await sidebar.getByRole('button', { name: tagFilter('pharma', 1) }).click();
  await expect(sidebar.getByRole('button', { name: tagFilter('pharma', 1) })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(SEED_TITLE);

  await sidebar.getByRole('button', { name: 'Rename tag pharma' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename tag pharma' });
  await dialog.getByRole('textbox', { name: 'New name' }).fill('medicine');
  await dialog.getByRole('textbox', { name: 'New name' }).press('Enter');
  await expect(sidebar.getByRole('button', { name: tagFilter('medicine', 1) })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
});
