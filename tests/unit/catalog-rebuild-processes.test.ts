import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { RebuildProgress } from '../../electron/core/catalog/rebuild-wait.js';
import { Library } from '../../electron/core/library.js';
import { libraryWithDamagedCatalog } from '../helpers/damaged-catalog.js';
import type { TestScope } from '../helpers/cleanup-scope.js';

/** Two batches, each followed by this pause: the other process's rebuild lasts seconds, long enough to open meanwhile. */
const CLIPS = 60;
const PAUSE_MS = 1500;
const CHILD = fileURLToPath(new URL('../helpers/rebuilding-process.ts', import.meta.url));
const MARKER = 'index.sqlite.rebuilding';

interface Rebuilding {
  pid: number;
  /** The child's first line: the catalog file it opened and started to rebuild. */
  opened: Promise<{ inode: number }>;
  /** Sends a command (see rebuilding-process.ts) and resolves with its answer. */
  ask: (command: string) => Promise<Record<string, unknown>>;
  exited: Promise<unknown>;
}

/** Another Clipdesk process opening `dir` as the app does, its catalog rebuilt in the background. */
function startRebuilding(t: TestScope, dir: string): Rebuilding {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(PAUSE_MS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((done) => child.on('exit', done));
  t.after(async () => {
    child.stdin.end();
    await exited;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the rebuilding process ended');
    return JSON.parse(String(value)) as Record<string, unknown>;
  };
  return {
    pid: child.pid ?? -1,
    opened: next() as Promise<{ inode: number }>,
    ask: (command) => {
      child.stdin.write(`${command}\n`);
      return next();
    },
    exited,
  };
}

async function inode(dir: string): Promise<number> {
  return (await stat(join(dir, 'index.sqlite'))).ino;
}

async function searchIds(library: Library, query: string): Promise<string[]> {
  return (await library.search(query, { limit: 1000 })).hits.map((hit) => hit.clip.id).sort();
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

test('a library opened while another process rebuilds its catalog waits for that rebuild, and both go on with one file', async (t) => {
  const { dir, ids } = await libraryWithDamagedCatalog(t, CLIPS);
  const other = startRebuilding(t, dir);
  const { inode: rebuilt } = await other.opened;
  const seen: RebuildProgress[] = [];
  const library = await Library.open(dir, { onRebuildProgress: (progress) => seen.push(progress) });
  t.after(() => library.close());

  assert.ok(seen.length > 0 && seen.every((progress) => progress.elsewhere === other.pid), JSON.stringify(seen));
  assert.equal(library.opened.catalogRebuilt, false, 'this process did not rebuild the catalog again');
  assert.equal(await inode(dir), rebuilt, 'the other process\'s catalog file was not replaced');
  assert.equal(library.list({ limit: 1000 }).total, CLIPS);
  assert.deepEqual(await searchIds(library, 'inspectors'), [...ids].sort());

  // The other process sees what this one writes: its catalog is the library's, not a deleted file.
  const [tagged = ''] = ids;
  await library.addTags(tagged, ['written-elsewhere']);
  assert.deepEqual((await other.ask('ready')).ready, { rebuilding: false, listing: false, indexed: CLIPS, total: CLIPS });
  assert.deepEqual((await other.ask('search tag:written-elsewhere')).ids, [tagged]);
  assert.equal(await exists(join(dir, MARKER)), false, 'the rebuild, once whole, released its marker');
});

test('a rebuild whose process was killed is taken over by the next open, and completes', async (t) => {
  const { dir, ids } = await libraryWithDamagedCatalog(t, CLIPS);
  const other = startRebuilding(t, dir);
  await other.opened;
  const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as { pid: number };
  assert.equal(marker.pid, other.pid);
  process.kill(other.pid, 'SIGKILL');
  await other.exited;

  const seen: RebuildProgress[] = [];
  const library = await Library.open(dir, { onRebuildProgress: (progress) => seen.push(progress) });
  t.after(() => library.close());
  assert.equal(library.opened.catalogRebuilt, true);
  assert.ok(seen.every((progress) => progress.elsewhere === undefined), 'nothing waited for the killed process');
  assert.equal(library.list({ limit: 1000 }).total, CLIPS);
  assert.deepEqual(await searchIds(library, 'inspectors'), [...ids].sort());
  assert.equal(await exists(join(dir, MARKER)), false);
});

test('an open gives up with LOCKED when the other process\'s rebuild makes no progress, and leaves its catalog alone', async (t) => {
  const { dir } = await libraryWithDamagedCatalog(t, 3);
  const stuck = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  t.after(() => stuck.kill());
  await writeFile(join(dir, MARKER), JSON.stringify({ pid: stuck.pid, host: hostname(), since: new Date().toISOString() }));

  await assert.rejects(Library.open(dir, { rebuildStallMs: 500 }), { name: 'ClipdeskError', code: 'LOCKED', message: /another Clipdesk process/ });
  assert.equal(await readFile(join(dir, 'index.sqlite'), 'utf8'), 'not a database');
});
