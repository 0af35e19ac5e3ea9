import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { startCouchServer } from '../helpers/couch-server.js';
import type { CouchServer } from '../helpers/couch-server.js';
import { clipdesk } from '../helpers/run-cli.js';
import type { TestScope } from '../helpers/cleanup-scope.js';
import { DATABASE, SYNC_PASSWORD, SYNC_USER } from '../helpers/sync-pair.js';
import { tempDir } from '../helpers/temp-library.js';

// `clipdesk sync` as a person runs it: set up once with --url, then a plain `clipdesk sync`.

const withPassword = { ...process.env, CLIPDESK_SYNC_PASSWORD: SYNC_PASSWORD };

async function server(t: TestScope): Promise<CouchServer> {
  return startCouchServer({ dir: await tempDir(t, 'clipdesk-couch-'), user: SYNC_USER, password: SYNC_PASSWORD }, t);
}

async function libraryWithClip(t: TestScope, text: string): Promise<string> {
  const dir = await tempDir(t, 'clipdesk-cli-sync-');
  const library = await Library.open(dir);
  await library.import({ kind: 'text', text });
  await library.close();
  return dir;
}

test('clipdesk sync --url sets sync up, keeps the settings and syncs; a plain clipdesk sync --once uses them again', async (t) => {
  const couch = await server(t);
  const laptop = await libraryWithClip(t, 'Grain exports rise as the harbour reopens to bulk carriers.');
  const desktop = await libraryWithClip(t, 'Customs data show steel imports falling for a third month.');
  const url = `${couch.url}/${DATABASE}`;
  for (const dir of [laptop, desktop, laptop]) {
    const run = await clipdesk(dir, ['sync', '--url', url, '--user', SYNC_USER, '--once'], withPassword);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /synced with http:\/\/127\.0\.0\.1:\d+\/clipdesk: sent \d+, received \d+ document/);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(SYNC_PASSWORD), 'the password is never printed');
  }
  const again = await clipdesk(desktop, ['sync', '--once', '--json'], { ...process.env, CLIPDESK_SYNC_PASSWORD: undefined });
  assert.equal(again.code, 0, again.stderr);
  for (const dir of [laptop, desktop]) {
    const listed = JSON.parse((await clipdesk(dir, ['list', '--json'])).stdout) as { total: number };
    assert.equal(listed.total, 2);
  }
  const settings = await readFile(join(desktop, 'sync', 'settings.json'), 'utf8');
  assert.ok(!settings.includes(SYNC_PASSWORD));
  assert.equal((await stat(join(desktop, 'sync', 'credentials.json'))).mode & 0o777, 0o600);
});

test('clipdesk sync refuses plain http to another machine, a wrong password, and a missing one without a terminal, in words', async (t) => {
  const couch = await server(t);
  const dir = await libraryWithClip(t, 'A short note on tariffs.');
  const remote = await clipdesk(dir, ['sync', '--url', 'http://couch.example.org/clipdesk', '--once'], withPassword);
  assert.equal(remote.code, 2);
  assert.match(remote.stderr, /https/);
  const wrong = await clipdesk(dir, ['sync', '--url', `${couch.url}/${DATABASE}`, '--user', SYNC_USER, '--once'],
    { ...process.env, CLIPDESK_SYNC_PASSWORD: 'not it' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /refused the user name or password/);
  const none = await clipdesk(dir, ['sync', '--url', `${couch.url}/${DATABASE}`, '--user', SYNC_USER, '--once'],
    { ...process.env, CLIPDESK_SYNC_PASSWORD: undefined });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /CLIPDESK_SYNC_PASSWORD/);
  const unset = await clipdesk(dir, ['sync', '--once']);
  assert.match(unset.stderr, /sync is not set up/);
});
