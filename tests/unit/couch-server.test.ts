import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { TestScope } from '../helpers/cleanup-scope.js';
import { basicAuth, startCouchServer } from '../helpers/couch-server.js';
import type { CouchServer } from '../helpers/couch-server.js';
import { PouchDB } from '../helpers/pouchdb.js';
import type { PouchDatabase } from '../helpers/pouchdb.js';
import { tempDir } from '../helpers/temp-library.js';

const USER = 'reader';
const PASSWORD = 'correct horse battery staple';
const PICTURE = Buffer.from('not really a PNG, but bytes all the same \u0000\u00ff');

/** A LevelDB PouchDB in its own temp folder, closed when the test ends. */
async function localDb(t: TestScope, name = 'local'): Promise<PouchDatabase> {
  const db = new PouchDB(join(await tempDir(t, 'clipdesk-pouch-'), name), { adapter: 'leveldb' });
  t.after(() => db.close());
  return db;
}

function remoteDb(t: TestScope, server: CouchServer, password = PASSWORD): PouchDatabase {
  const db = new PouchDB(`${server.url}/clipdesk`, { adapter: 'http', auth: { username: USER, password } });
  t.after(() => db.close());
  return db;
}

async function clipWithPicture(db: PouchDatabase): Promise<void> {
  await db.put({
    _id: 'clip:1',
    title: 'Harbour reopens',
    _attachments: { 'picture.png': { content_type: 'image/png', data: PICTURE.toString('base64') } },
  });
}

async function serverWithClip(t: TestScope): Promise<CouchServer> {
  const server = await startCouchServer({ dir: await tempDir(t, 'clipdesk-couch-'), user: USER, password: PASSWORD }, t);
  const local = await localDb(t);
  await clipWithPicture(local);
  const result = await local.replicate.to(remoteDb(t, server));
  assert.equal(result.docs_written, 1);
  return server;
}

async function pictureOnServer(server: CouchServer): Promise<Buffer> {
  const doc = (await server.getJson('/clipdesk/clip%3A1?attachments=true')) as { _attachments: Record<string, { data: string }> };
  return Buffer.from(doc._attachments['picture.png']?.data ?? '', 'base64');
}

test('a clip with a picture replicates to the server with the user and password', async (t) => {
  const server = await serverWithClip(t);

  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(await server.docCount('clipdesk'), 1);
  const [doc] = await server.allDocs('clipdesk');
  assert.equal(doc?.title, 'Harbour reopens');
  assert.deepEqual(await pictureOnServer(server), PICTURE);
});

test('the server answers a wrong or missing password with CouchDB\'s 401', async (t) => {
  const server = await startCouchServer({ dir: await tempDir(t), user: USER, password: PASSWORD }, t);

  const wrong = await fetch(`${server.url}/`, { headers: { authorization: basicAuth(USER, 'guess') } });
  assert.equal(wrong.status, 401);
  assert.deepEqual(await wrong.json(), { error: 'unauthorized', reason: 'Name or password is incorrect.' });
  const missing = await fetch(`${server.url}/clipdesk`);
  assert.equal(missing.status, 401);
  assert.match(missing.headers.get('www-authenticate') ?? '', /^Basic /);
  assert.equal(((await missing.json()) as { error: string }).error, 'unauthorized');

  const local = await localDb(t);
  await clipWithPicture(local);
  await assert.rejects(local.replicate.to(remoteDb(t, server, 'guess')), (error: { status?: number }) => error.status === 401);
});

test('a server without a user lets every request in', async (t) => {
  const server = await startCouchServer({ dir: await tempDir(t) }, t);
  const created = await fetch(`${server.url}/open`, { method: 'PUT' });
  assert.equal(created.status, 201);
  assert.equal(await server.docCount('open'), 0);
  assert.equal(await server.docCount('missing'), 0);
});

test('what the server stored is still there after kill -9 and a restart on the same port', async (t) => {
  const server = await serverWithClip(t);
  const { port, pid } = server;

  await server.kill();
  assert.equal(server.pid, null);
  assert.equal(isRunning(pid ?? -1), false);
  await assert.rejects(fetch(`${server.url}/`), TypeError);

  await server.restart();
  assert.equal(server.port, port);
  assert.equal(await server.docCount('clipdesk'), 1);
  const fresh = await localDb(t, 'fresh');
  await fresh.replicate.from(remoteDb(t, server));
  const copy = await fresh.get('clip:1', { attachments: true, binary: true });
  // PouchDB hangs a `type` on the Buffer it hands back; the bytes are what count.
  assert.deepEqual(Buffer.from(copy._attachments?.['picture.png']?.data ?? ''), PICTURE);
});

test('an armed cut drops the connection that crosses the byte budget, once', async (t) => {
  const server = await serverWithClip(t);
  const headers = { authorization: basicAuth(USER, PASSWORD) };

  await server.cutAfterBytes(40);
  await assert.rejects(async () => (await fetch(`${server.url}/clipdesk/_all_docs?include_docs=true`, { headers })).text());
  const after = await fetch(`${server.url}/clipdesk/_all_docs`, { headers });
  assert.equal(after.status, 200);
});

test('the server ends when the test process that started it is killed', async (t) => {
  const helper = fileURLToPath(new URL('../helpers/couch-server.ts', import.meta.url));
  const dir = await tempDir(t);
  const script = `import { startCouchServer } from ${JSON.stringify(helper)};
    const server = await startCouchServer({ dir: ${JSON.stringify(dir)} });
    console.log(server.pid);
    setInterval(() => {}, 1000);`;
  const args = ['--import', 'tsx', '--input-type=module', '-e', script];
  const parent = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => parent.kill('SIGKILL'));
  const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
  const pid = Number(line);
  assert.equal(isRunning(pid), true);

  parent.kill('SIGKILL');
  for (let i = 0; i < 100 && isRunning(pid); i++) await sleep(50);
  assert.equal(isRunning(pid), false, `the server (pid ${pid}) outlived its test process`);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
