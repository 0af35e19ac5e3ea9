import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_TITLE, sampleText } from '../helpers/seed.js';
import { expect, importSeed, openClip, test } from './fixtures.js';
import type { Library } from '../../electron/core/library.js';

/**
 * Every view and dialog, checked with axe in Chromium in both colour schemes: no serious or critical
 * problem (contrast, names, roles, focus traps...), and no control without an accessible name at all.
 * Each state is checked in the light scheme, then in the dark one on the same page (the app's colours
 * follow prefers-color-scheme live), so a state is set up once for both.
 */

/** Rules about controls having an accessible name: none may fail, whatever impact axe gives it. */
const NAME_RULES = new Set([
  'button-name', 'input-button-name', 'label', 'select-name', 'link-name', 'aria-input-field-name',
  'aria-command-name', 'aria-toggle-field-name', 'aria-dialog-name', 'aria-tooltip-name', 'frame-title',
]);

async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    await expectAccessibleNow(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function expectAccessibleNow(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself: the app is one same-origin frame, and the default mode's extra
  // blank page (to merge cross-origin frames' results) doubled each check's time.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const problems = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || NAME_RULES.has(violation.id))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  expect(problems).toEqual([]);
  // axe looked at the real thing, shadow roots included.
  expect(results.passes.some((rule) => rule.id === 'button-name')).toBe(true);
}

/** A small library, every test's: two tagged clips (one starred, one highlighted) and one in the trash. */
async function arrange(library: Library): Promise<void> {
  const seed = await importSeed(library);
  await library.addTags(seed.id, ['pharma', 'jilin']);
  await library.annotate(seed.id, { quote: 'Jilin High-tech Zone', color: 'yellow', note: 'Where the visit took place' });
  await library.annotate(seed.id, { quote: 'biomedical industry', color: 'green' });
  await library.annotate(seed.id, { quote: 'Gilji Medical health Industrial Park', color: 'pink' });
  await library.annotate(seed.id, { quote: 'field visits', color: 'blue' });
  await library.annotate(seed.id, { quote: 'Jiao Jiguo introduced', color: 'purple' });
  const harbour = (await library.import({ kind: 'text', text: sampleText(1), url: 'https://gazette.example/harbour-1' })).clip;
  await library.addTags(harbour.id, ['harbour']);
  await library.update(harbour.id, { starred: true });
  const trashed = (await library.import({ kind: 'text', text: sampleText(2, 'airport') })).clip;
  await library.trash(trashed.id);
}

test.describe('in the light and the dark colour scheme', () => {
  test.beforeEach(async ({ app }) => {
    await arrange(app.library);
  });

  test('the library view with clips has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(2);
    await page.keyboard.press('j'); // a selected row, with its own colours
    await expect(page.getByRole('listbox', { name: 'Clips' }).locator('[aria-selected="true"]')).toHaveCount(1);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^pharma 1$/ }).click(); // a pressed filter
    await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(1);
    await expectAccessible(page);
  });

  test('search results have no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await page.getByRole('searchbox', { name: 'Search clips' }).fill('harbour');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
    await expect(page.getByRole('listbox', { name: 'Search results' }).locator('mark').first()).toBeVisible();
    await expectAccessible(page);
  });

  test('the reader with highlights and tag suggestions has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await openClip(page, SEED_TITLE);
    await expect(page.getByRole('region', { name: 'Article text' }).locator('mark')).toHaveCount(5);
    await page.getByRole('button', { name: /Star$/ }).click(); // the starred colour too
    await expect(page.getByRole('button', { name: /Star$/ })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('combobox', { name: 'Add tag' }).fill('h');
    await expect(page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option')).toHaveText(['harbour']);
    await expectAccessible(page);
  });

  test('the highlight toolbar over a selection has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await openClip(page, SEED_TITLE);
    const article = page.getByRole('region', { name: 'Article text' });
    await article.evaluate((root) => {
      const text = [...root.querySelectorAll('p')].at(-1)?.firstChild;
      if (text) document.getSelection()?.setBaseAndExtent(text, 0, text, 20);
    });
    await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the import dialog has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await page.getByRole('button', { name: 'Add clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add clip' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    // With its error message showing, too.
    await dialog.getByRole('button', { name: 'Clip' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Enter a web address, or paste HTML or text.');
    await expectAccessible(page);
  });

  test('picked clips, the export dialog and another app\'s import report have no serious problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await page.getByRole('listbox', { name: 'Clips' }).getByRole('option').first().click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByRole('status').filter({ hasText: '1 clip picked' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Add clip' }).click();
    await page.getByRole('button', { name: 'Import from another app…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from another app' });
    await dialog.getByLabel('Export file').setInputFiles({
      name: 'links.md', mimeType: 'text/markdown', buffer: Buffer.from('- [Tides](https://news.example/tides)\n- not a link\n'),
    });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('list', { name: 'Entries not imported as they were' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the press review dialog, arranged and with a preset, has no serious accessibility problems', async ({ page, app }) => {
    await app.library.digests.savePreset({
      name: 'Weekly',
      definition: { title: '', query: 'tag:pharma', lastDays: 7, group: 'tag', content: 'highlights', order: 'date', paper: 'a4' },
    });
    await page.goto(app.host.url);
    await page.getByRole('button', { name: 'Press review…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a press review' });
    await expect(dialog.getByLabel('Saved presets')).toHaveValue('Weekly');
    await dialog.getByRole('button', { name: /^Move down: / }).first().click(); // the arranged hint and Sort by date
    await expect(dialog.getByRole('button', { name: 'Sort by date' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the shortcuts dialog has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the tag rename and delete dialogs have no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    const sidebar = page.getByRole('navigation', { name: 'Library' });
    await sidebar.getByRole('button', { name: 'Rename tag pharma' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename tag pharma' });
    await expect(rename).toBeVisible();
    await expectAccessible(page);
    await rename.getByRole('textbox', { name: 'New name' }).fill('harbour'); // the merge hint
    await expect(rename.getByRole('button', { name: 'Merge' })).toBeVisible();
    await expectAccessible(page);
    await rename.getByRole('button', { name: 'Cancel' }).click();

    await sidebar.getByRole('button', { name: 'Delete tag pharma' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete tag pharma?' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the trash view and its confirm dialog have no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Trash' }).getByRole('listitem')).toHaveCount(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Empty trash' }).click();
    await expect(page.getByRole('dialog', { name: 'Empty the trash?' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the earlier versions dialog and its confirm have no serious accessibility problems', async ({ page, app }) => {
    // The harbour page, clipped again after a paragraph was added: its first text is an earlier version.
    await app.library.import({ kind: 'text', text: `${sampleText(1)}\n\nThe berth reopens in May.`, url: 'https://gazette.example/harbour-1' });
    await page.goto(app.host.url);
    await openClip(page, 'Report 1 on the harbour');
    await page.getByRole('button', { name: '1 earlier version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Earlier versions' });
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await expect(page.getByRole('dialog', { name: 'Restore this version?' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the sync settings dialog, with an error, has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Sync off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sync settings' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('textbox', { name: 'Server address' }).fill('http://couch.example.org');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('plain http');
    await expectAccessible(page);
  });

  test('the message after an action, with its Undo button, has no serious accessibility problems', async ({ page, app }) => {
    await page.goto(app.host.url);
    await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(2);
    await page.keyboard.press('j');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible();
    await expectAccessible(page);
  });
});
