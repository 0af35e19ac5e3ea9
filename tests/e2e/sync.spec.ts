import type { Locator, Page } from '@playwright/test';
import { Library } from '../../electron/core/library.js';
import type { TestScope } from '../helpers/cleanup-scope.js';
import { startCouchServer } from '../helpers/couch-server.js';
import type { CouchServer } from '../helpers/couch-server.js';
import { SEED_TITLE, sampleText } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-library.js';
import { expect, importSeed, test } from './fixtures.js';

/**
 * Sync from the window, against a real CouchDB-protocol server on 127.0.0.1 (a child process): the
 * settings dialog (wrong password, test, save, refusals in words), the indicator in the side panel,
 * Sync now, and a clip made on "another computer" (a second library in this process) appearing in the
 * window's list without a reload, by Sync now and by the live sync `clipdesk serve` runs.
 */

const USER = 'reader';
const PASSWORD = 'correct horse battery staple';
const DATABASE = 'clipdesk';

function startServer(scope: TestScope): Promise<CouchServer> {
  return tempDir(scope, 'clipdesk-couch-').then((dir) => startCouchServer({ dir, user: USER, password: PASSWORD }, scope));
}

/** Another computer of the same person: its own library, set up for the same server. */
async function otherComputer(scope: TestScope, server: CouchServer, passphrase?: string): Promise<Library> {
  const library = await Library.open(await tempDir(scope, 'clipdesk-other-'));
  scope.after(() => library.close());
  await library.sync.saveSettings({ url: server.url, database: DATABASE, user: USER, password: PASSWORD, passphrase });
  return library;
}

function indicator(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Library' }).locator('sync-indicator');
}

function syncDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Sync settings' });
}

async function fillSettings(dialog: Locator, server: CouchServer, password: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Server address' }).fill(server.url);
  await dialog.getByRole('textbox', { name: 'User' }).fill(USER);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
}

