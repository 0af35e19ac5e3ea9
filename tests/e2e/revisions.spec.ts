import type { Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { expect, openClip, test } from './fixtures.js';

/**
 * Earlier versions in the reader: a page clipped again with new text keeps the old text, and people
 * can see when it was replaced and bring it back, the text it replaces being kept in turn.
 */

const URL = 'https://gazette.example/harbour-vote';
const FIRST = { title: 'Harbour vote delayed', body: 'The council postponed its vote on the harbour plan until the spring.' };
const SECOND = { title: 'Harbour vote passes', body: 'The council approved the harbour plan by seven votes to four on Tuesday.' };

/** Clips the page, then clips it again after its text changed: one clip with one earlier version. */
async function clipTwice(library: Library): Promise<string> {
  const first = await library.import({ kind: 'text', text: `${FIRST.title}\n\n${FIRST.body}`, url: URL });
  const second = await library.import({ kind: 'text', text: `${SECOND.title}\n\n${SECOND.body}`, url: URL });
  expect(second.outcome).toBe('updated');
  expect(second.clip.id).toBe(first.clip.id);
  return first.clip.id;
}

function versionsButton(page: Page) {
  return page.getByRole('list', { name: 'About this clip' }).getByRole('button', { name: /earlier versions?$/ });
}

test('restores an earlier version: the reader shows its text, and the replaced text becomes an earlier version', async ({ page, app }) => {
  const id = await clipTwice(app.library);
  await page.goto(app.host.url);
  await openClip(page, SECOND.title);
  const article = page.getByRole('region', { name: 'Article text' });
  await expect(article).toContainText(SECOND.body);

  await expect(versionsButton(page)).toHaveText('1 earlier version');
  await versionsButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Earlier versions' });
  const versions = dialog.getByRole('list', { name: 'Earlier versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText(FIRST.title);
  await expect(versions.first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(versions.first().locator('time')).not.toBeEmpty();

  await versions.first().getByRole('button', { name: 'Restore this version' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this version?' });
  await expect(confirm).toContainText(FIRST.title);
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

  await expect(confirm).toBeHidden();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Restored an earlier version' })).toContainText(FIRST.title);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRST.title);
  await expect(article).toContainText(FIRST.body);
  await expect(article).not.toContainText(SECOND.body);
  // The text that was current is kept too: it is now the newest earlier version.
  await expect(versionsButton(page)).toHaveText('2 earlier versions');
  expect((await app.library.get(id)).text).toContain(FIRST.body);

  await versionsButton(page).click();
  await expect(versions).toHaveCount(2);
  await expect(versions.locator('.title')).toHaveText([SECOND.title, FIRST.title]); // newest first
});

test('works from the keyboard: Escape backs out of the confirm, then the list, and changes nothing', async ({ page, app }) => {
  await clipTwice(app.library);
  await page.goto(app.host.url);
  await openClip(page, SECOND.title);

  await versionsButton(page).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Earlier versions' });
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(dialog.getByRole('listitem')).toHaveCount(1); // loaded: the button before Close is its Restore
  await page.keyboard.press('Shift+Tab');
  const restore = dialog.getByRole('button', { name: 'Restore this version' });
  await expect(restore).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Restore this version?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused(); // the safe choice first

  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(restore).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(versionsButton(page)).toBeFocused();
  // Escape closed only the dialogs, not the reader; the clip is as it was.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECOND.title);
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText(SECOND.body);
  await expect(versionsButton(page)).toHaveText('1 earlier version');
});

test('a clip never clipped again offers no earlier versions', async ({ page, app }) => {
  await app.library.import({ kind: 'text', text: `${FIRST.title}\n\n${FIRST.body}`, url: URL });
  await page.goto(app.host.url);
  await openClip(page, FIRST.title);
  await expect(page.getByRole('list', { name: 'About this clip' })).toContainText('Clipped');
  await expect(versionsButton(page)).toHaveCount(0);
});

test('a restore that fails says why and leaves the reader as it was', async ({ page, app }) => {
  const id = await clipTwice(app.library);
  await page.goto(app.host.url);
  await openClip(page, SECOND.title);
  await versionsButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Earlier versions' }).getByRole('listitem')).toHaveCount(1);
  // Deleted for good from elsewhere (the command line, another window) while the list is open.
  await app.library.trash(id);
  await app.library.emptyTrash();

  await page.getByRole('button', { name: 'Restore this version' }).click();
  await page.getByRole('dialog', { name: 'Restore this version?' }).getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/no clip/i);
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText(SECOND.body);
});
