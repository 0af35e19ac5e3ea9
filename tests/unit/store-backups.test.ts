import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DAILY_SNAPSHOTS, backupsOf, keepVersion, preserve, takeDailySnapshot } from '../../electron/core/store/backups.js';
import { recentVersions, recentVersionsFile } from '../../electron/core/store/recent-versions.js';
import type { Shard } from '../../electron/core/store/schema.js';
import type { ImportInput } from '../../electron/api.js';
import { Library } from '../../electron/core/library.js';
import { checkLibrary } from '../../electron/core/store/check.js';
import { BATCH } from '../../electron/core/import-batches.js';
import { shardDoc, shardKey } from '../../electron/core/store/library-dir.js';
import { sampleText } from '../helpers/seed.js';
import { readShard, shardKeys, shardPath, shardPathOf, splitIntoVersionFiles } from '../helpers/stored.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';

/** Clip `id`'s tags in a shard file, or in a kept version of it (plain or gzipped). */
async function tagsIn(path: string, id: string): Promise<string[] | undefined> {
  return (await readShard(path)).clips[id]?.tags;
}

/** Clip `id`'s tags in each recent version kept of its shard, the newest first. */
async function recentTags(dir: string, id: string): Promise<Array<string[] | undefined>> {
  const doc = shardDoc(shardKey(id));
  const versions = recentVersions(dir, doc);
  return versions.map(({ bytes }) => (JSON.parse(bytes.toString('utf8')) as Shard).clips[id]?.tags);
}

/** Asserts that the recent versions of `id`'s shard are kept in one file, and nothing else. */
async function assertOneFile(dir: string, id: string): Promise<void> {
  const kept = await readdir(join(dir, 'backups', 'recent', 'clips'));
  assert.deepEqual(kept, [`${shardKey(id)}.json.gz`]);
}

