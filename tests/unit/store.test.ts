import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { shardKey } from '../../electron/core/store/library-dir.js';
import { WriteLock } from '../../electron/core/store/write-lock.js';
import { sampleText } from '../helpers/seed.js';
import { readStoredRecord, shardKeys, shardPath } from '../helpers/stored.js';
import { tempLibrary } from '../helpers/temp-library.js';

// Damage and recovery: store-recovery.test.ts; versions and migrations: store-migrations.test.ts.

describe('writes', () => {
  it('loses no update when many edits of one clip race in one process', async (t) => {
    const { library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
    await Promise.all(Array.from({ length: 50 }, (_, i) => library.addTags(clip.id, [`t${i}`])));
    assert.equal((await library.get(clip.id)).tags.length, 50);
  });

  // Several processes writing at once: concurrency.test.ts.

  it('rewrites only the small shard of the edited clip, leaving the others untouched', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await library.import({ kind: 'text', text: sampleText(i) })).clip.id);
    const before = await shardTimes(dir);
    const target = ids[7] ?? '';
    await library.addTags(target, ['edited']);
    const after = await shardTimes(dir);
    const changed = [...after].filter(([key, time]) => before.get(key) !== time).map(([key]) => key);
    assert.deepEqual(changed, [shardKey(target)]);
    assert.ok((await stat(shardPath(dir, changed[0] ?? ''))).size < 64 * 1024);
  });

  it('writes a shard whose rename is refused a moment (a scanner holding it, on Windows) through the retrying writer', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(2) });
    const shard = shardPath(dir, shardKey(clip.id));
    let refused = 0;
    const rename = fs.renameSync;
    // The store's synchronous write goes through node:fs's renameSync (synced into its ES module bindings).
    fs.renameSync = (from, to) => {
      if (to === shard && refused++ === 0) throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      rename(from, to);
    };
    syncBuiltinESMExports();
    try {
      await library.addTags(clip.id, ['kept']);
    } finally {
      fs.renameSync = rename;
      syncBuiltinESMExports();
    }
    assert.equal(refused, 1);
    assert.deepEqual((await readStoredRecord(dir, clip.id))?.tags, ['kept']);
  });

  it('takes over a lock left behind by a process that died', async (t) => {
    const { dir } = await tempLibrary(t);
    const path = join(dir, 'library.lock');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => dead.on('exit', done));
    await writeFile(path, JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), since: new Date().toISOString() }));
    assert.equal(await new WriteLock(path, 1000).withLock(async () => 'ran'), 'ran');
    const live = JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: new Date().toISOString() });
    await writeFile(path, live);
    await assert.rejects(new WriteLock(path, 200).withLock(async () => 'ran'), { code: 'LOCKED' });
  });
});

/** Each shard's key and last-modified time. */
async function shardTimes(dir: string): Promise<Map<string, number>> {
  const keys = await shardKeys(dir);
  return new Map(await Promise.all(keys.map(async (key) => [key, (await stat(shardPath(dir, key))).mtimeMs] as const)));
}
