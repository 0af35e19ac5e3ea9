import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATABASE, SYNC_PASSWORD, SYNC_USER, everything, syncPair } from '../helpers/sync-pair.js';
import { tempDir } from '../helpers/temp-library.js';
import { Library } from '../../electron/core/library.js';
import { basicAuth } from '../helpers/couch-server.js';

// End-to-end encrypted sync through the real server: it holds only ids and ciphertext, both
// machines with the passphrase converge, and a wrong passphrase is refused before anything is written.

const PASSPHRASE = 'tide tables and tonnage';
const SECRET_TITLE = 'Confidential: port privatisation memo';
const SECRET_TEXT = `${SECRET_TITLE}. 港口私有化备忘录草稿，请勿外传。The ministry plans to sell the container terminal.`;

test('encrypted sync: the server sees only ids and ciphertext; the other machine gets every clip whole', async (t) => {
  const pair = await syncPair(t, { passphrase: PASSPHRASE });
  assert.equal((await pair.laptop.sync.status()).encrypted, true);
  const { clip } = await pair.laptop.import({ kind: 'text', text: SECRET_TEXT, tags: ['privatisation'] });
  await pair.laptop.annotate(clip.id, { quote: 'container terminal', note: 'ask the minister' });
  await pair.settle();
  assert.deepEqual(await everything(pair.desktop), await everything(pair.laptop));
  const stored = await fetch(`${pair.server.url}/${DATABASE}/_all_docs?include_docs=true&attachments=true`, {
    headers: { authorization: basicAuth(SYNC_USER, SYNC_PASSWORD) },
  }).then((response) => response.text());
  for (const secret of ['Confidential', '港口私有化', 'container terminal', 'ask the minister', 'privatisation', 'ministry']) {
    assert.ok(!stored.includes(secret), `the server does not hold "${secret}"`);
  }
  assert.match(stored, /"sealed"/);
});

test('a wrong passphrase is refused in words and leaves the library as it was', async (t) => {
  const pair = await syncPair(t, { passphrase: PASSPHRASE });
  await pair.laptop.import({ kind: 'text', text: SECRET_TEXT });
  await pair.settle();
  const dir = await tempDir(t, 'clipdesk-wrong-');
  const stranger = await Library.open(dir);
  t.after(() => stranger.close());
  await stranger.import({ kind: 'text', text: 'A clip of this machine only.' });
  const settings = { url: pair.server.url, database: DATABASE, user: SYNC_USER, password: SYNC_PASSWORD };
  await assert.rejects(stranger.sync.saveSettings({ ...settings, passphrase: 'wrong words' }), {
    code: 'BAD_PASSPHRASE', message: /passphrase does not match/,
  });
  await assert.rejects(stranger.sync.saveSettings(settings), { code: 'BAD_PASSPHRASE', message: /encrypted: give their passphrase/ });
  assert.equal(await stranger.sync.settings(), null, 'nothing was kept');
  assert.equal(stranger.list().total, 1, 'the library is as it was');
});

test('a database that holds clips in the clear is not turned encrypted', async (t) => {
  const pair = await syncPair(t);
  await pair.laptop.import({ kind: 'text', text: 'An ordinary clip.' });
  await pair.laptop.sync.syncNow();
  const settings = { url: pair.server.url, database: DATABASE, user: SYNC_USER, password: SYNC_PASSWORD, passphrase: PASSPHRASE };
  await assert.rejects(pair.desktop.sync.saveSettings(settings), { code: 'BAD_INPUT', message: /use a new database for encrypted sync/ });
});

test('two machines resolving the same conflict at once still settle, though every seal differs', async (t) => {
  const pair = await syncPair(t, { passphrase: PASSPHRASE });
  const { clip } = await pair.laptop.import({ kind: 'text', text: SECRET_TEXT });
  await pair.settle();
  await pair.laptop.update(clip.id, { note: 'from the laptop' });
  await pair.desktop.update(clip.id, { starred: true });
  await Promise.all([pair.laptop.sync.syncNow(), pair.desktop.sync.syncNow()]);
  await Promise.all([pair.laptop.sync.syncNow(), pair.desktop.sync.syncNow()]);
  await pair.settle();
  assert.deepEqual(await everything(pair.desktop), await everything(pair.laptop));
  const merged = await pair.laptop.get(clip.id);
  assert.equal(merged.note, 'from the laptop');
  assert.equal(merged.starred, true);
  const onServer = await fetch(`${pair.server.url}/${DATABASE}/clip:${clip.id}?conflicts=true`, {
    headers: { authorization: basicAuth(SYNC_USER, SYNC_PASSWORD) },
  }).then((response) => response.json()) as { _conflicts?: string[] };
  assert.equal(onServer._conflicts, undefined, 'no conflict is left on the server');
});