describe('recent versions', () => {
  it('keeps the versions before the last three writes of a shard, newest first, and no older ones', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
    for (let i = 0; i < 5; i++) await library.addTags(clip.id, [`t${i}`]);
    assert.deepEqual(await tagsIn(shardPathOf(dir, clip.id), clip.id), ['t0', 't1', 't2', 't3', 't4']);
    assert.deepEqual(await recentTags(dir, clip.id), [['t0', 't1', 't2', 't3'], ['t0', 't1', 't2'], ['t0', 't1']]);
    await assertOneFile(dir, clip.id);
    assert.equal((await checkLibrary(dir)).backups.recentVersions, 3, '`clipdesk check` counts the versions, not the file');
  });

  it("keeps a shard's version from before a batch import once, however many of the import's batches write it", async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1), tags: ['before'] });
    await library.addTags(clip.id, ['edited']);
    // The clip's text again first in each of three batches, with a tag of its batch: each batch writes its shard.
    const inputs = Array.from({ length: 2 * BATCH + 1 }, (_, i): ImportInput => (i % BATCH === 0
      ? { kind: 'text', text: sampleText(1), tags: [`batch${i / BATCH}`] }
      : { kind: 'text', text: sampleText(1000 + i) }));
    await library.importMany(inputs);
    assert.deepEqual(await tagsIn(shardPathOf(dir, clip.id), clip.id), ['before', 'edited', 'batch0', 'batch1', 'batch2']);
    assert.deepEqual(await recentTags(dir, clip.id), [['before', 'edited'], ['before']]);
  });

  it('keeps them in one gzip file, a version a line, each with the time it was saved, smaller than gzipped apart', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(3) });
    for (let i = 0; i < 20; i++) await library.import({ kind: 'text', text: sampleText(100 + i) });
    const doc = shardDoc(shardKey(clip.id));
    const versions: string[] = [];
    const savedAt: number[] = [];
    for (let i = 0; i < 3; i++) {
      versions.unshift(await readFile(shardPathOf(dir, clip.id), 'utf8'));
      savedAt.unshift((await stat(shardPathOf(dir, clip.id))).mtimeMs);
      await library.addTags(clip.id, [`t${i}`]);
    }
    const file = recentVersionsFile(dir, doc);
    const bytes = await readFile(file);
    // What `zcat FILE | sed -n 2p` gives, as the README's restore by hand says.
    assert.deepEqual(gunzipSync(bytes).toString('utf8').split('\n'), [...versions, '']);
    const apart = versions.reduce((sum, version) => sum + gzipSync(version).length, 0);
    assert.ok(bytes.length < 0.6 * apart, `${bytes.length} bytes, against ${apart} gzipped apart`);
    const kept = (await backupsOf(dir, doc)).filter((backup) => backup.path === file);
    assert.deepEqual(kept.map((backup) => backup.line), [1, 2, 3]);
    // A write after the listing shifts the file's lines; each listed version still reads as listed.
    await library.addTags(clip.id, ['after the listing']);
    for (const [i, backup] of kept.entries()) {
      assert.equal(await backup.read(), versions[i]);
      // To the millisecond: a Date holds no less.
      assert.ok(Math.abs(backup.savedAt.getTime() - (savedAt[i] ?? 0)) < 1, backup.savedAt.toISOString());
    }
  });

  for (const plain of [false, true]) {
    const form = plain ? 'plain' : 'gzipped';
    it(`reads the versions a library kept a file each (${form}), and folds them into one file at the next write`, async (t) => {
      const { dir, library } = await tempLibrary(t);
      const { clip } = await library.import({ kind: 'text', text: sampleText(4) });
      for (let i = 0; i < 3; i++) await library.addTags(clip.id, [`t${i}`]);
      const doc = shardDoc(shardKey(clip.id));
      const legacy = await splitIntoVersionFiles(dir, doc, plain);
      const listed = await backupsOf(dir, doc);
      assert.deepEqual(listed.map((backup) => backup.path), legacy);
      assert.equal((await checkLibrary(dir)).backups.recentVersions, legacy.length, '`clipdesk check` counts a file a version');
      assert.deepEqual(await tagsIn(legacy[0]!, clip.id), ['t0', 't1']);

      await library.addTags(clip.id, ['t3']);
      await assertOneFile(dir, clip.id);
      assert.deepEqual(await recentTags(dir, clip.id), [['t0', 't1', 't2'], ['t0', 't1'], ['t0']]);
    });
  }

  it('keeps each version once when a crash came between writing the one file and removing the files it folded in', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(5) });
    for (let i = 0; i < 3; i++) await library.addTags(clip.id, [`t${i}`]);
    const doc = shardDoc(shardKey(clip.id));
    const file = recentVersionsFile(dir, doc);
    const whole = await readFile(file);
    await splitIntoVersionFiles(dir, doc, false);
    await writeFile(file, whole);
    await library.addTags(clip.id, ['t3']);
    await assertOneFile(dir, clip.id);
    assert.deepEqual(await recentTags(dir, clip.id), [['t0', 't1', 't2'], ['t0', 't1'], ['t0']]);
  });

  it('still reads the versions before a damaged one, and replaces the damaged file at the next write', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(6) });
    for (let i = 0; i < 3; i++) await library.addTags(clip.id, [`t${i}`]);
    const doc = shardDoc(shardKey(clip.id));
    const file = recentVersionsFile(dir, doc);
    const bytes = await readFile(file);
    // The last bytes of the deflate stream, where the oldest version's changes are, and the trailer.
    await writeFile(file, bytes.subarray(0, bytes.length - 12));
    assert.deepEqual(await recentTags(dir, clip.id), [['t0', 't1'], ['t0']]);
    await writeFile(file, Buffer.concat([bytes.subarray(0, 40), Buffer.alloc(bytes.length - 40)]));
    assert.deepEqual(await recentTags(dir, clip.id), []);
    await library.addTags(clip.id, ['t3']);
    assert.deepEqual(await recentTags(dir, clip.id), [['t0', 't1', 't2']]);
  });

  it('copies with the saved time where a link is not possible, and keeps nothing for a file not yet written', async (t) => {
    const dir = await tempDir(t, 'clipdesk-preserve-');
    const from = join(dir, 'a.json');
    await writeFile(from, '{"v":1}');
    const saved = new Date('2024-02-03T04:05:06Z');
    await utimes(from, saved, saved);
    assert.equal(preserve(from, join(dir, 'deep', 'b.json'), true), true);
    const copy = await stat(join(dir, 'deep', 'b.json'));
    assert.notEqual(copy.ino, (await stat(from)).ino);
    assert.equal(copy.mtimeMs, saved.getTime());
    assert.equal(await readFile(join(dir, 'deep', 'b.json'), 'utf8'), '{"v":1}');
    assert.equal(preserve(join(dir, 'missing.json'), join(dir, 'c.json')), false);
  });
});

