import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { migrate } from '../../electron/core/store/migrations.js';
import { shardKey } from '../../electron/core/store/clip-store.js';
import { WriteLock } from '../../electron/core/store/write-lock.js';
import { sampleText, tempLibrary } from '../helpers/temp-library.js';

describe('a corrupt library', () => {
  it('is refused with a clear error naming the file, which stays byte for byte as it was', async () => {
    const { dir, library, cleanup } = await tempLibrary();
    try {
      const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
      const shard = join(dir, 'clips', `${shardKey(clip.id)}.json`);
      const torn = (await readFile(shard, 'utf8')).slice(0, 40);
      await writeFile(shard, torn);
      await assert.rejects(Library.open(dir), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'CORRUPT_LIBRARY');
        assert.ok(error.message.includes(shard));
        return true;
      });
      assert.equal(await readFile(shard, 'utf8'), torn);
    } finally {
      await cleanup();
    }
  });

  it('refuses a manifest of the wrong shape and a library from a newer Clipdesk without rewriting them', async () => {
    const { dir, cleanup } = await tempLibrary();
    try {
      const manifest = join(dir, 'library.json');
      await writeFile(manifest, '{"app":"clipdesk","schemaVersion":"one"}');
      await assert.rejects(Library.open(dir), { code: 'CORRUPT_LIBRARY' });
      const newer = JSON.stringify({ app: 'clipdesk', schemaVersion: 99, createdAt: '2030-01-01T00:00:00Z' });
      await writeFile(manifest, newer);
      await assert.rejects(Library.open(dir), { code: 'NEWER_LIBRARY' });
      assert.equal(await readFile(manifest, 'utf8'), newer);
    } finally {
      await cleanup();
    }
  });
});

describe('migrations', () => {
  it('runs each step from the stored version up to the current one, in order', async () => {
    const ran: number[] = [];
    const steps = [1, 2].map((from) => ({ from, describe: `step ${from}`, migrate: async () => void ran.push(from) }));
    assert.equal(await migrate('/lib', 1, steps, 3), 3);
    assert.deepEqual(ran, [1, 2]);
    await assert.rejects(migrate('/lib', 1, steps.slice(1), 3), { code: 'CORRUPT_LIBRARY' });
  });
});

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

  it('loses nothing when two processes write to the same library at once', async () => {
    const { dir, library, cleanup } = await tempLibrary();
    try {
      const { clip } = await library.import({ kind: 'text', text: sampleText(0) });
      await Promise.all(['a', 'b'].map((name) => runWriter(dir, clip.id, name, 15)));
      const reopened = await Library.open(dir);
      assert.equal(reopened.list().total, 31);
      const tags = (await reopened.get(clip.id)).tags;
      for (const name of ['a', 'b']) for (let i = 0; i < 15; i++) assert.ok(tags.includes(`${name}${i}`), `${name}${i} kept`);
    } finally {
      await cleanup();
    }
  });

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

/** A second real process that imports `count` clips and tags one shared clip `count` times. */
function runWriter(dir: string, sharedId: string, name: string, count: number): Promise<void> {
  const script = `
    import { Library } from './electron/core/library.ts';
    const library = await Library.open(${JSON.stringify(dir)});
    for (let i = 0; i < ${count}; i++) {
      await library.import({ kind: 'text', text: 'Writer ${name} note ' + i + '\\n\\nA line written by process ${name}, number ' + i + '.' });
      await library.addTags(${JSON.stringify(sharedId)}, ['${name}' + i]);
    }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((done, fail) => child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`writer ${name} exited ${code}`)))));
}
