import type { Locator, Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { startCouchServer } from '../helpers/couch-server.js';
import { SEED_TITLE } from '../helpers/seed.js';
import { DATABASE, SYNC_PASSWORD, SYNC_USER, settle, syncedLibrary } from '../helpers/sync-pair.js';
import { tempDir } from '../helpers/temp-library.js';
import { expect, importSeed, openClip, test } from './fixtures.js';

/**
 * What sync replaced, in the reader: the window's library and "another computer" (a second library in
 * this process) edit the same clip's note, title and read state between syncs through a real
 * CouchDB-protocol server; the later edits win, and the window lists the values they replaced, newest
 * first and in words, and takes a replaced note or title back.
 */

const LOSING_NOTE = 'first thought <b>not bold</b>';

/** Each edit a few milliseconds after the one before, so which one is later is never a tie. */
function later(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

function section(page: Page): Locator {
  return page.locator('sync-history summary');
}

function entries(page: Page): Locator {
  return page.getByRole('list', { name: 'Values replaced by sync' }).getByRole('listitem');
}

/** A date and time as the window shows it: the browser's locale, medium date, short time. */
function shown(page: Page, iso: string): Promise<string> {
  return page.evaluate((at) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(at)), iso);
}

async function editOnBoth(window: Library, other: Library, id: string): Promise<void> {
  await window.update(id, { note: LOSING_NOTE });
  await later();
  await other.update(id, { note: 'second thought' });
  await later();
  await window.update(id, { title: 'Jilin exchange (laptop)' });
  await later();
  await other.update(id, { title: 'Jilin exchange (desktop)' });
  await later();
  await window.update(id, { readState: 'read' });
  await later();
  await other.update(id, { readState: 'archived' });
}

test('values replaced by sync are listed newest first in words, and a replaced note or title can be taken back', async ({
  app, page, scope,
}) => {
  const server = await startCouchServer({ dir: await tempDir(scope, 'clipdesk-couch-'), user: SYNC_USER, password: SYNC_PASSWORD }, scope);
  const { id } = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeVisible();
  await expect(page.locator('sync-history')).toHaveCount(0); // nothing replaced: no section at all

  await app.library.sync.saveSettings({ url: server.url, database: DATABASE, user: SYNC_USER, password: SYNC_PASSWORD });
  const other = await syncedLibrary(scope, await tempDir(scope, 'clipdesk-other-'), server);
  await settle(app.library, other);
  await editOnBoth(app.library, other, id);
  await settle(app.library, other);
  const { history } = await app.library.get(id);
  expect(history.map((entry) => entry.part).sort()).toEqual(['note', 'readState', 'title']);
  const noteEntry = history.find((entry) => entry.part === 'note')!;

  await page.reload();
  await openClip(page, 'Jilin exchange (desktop)');
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('second thought');
  await expect(section(page)).toHaveText('Replaced by sync (3)');
  await expect(entries(page).first()).toBeHidden(); // collapsed until asked for

  // Reachable and opened from the keyboard.
  await section(page).focus();
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(3);
  await expect(entries(page).nth(0)).toContainText('Read state: read — written');
  await expect(entries(page).nth(1)).toContainText('Title: “Jilin exchange (laptop)” — written');
  const [written, replaced] = await Promise.all([shown(page, noteEntry.stamp), shown(page, noteEntry.replacedAt)]);
  await expect(entries(page).nth(2)).toContainText(
    `Note: “${LOSING_NOTE}” — written ${written}, replaced by an edit made ${replaced} before the machines synced`);
  // The note is text, never markup.
  await expect(entries(page).nth(2).locator('b')).toHaveCount(0);
  // Only a note and a title can be taken back from here.
  await expect(entries(page).nth(0).getByRole('button')).toHaveCount(0);

  await entries(page).nth(2).getByRole('button', { name: 'Use this note' }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(LOSING_NOTE);
  await expect(entries(page).nth(2)).toContainText('In use now');
  await expect(section(page)).toBeFocused(); // the button went away; focus stays in the section
  expect((await app.library.get(id)).note).toBe(LOSING_NOTE);

  await entries(page).nth(1).getByRole('button', { name: 'Use this title' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jilin exchange (laptop)' })).toBeVisible();
  expect((await app.library.get(id)).title).toBe('Jilin exchange (laptop)');

  // Taken back here, it reaches the other computer as an ordinary edit.
  await settle(app.library, other);
  expect((await other.get(id)).note).toBe(LOSING_NOTE);
});