describe('daily snapshots', () => {
  it('keeps every document as it was before the first write of the day, once a day: shards linked, the manifest copied', async (t) => {
    const { dir, library } = await tempLibrary(t);
    await library.import({ kind: 'text', text: sampleText(1) });
    await writeFile(shardPath(dir, 'eee'), '{"schemaVersion":1,"clips":{}}');
    library.close();
    const day = new Date(2999, 0, 2, 9);
    keepVersion(dir, 'library.json', day);
    const snapshot = join(dir, 'backups', 'daily', '2999-01-02');
    const shards = await shardKeys(dir);
    assert.equal(shards.length, 2);
    assert.deepEqual(await shardKeys(snapshot), shards);
    for (const doc of shards.map(shardDoc)) {
      assert.equal((await stat(join(snapshot, doc))).ino, (await stat(join(dir, doc))).ino, `${doc} is linked`);
    }
    assert.notEqual(
      (await stat(join(snapshot, 'library.json'))).ino,
      (await stat(join(dir, 'library.json'))).ino,
      'the manifest is copied',
    );
    assert.equal(await readFile(join(snapshot, 'library.json'), 'utf8'), await readFile(join(dir, 'library.json'), 'utf8'));
    await writeFile(shardPath(dir, 'fff'), '{"schemaVersion":1,"clips":{}}');
    keepVersion(dir, shardDoc('fff'), new Date(2999, 0, 2, 18));
    assert.deepEqual(await shardKeys(snapshot), shards, 'the day\'s snapshot is taken once');
  });

  it("gzips a day's link to a shard once the shard is about to change, keeping that day's version; other shards stay links", async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1), tags: ['first'] });
    await writeFile(shardPath(dir, 'eee'), '{"schemaVersion":1,"clips":{}}');
    library.close();
    const doc = shardDoc(shardKey(clip.id));
    const savedAt = (await stat(join(dir, doc))).mtimeMs;
    const snapshot = join(dir, 'backups', 'daily', '2999-01-02');
    keepVersion(dir, doc, new Date(2999, 0, 2, 9));
    await assert.rejects(stat(join(snapshot, doc)), { code: 'ENOENT' }, 'the plain link is gone');
    assert.deepEqual(await tagsIn(join(snapshot, `${doc}.gz`), clip.id), ['first']);
    const gzippedAt = (await stat(join(snapshot, `${doc}.gz`))).mtimeMs;
    assert.ok(Math.abs(gzippedAt - savedAt) <= 1, 'with the time that version was saved, to the millisecond');
    const other = shardDoc('eee');
    assert.equal((await stat(join(snapshot, other))).ino, (await stat(join(dir, other))).ino, 'an unchanged shard stays linked');
    // Later writes that day leave the day's version as it is.
    keepVersion(dir, doc, new Date(2999, 0, 2, 18));
    assert.deepEqual(await readdir(join(snapshot, 'clips')), [`${shardKey(clip.id)}.json.gz`, 'eee.json'].sort());
    assert.equal((await backupsOf(dir, doc)).filter(({ path }) => path.startsWith(snapshot)).length, 1);
  });

  it('gzips the links of every day that holds the version about to change once, the days sharing the gzipped file', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1), tags: ['kept'] });
    library.close();
    const doc = shardDoc(shardKey(clip.id));
    // Three days with a write of the manifest only: each snapshot links the unchanged shard.
    for (const day of [1, 2, 3]) keepVersion(dir, 'library.json', new Date(2999, 0, day, 9));
    keepVersion(dir, doc, new Date(2999, 0, 3, 12));
    const daily = (day: number) => join(dir, 'backups', 'daily', `2999-01-0${day}`, `${doc}.gz`);
    const inodes = await Promise.all([1, 2, 3].map(async (day) => (await stat(daily(day))).ino));
    assert.equal(new Set(inodes).size, 1, 'one file, linked from each day');
    assert.deepEqual(await tagsIn(daily(1), clip.id), ['kept']);
  });

  it('restores a damaged shard from a gzipped daily version when it is the only one', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1), tags: ['daily'] });
    library.close();
    const doc = shardDoc(shardKey(clip.id));
    keepVersion(dir, doc, new Date(2999, 0, 2, 9));
    await rm(join(dir, 'backups', 'recent'), { recursive: true });
    await writeFile(join(dir, doc), '{"schemaVersion":1,"clips":{"broken');
    const reopened = await Library.open(dir);
    t.after(() => reopened.close());
    assert.deepEqual((await reopened.get(clip.id)).tags, ['daily']);
  });

  it(`keeps the last ${DAILY_SNAPSHOTS} days and clears a snapshot a crash left half-built`, async (t) => {
    const { dir, library } = await tempLibrary(t);
    await library.import({ kind: 'text', text: sampleText(1) });
    library.close();
    await mkdir(join(dir, 'backups', 'daily', '.2999-03-01.partial', 'clips'), { recursive: true });
    for (let day = 1; day <= 10; day++) takeDailySnapshot(dir, new Date(2999, 2, day, 12));
    const expected = Array.from({ length: DAILY_SNAPSHOTS }, (_, i) => `2999-03-${String(11 - DAILY_SNAPSHOTS + i).padStart(2, '0')}`);
    assert.deepEqual((await readdir(join(dir, 'backups', 'daily'))).sort(), expected);
  });

  it('takes none of a library that is only being created', async (t) => {
    const dir = await tempDir(t, 'clipdesk-new-');
    keepVersion(dir, 'library.json');
    await assert.rejects(stat(join(dir, 'backups')), { code: 'ENOENT' });
  });
});
