import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { startCouchServer } from '../helpers/couch-server.js';
import { SEED_FILE, SEED_TITLE } from '../helpers/seed.js';
import { DATABASE, SYNC_PASSWORD, SYNC_USER } from '../helpers/sync-pair.js';

/**
 * The desktop app itself, through Playwright's Electron driver: it runs where an Electron binary
 * exists (ELECTRON_PATH, or the runtime the electron package downloaded) and skips, saying why,
 * where none does (machines whose network blocks Electron's download).
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = join(ROOT, 'dist/electron/main.js');

function electronBinary(): { path: string } | { missing: string } {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { missing: `ELECTRON_PATH=${fromEnv} does not exist` };
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const path = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
    return existsSync(path) ? { path } : { missing: `the Electron runtime was never downloaded (${path} is missing)` };
  } catch {
    return { missing: 'the Electron runtime was never downloaded (no node_modules/electron/path.txt); set ELECTRON_PATH to run this spec' };
  }
}

const binary = electronBinary();
test.skip('missing' in binary, 'missing' in binary ? `no Electron binary: ${binary.missing}` : '');
test.skip(!existsSync(MAIN), 'the app is not built: run npm run build');

let app: ElectronApplication;
let appWindow: Page;
let libraryDir: string;

test.beforeAll(async () => {
  if (!('path' in binary)) return;
  libraryDir = await mkdtemp(join(tmpdir(), 'clipdesk-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: [ROOT, '--library', libraryDir],
    env: { ...process.env, CLIPDESK_LIBRARY: libraryDir },
  });
  appWindow = await app.firstWindow();
  await appWindow.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (libraryDir) await rm(libraryDir, { recursive: true, force: true });
});

test('the page has no Node and reaches the main process only through the isolated typed API', async () => {
  expect(appWindow.url()).toBe('app://clipdesk/index.html');
  const page = await appWindow.evaluate(() => {
    const global = window as unknown as {
      require?: unknown; process?: unknown; ipcRenderer?: unknown; clipdesk: Record<string, () => unknown>;
    };
    return {
      require: typeof global.require,
      process: typeof global.process,
      ipcRenderer: typeof global.ipcRenderer,
      api: Object.keys(global.clipdesk).sort(),
      // contextBridge hands the page proxies, not the preload's own functions (that needs contextIsolation)
      bridged: Function.prototype.toString.call(global.clipdesk.list).includes('[native code]'),
    };
  });
  expect(page).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', bridged: true });
  expect(page.api).toContain('import');
  const csp = await appWindow.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
});

test('clips the seed file through the real IPC path and lists it', async () => {
  const seed = readFileSync(SEED_FILE, 'utf8');
  const id = await appWindow.evaluate(async (text) => {
    const api = (window as unknown as { clipdesk: { import(input: unknown): Promise<{ clip: { id: string } }> } }).clipdesk;
    return (await api.import({ kind: 'text', text })).clip.id;
  }, seed);
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await appWindow.reload();
  await expect(appWindow.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: SEED_TITLE })).toBeVisible();
});

test('prints a press review with Electron\'s own printToPDF, and its hidden print window closes again', async () => {
  const file = await appWindow.evaluate(async () => {
    type MakeDigest = (definition: unknown, format: string) => Promise<{ name: string; data: string }>;
    const api = (window as unknown as { clipdesk: { makeDigest: MakeDigest } }).clipdesk;
    const definition = { title: 'Seed review', query: '', group: 'tag', content: 'full', order: 'date', paper: 'letter' };
    return api.makeDigest(definition, 'pdf');
  });
  expect(file.name).toMatch(/^Seed review \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(Buffer.from(file.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(app.windows()).toHaveLength(1);
});

test('refuses navigation away from the app and new windows', async () => {
  await appWindow.evaluate(() => window.open('https://example.com/', '_blank'));
  await appWindow.evaluate(() => { location.href = 'https://example.com/'; });
  await appWindow.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(appWindow.url()).toBe('app://clipdesk/index.html');
});

test('the app keeps the sync password sealed by the OS keychain, or without one in a 0600 file, and says which', async () => {
  const couchDir = await mkdtemp(join(tmpdir(), 'clipdesk-electron-couch-'));
  const couch = await startCouchServer({ dir: couchDir, user: SYNC_USER, password: SYNC_PASSWORD });
  try {
    const settings = { url: couch.url, database: DATABASE, user: SYNC_USER, password: SYNC_PASSWORD };
    const keptIn = await appWindow.evaluate(async (input) => {
      type Api = { saveSyncSettings(value: unknown): Promise<unknown>; syncSettings(): Promise<{ passwordKeptIn: string }> };
      const api = (window as unknown as { clipdesk: Api }).clipdesk;
      await api.saveSyncSettings(input);
      return (await api.syncSettings()).passwordKeptIn;
    }, settings);
    const sealed = join(libraryDir, 'sync', 'credentials.safe');
    const plain = join(libraryDir, 'sync', 'credentials.json');
    if (keptIn === 'the OS keychain') {
      expect(readFileSync(sealed).includes(Buffer.from(SYNC_PASSWORD))).toBe(false);
      expect(existsSync(plain)).toBe(false);
    } else {
      // A desktop without a keyring (Linux's basic_text backend): kept as the CLI keeps it, and said so.
      expect(keptIn).toBe('a file only you can read');
      expect(statSync(plain).mode & 0o777).toBe(0o600);
      expect(existsSync(sealed)).toBe(false);
    }
  } finally {
    await couch.stop();
    await rm(couchDir, { recursive: true, force: true });
  }
});
