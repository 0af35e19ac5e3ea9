import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { checkLibrary } from '../../electron/core/index.js';
import { SHARD_FILE } from '../../electron/core/store/library-dir.js';
import { basicAuth } from '../helpers/couch-server.js';
import { nodeEntry } from '../helpers/node-entry.js';
import { clipdesk } from '../helpers/run-cli.js';
import { DATABASE, SYNC_PASSWORD, SYNC_USER, everything, fillLibrary, settle, syncPair, syncedLibrary } from '../helpers/sync-pair.js';
import { tempDir } from '../helpers/temp-library.js';

// Sync under faults, with real parts: the server cut off and killed mid-replication, a machine
// killed mid-apply, a library restored from a backup. Each time sync resumes and converges, with
// nothing lost or duplicated.

const CLIPS = 1000;

test('1,000 clips: the first sync survives a connection cut and a server killed mid-replication, resuming from checkpoints', async (t) => {
  const pair = await syncPair(t);
  await fillLibrary(pair.laptop, CLIPS);
  await pair.laptop.sync.syncNow();
  assert.equal(await pair.server.docCount(DATABASE), 2 * CLIPS, 'a document for each clip and for each text');

  await pair.server.cutAfterBytes(150_000);
  await assert.rejects(pair.desktop.sync.syncNow(), { code: 'SYNC_FAILED' });
  const cut = await pair.desktop.sync.status();
  assert.equal(cut.state, 'error');
  assert.match(cut.error ?? '', /sync server http:\/\/127\.0\.0\.1:\d+\/clipdesk/);

  const pulling = pair.desktop.sync.syncNow();
  await new Promise((done) => setTimeout(done, 300));
  await pair.server.kill();
  await assert.rejects(pulling, { code: 'SYNC_FAILED' }, 'the server died mid-replication');
  await pair.server.restart();
  const resumed = await pair.desktop.sync.syncNow();
  assert.ok(resumed.received < 2 * CLIPS, `resumed from a checkpoint (received ${resumed.received})`);
  await pair.settle();
  assert.equal(pair.desktop.list({ limit: 5000 }).total, CLIPS);
  assert.equal(await pair.server.docCount(DATABASE), 2 * CLIPS, 'nothing duplicated on the server');
  assert.deepEqual(await everything(pair.desktop), await everything(pair.laptop));
});

test('a machine killed (SIGKILL) while it applies what came in finishes on the next sync, nothing lost or doubled', async (t) => {
  const pair = await syncPair(t);
  await fillLibrary(pair.laptop, CLIPS);
  await pair.laptop.sync.syncNow();
  const dir = await tempDir(t, 'clipdesk-killed-');
  const setUp = { ...process.env, CLIPDESK_SYNC_PASSWORD: SYNC_PASSWORD };
  const child = spawn(process.execPath, [...nodeEntry('electron/cli/main.ts'), '--library', dir, 'sync', '--once',
    '--url', `${pair.server.url}/${DATABASE}`, '--user', SYNC_USER], { env: setUp, stdio: 'ignore' });
  // Killed once the first clips have landed in the library: mid-apply.
  while ((await readdir(join(dir, 'clips')).catch(() => [])).length === 0) await new Promise((done) => setTimeout(done, 20));
  child.kill('SIGKILL');
  await once(child, 'exit');
  // Shard files only: the killed process may have left a half-written temp file beside them (never read as a shard).
  const shards = (await readdir(join(dir, 'clips'))).filter((name) => SHARD_FILE.test(name));
  const landed = (await Promise.all(shards.map(async (name) => {
    const shard = JSON.parse(await readFile(join(dir, 'clips', name), 'utf8')) as { clips: object };
    return Object.keys(shard.clips).length;
  }))).reduce((sum, n) => sum + n, 0);
  assert.ok(landed < CLIPS, `killed mid-apply (${landed} of ${CLIPS} clips had landed)`);
  const rerun = await clipdesk(dir, ['sync', '--once']);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.deepEqual((await checkLibrary(dir)).problems, []);
  const desktop = await Library.open(dir);
  t.after(() => desktop.close());
  assert.equal(desktop.list({ limit: 5000 }).total, CLIPS);
  assert.equal(await pair.server.docCount(DATABASE), 2 * CLIPS);
  assert.deepEqual(await everything(desktop), await everything(pair.laptop));
});

test('a library restored from an older backup syncs back to the newest state: nothing lost, nothing deleted on the server', async (t) => {
  const pair = await syncPair(t);
  await fillLibrary(pair.laptop, 20);
  await pair.settle();
  const archive = join(await tempDir(t, 'clipdesk-backup-'), 'laptop.zip');
  await pair.laptop.exports.backup(archive);
  const [first] = pair.laptop.list({ limit: 1 }).clips;
  assert.ok(first);
  await pair.laptop.update(first.id, { note: 'written after the backup' });
  await fillLibrary(pair.laptop, 5, 'Later article');
  await pair.settle();

  const { library: restored } = await Library.restoreBackup(archive, await tempDir(t, 'clipdesk-restored-'));
  await restored.close();
  const reopened = await syncedLibrary(t, restored.dir, pair.server);
  assert.equal(reopened.list({ limit: 100 }).total, 20, 'the backup is older');
  await settle(reopened, pair.desktop);
  assert.equal(reopened.list({ limit: 100 }).total, 25);
  assert.equal((await reopened.get(first.id)).note, 'written after the backup');
  assert.deepEqual(await everything(reopened), await everything(pair.desktop));
});

test('a document from the server that is not a clip is left aside; the rest syncs and the library stays whole', async (t) => {
  const pair = await syncPair(t);
  await fillLibrary(pair.laptop, 3);
  await pair.laptop.sync.syncNow();
  const headers = { authorization: basicAuth(SYNC_USER, SYNC_PASSWORD), 'content-type': 'application/json' };
  const forged = { _id: 'clip:abcdef0123', type: 'clip', clip: { id: 'abcdef0123', title: 42, tags: 'not a list' } };
  const put = await fetch(`${pair.server.url}/${DATABASE}/${forged._id}`, { method: 'PUT', headers, body: JSON.stringify(forged) });
  assert.equal(put.status, 201);
  await pair.desktop.sync.syncNow();
  assert.equal(pair.desktop.list().total, 3);
  assert.deepEqual((await checkLibrary(pair.desktop.dir)).problems, []);
});
