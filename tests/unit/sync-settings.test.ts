import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isClipdeskError } from '../../electron/core/errors.js';
import { credentialsPath, fileVault } from '../../electron/core/sync/credential-vault.js';
import type { SecretSealer } from '../../electron/core/sync/credential-vault.js';
import { checkDatabaseName, checkServerUrl, describeServer } from '../../electron/core/sync/server-address.js';
import { readSyncSettings, syncSettingsPath, writeSyncSettings } from '../../electron/core/sync/sync-settings.js';
import type { SyncSettings } from '../../electron/core/sync/sync-settings.js';
import { tempDir } from '../helpers/temp-library.js';

const POSIX = { skip: process.platform === 'win32' ? 'file modes are POSIX' : false };
const SECRETS = { password: 'hunter2-but-longer', key: Buffer.alloc(32, 7).toString('base64') };
const SETTINGS: SyncSettings = { url: 'https://couch.example.org/', database: 'clipdesk', user: 'ana', encrypted: true, enabled: true };

function refusedWith(code: string, pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(isClipdeskError(error), `expected a ClipdeskError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  };
}

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

describe('sync server addresses', () => {
  const accepted: Array<[string, string]> = [
    ['https://couch.example.org', 'https://couch.example.org/'],
    ['  HTTPS://Couch.Example.org:6984/couch/ ', 'https://couch.example.org:6984/couch/'],
    ['https://203.0.113.9', 'https://203.0.113.9/'],
    ['http://localhost:5984', 'http://localhost:5984/'],
    ['http://127.0.0.1:5984', 'http://127.0.0.1:5984/'],
    ['http://127.8.9.10', 'http://127.8.9.10/'],
    ['http://[::1]:5984/', 'http://[::1]:5984/'],
    ['http://[::ffff:127.0.0.1]', 'http://[::ffff:7f00:1]/'],
  ];
  for (const [url, href] of accepted) {
    test(`accepts ${url.trim()}`, () => assert.equal(checkServerUrl(url).href, href));
  }

  const refused: Array<[string, RegExp]> = [
    ['http://couch.example.org', /unencrypted.*use https:\/\/.*localhost, 127\.0\.0\.1 or \[::1\]/],
    ['http://192.168.1.20:5984', /unencrypted/],
    ['http://10.0.0.2', /unencrypted/],
    ['http://[fe80::1]', /unencrypted/],
    ['http://localhost.example.com', /unencrypted/],
    ['http://127.0.0.1.nip.io', /unencrypted/],
    ['ftp://couch.example.org', /ftp: addresses cannot be sync servers.*https:\/\//],
    ['file:///var/couch', /file: addresses cannot be sync servers/],
    ['couch.example.org', /not a web address/],
    ['localhost:5984', /must begin with https:\/\//],
    ['https://couch.example.org/?db=clipdesk', /no \?query or #fragment/],
    ['', /not a web address/],
  ];
  for (const [url, why] of refused) {
    test(`refuses ${JSON.stringify(url)} and says why`, () => assert.throws(() => checkServerUrl(url), refusedWith('BAD_INPUT', why)));
  }

  test('refuses credentials in the address without repeating the password', () => {
    assert.throws(() => checkServerUrl('https://ana:s3cret@couch.example.org'), (error: unknown) => {
      refusedWith('BAD_INPUT', /user name and password in their own fields/)(error);
      assert.doesNotMatch((error as Error).message, /s3cret|ana/);
      return true;
    });
  });

  test('describes the server and database without credentials', () => {
    assert.equal(describeServer('https://couch.example.org', 'clipdesk'), 'https://couch.example.org/clipdesk');
    assert.equal(describeServer('https://ana:s3cret@couch.example.org/couch/?x=1', 'news'), 'https://couch.example.org/couch/news');
    assert.equal(describeServer('http://127.0.0.1:5984/', 'clipdesk'), 'http://127.0.0.1:5984/clipdesk');
  });

  test('takes database names by CouchDB\'s rule', () => {
    for (const name of ['clipdesk', 'a', 'news/2024', 'x_$()+-9']) assert.equal(checkDatabaseName(name), name);
    for (const name of ['Clipdesk', '_users', '1news', 'clip desk', '', 'clips.db', `a${'b'.repeat(238)}`]) {
      assert.throws(() => checkDatabaseName(name), refusedWith('BAD_INPUT', /lower-case letters.*starting with a letter/));
    }
  });
});

describe('sync settings file', () => {
  test('is null before sync is set up, and reads back what was written', async (t) => {
    const dir = await tempDir(t);
    assert.equal(await readSyncSettings(dir), null);

    const kept = await writeSyncSettings(dir, SETTINGS);
    assert.deepEqual(kept, { ...SETTINGS, url: 'https://couch.example.org' });
    assert.deepEqual(await readSyncSettings(dir), kept);
    await writeSyncSettings(dir, { ...SETTINGS, enabled: false });
    assert.equal((await readSyncSettings(dir))?.enabled, false);
  });

  test('refuses a plain-http remote server or a bad database name, and writes nothing', async (t) => {
    const dir = await tempDir(t);
    await assert.rejects(writeSyncSettings(dir, { ...SETTINGS, url: 'http://couch.example.org' }), refusedWith('BAD_INPUT', /https/));
    await assert.rejects(writeSyncSettings(dir, { ...SETTINGS, database: 'My Clips' }), refusedWith('BAD_INPUT', /database name/));
    assert.equal(await readSyncSettings(dir), null);
  });

  test('a damaged file is a CORRUPT_LIBRARY that says what to do, and is left as it was', async (t) => {
    const dir = await tempDir(t);
    await mkdir(join(dir, 'sync'));
    for (const text of ['{"url": "https://couch.exa', JSON.stringify({ version: 1, ...SETTINGS, enabled: 'yes' })]) {
      await writeFile(syncSettingsPath(dir), text);
      await assert.rejects(readSyncSettings(dir), refusedWith('CORRUPT_LIBRARY', /settings\.json.*set up sync again/));
      assert.equal(await readFile(syncSettingsPath(dir), 'utf8'), text);
    }
  });

  test('never holds the password or the key, even when handed them', async (t) => {
    const dir = await tempDir(t);
    await fileVault(credentialsPath(dir)).write(SECRETS);
    await writeSyncSettings(dir, { ...SETTINGS, ...SECRETS, passphrase: 'words' } as SyncSettings);

    const text = await readFile(syncSettingsPath(dir), 'utf8');
    for (const secret of [SECRETS.password, SECRETS.key, 'words', 'password', 'key']) assert.equal(text.includes(secret), false, secret);
  });
});

describe('file credential vault', () => {
  test('reads back what was written, and nothing once cleared', async (t) => {
    const vault = fileVault(credentialsPath(await tempDir(t)));
    assert.equal(await vault.read(), null);
    await vault.write(SECRETS);
    assert.deepEqual(await vault.read(), SECRETS);
    await vault.write({ password: '', key: null });
    assert.deepEqual(await vault.read(), { password: '', key: null });
    await vault.clear();
    await vault.clear();
    assert.equal(await vault.read(), null);
    assert.equal(await vault.where(), 'a file only you can read', 'the settings dialog claims no keychain it lacks');
  });

  test('writes the file readable by its owner only, also over one that was 0644', POSIX, async (t) => {
    const path = credentialsPath(await tempDir(t));
    const vault = fileVault(path);
    await vault.write(SECRETS);
    assert.equal(await modeOf(path), 0o600);

    await chmod(path, 0o644);
    await vault.write(SECRETS);
    assert.equal(await modeOf(path), 0o600);
  });

  test('narrows a file copied in with wider rights when reading it', POSIX, async (t) => {
    const path = credentialsPath(await tempDir(t));
    await mkdir(join(path, '..'));
    await writeFile(path, JSON.stringify(SECRETS), { mode: 0o644 });
    await chmod(path, 0o644);
    assert.deepEqual(await fileVault(path).read(), SECRETS);
    assert.equal(await modeOf(path), 0o600);
  });

  test('a damaged file is a CORRUPT_LIBRARY asking for the password again, without quoting it', async (t) => {
    const path = credentialsPath(await tempDir(t));
    await mkdir(join(path, '..'));
    for (const text of [`{"password": "${SECRETS.password}`, JSON.stringify({ password: SECRETS.password, key: 'not base64!' })]) {
      await writeFile(path, text);
      await assert.rejects(fileVault(path).read(), (error: unknown) => {
        refusedWith('CORRUPT_LIBRARY', /enter the password .* again/)(error);
        assert.equal(JSON.stringify(error).includes(SECRETS.password) || String(error).includes(SECRETS.password), false);
        return true;
      });
    }
  });

  test('refuses to keep a key that is not base64', async (t) => {
    const vault = fileVault(credentialsPath(await tempDir(t)));
    await assert.rejects(vault.write({ password: 'p', key: 'not base64!' }), refusedWith('BAD_INPUT', /key/));
  });

  test('keeps only what the sealer made of the secrets', async (t) => {
    const path = credentialsPath(await tempDir(t));
    const reversed: SecretSealer = {
      seal: async (text) => Buffer.from(text).reverse(),
      open: async (sealed) => Buffer.from(sealed).reverse().toString(),
    };
    await fileVault(path, reversed).write(SECRETS);
    assert.equal((await readFile(path, 'utf8')).includes(SECRETS.password), false);
    assert.deepEqual(await fileVault(path, reversed).read(), SECRETS);
    await assert.rejects(fileVault(path).read(), refusedWith('CORRUPT_LIBRARY', /cannot be read/));
  });
});
