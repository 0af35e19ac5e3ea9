import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { shardKey } from '../../electron/core/store/library-dir.js';
import { WriteLock } from '../../electron/core/store/write-lock.js';
import { sampleText, tempLibrary } from '../helpers/temp-library.js';

// Damage and recovery: store-recovery.test.ts; versions and migrations: store-migrations.test.ts.

describe('writes', () => {
  it('loses no update when many edits of one clip race in one process', async () => {
    const { library, cleanup } = await tempLibrary();
    try {
      const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
      await Promise.all(Array.from({ length: 50 }, (_, i) => library.addTags(clip.id, [`t${i}`])));
      assert.equal((await library.get(clip.id)).tags.length, 50);
    } finally {
      await cleanup();
    }
  });

  // Several processes writing at once: concurrency.test.ts.

  it('rewrites only the small shard of the edited clip, leaving the others untouched', async () => {
    const { dir, library, cleanup } = await tempLibrary();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await library.import({ kind: 'text', text: sampleText(i) })).clip.id);
      const before = await shardTimes(dir);
      const target = ids[7] ?? '';
      await library.addTags(target, ['edited']);
      const after = await shardTimes(dir);
      const changed = [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
      assert.deepEqual(changed, [`${shardKey(target)}.json`]);
      assert.ok((await stat(join(dir, 'clips', changed[0] ?? ''))).size < 64 * 1024);
    } finally {
      await cleanup();
    }
  });

  it('takes over a lock left behind by a process that died', async () => {
    const { dir, cleanup } = await tempLibrary();
    try {
      const path = join(dir, 'library.lock');
      const dead = spawn(process.execPath, ['-e', '']);
      await new Promise((done) => dead.on('exit', done));
      await writeFile(path, JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), since: new Date().toISOString() }));
      assert.equal(await new WriteLock(path, 1000).withLock(async () => 'ran'), 'ran');
      const live = JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: new Date().toISOString() });
      await writeFile(path, live);
      await assert.rejects(new WriteLock(path, 200).withLock(async () => 'ran'), { code: 'LOCKED' });
    } finally {
      await cleanup();
    }
  });
});

async function shardTimes(dir: string): Promise<Map<string, number>> {
  const names = await readdir(join(dir, 'clips'));
  return new Map(await Promise.all(names.map(async (name) => [name, (await stat(join(dir, 'clips', name))).mtimeMs] as const)));
}