test('sync is set up from the dialog: a wrong password is said in words, the right one answers, saving shows it synced', async ({
  app, page, scope,
}) => {
  const server = await startServer(scope);
  await page.goto(app.host.url);
  await indicator(page).getByRole('button', { name: 'Sync off' }).click();
  const dialog = syncDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Server address' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Database' })).toHaveValue('clipdesk');

  await fillSettings(dialog, server, 'not the password');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('alert'))
    .toHaveText(`No connection: the sync server ${server.url}/${DATABASE} refused the user name or password`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Not saved: ');
  await expect(dialog.getByRole('alert')).toContainText('refused the user name or password');

  await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'answered' })).toHaveText(/answered: the database holds \d+ documents?/);
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Sync settings saved' })).toBeVisible();
  await expect(indicator(page).getByRole('button', { name: 'Synced now' })).toBeVisible();
  expect(await app.library.sync.settings()).toMatchObject({ url: server.url, database: DATABASE, user: USER, hasPassword: true });

  // Open again: the settings are there, the password is not (only said to be kept).
  await indicator(page).getByRole('button', { name: 'Synced now' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Server address' })).toHaveValue(server.url);
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'kept');
  // The web host, like the CLI, has no OS keychain: it says where the password is, and claims no more.
  await expect(dialog.getByText('The password and key are kept in a file only you can read.')).toBeVisible();
  await expect(dialog.getByText(`Syncs with ${server.url}/${DATABASE}; last synced`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(indicator(page).getByRole('button', { name: 'Synced now' })).toBeFocused();
});

test('plain http to another computer is refused in words, and nothing is kept', async ({ app, page }) => {
  await page.goto(app.host.url);
  await indicator(page).getByRole('button', { name: 'Sync off' }).click();
  const dialog = syncDialog(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the server address, e.g. https://couch.example.org.');
  await dialog.getByRole('textbox', { name: 'Server address' }).fill('http://couch.example.org');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('plain http would send the password and the clips unencrypted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.library.sync.settings()).toBeNull();
  await expect(indicator(page).getByRole('button', { name: 'Sync off' })).toBeVisible();
});

test('a clip made in the window reaches the server with Sync now', async ({ app, page, scope }) => {
  const server = await startServer(scope);
  await app.library.sync.saveSettings({ url: server.url, database: DATABASE, user: USER, password: PASSWORD });
  await page.goto(app.host.url);
  await expect(indicator(page).getByRole('button', { name: 'Not synced yet' })).toBeVisible();
  await indicator(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(indicator(page).getByRole('button', { name: 'Synced now' })).toBeVisible();
  expect((await server.allDocs(DATABASE)).filter((doc) => doc._id.startsWith('clip:'))).toHaveLength(0);

  await page.getByRole('button', { name: 'Add clip' }).click();
  const add = page.getByRole('dialog', { name: 'Add clip' });
  await add.getByRole('textbox', { name: 'Or paste HTML or text' }).fill(sampleText(3, 'ferry'));
  await add.getByRole('button', { name: 'Clip' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report 3 on the ferry' })).toBeVisible();
  await expect(indicator(page).getByRole('button', { name: /^\d+ changes? to sync$/ })).toBeVisible();

  await indicator(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(indicator(page).getByRole('button', { name: 'Synced now' })).toBeVisible();
  const clips = (await server.allDocs(DATABASE)).filter((doc) => doc._id.startsWith('clip:'));
  expect(clips).toHaveLength(1);
  expect(JSON.stringify(clips[0])).toContain('Report 3 on the ferry');
});

test('a clip made on another computer shows in the list after Sync now, without a reload', async ({ app, page, scope }) => {
  const server = await startServer(scope);
  await importSeed(app.library);
  await app.library.sync.saveSettings({ url: server.url, database: DATABASE, user: USER, password: PASSWORD });
  await page.goto(app.host.url);
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const other = await otherComputer(scope, server);
  await other.import({ kind: 'text', text: sampleText(4, 'airport'), url: 'https://gazette.example/airport-4' });
  await other.sync.syncNow();

  await indicator(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(list.getByRole('option', { name: /Report 4 on the airport/ })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(2);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // And the other way: the window's clip is on the other computer after its next round.
  await other.sync.syncNow();
  expect(other.list({}).clips.map((clip) => clip.title)).toContain(SEED_TITLE);
});

test('with live sync on (as clipdesk serve and the app run it), another computer\'s clip shows by itself', async ({
  app, page, scope,
}) => {
  const server = await startServer(scope);
  await page.goto(app.host.url);
  await app.library.sync.startLive();
  await indicator(page).getByRole('button', { name: 'Sync off' }).click();
  const dialog = syncDialog(page);
  await fillSettings(dialog, server, PASSWORD);
  await dialog.getByLabel('Encryption passphrase (optional)').fill('our shared passphrase');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(indicator(page).getByRole('button', { name: 'Synced now' })).toHaveAttribute('title', /end-to-end encrypted/);

  const other = await otherComputer(scope, server, 'our shared passphrase');
  await other.import({ kind: 'text', text: sampleText(5, 'bridge') });
  await other.sync.syncNow();
  const list = page.getByRole('listbox', { name: 'Clips' });
  await expect(list.getByRole('option', { name: /Report 5 on the bridge/ })).toBeVisible({ timeout: 20_000 });
  // The server only ever saw ciphertext.
  expect(JSON.stringify(await server.allDocs(DATABASE))).not.toContain('bridge');

  await indicator(page).getByRole('button', { name: /Synced/ }).click();
  await expect(syncDialog(page).getByText('This library syncs end-to-end encrypted')).toBeVisible();
});

test('the menu\'s Sync Settings… command opens the dialog', async ({ app, page }) => {
  await page.addInitScript(() => {
    const shell = window as unknown as { clipdeskShell: unknown; sendCommand?: (command: string, detail: null) => void };
    shell.clipdeskShell = { onCommand: (listener: (command: string, detail: null) => void) => (shell.sendCommand = listener) };
  });
  await page.goto(app.host.url);
  await expect(indicator(page).getByRole('button', { name: 'Sync off' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { sendCommand: (command: string, detail: null) => void })
    .sendCommand('sync-settings', null));
  await expect(syncDialog(page)).toBeVisible();
});
