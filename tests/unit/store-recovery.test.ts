import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { keepVersion } from '../../electron/core/store/backups.js';
import { recentVersionsFile } from '../../electron/core/store/recent-versions.js';
import { checkLibrary } from '../../electron/core/store/check.js';
import { ClipStore } from '../../electron/core/store/clip-store.js';
import { BODIES_FILE, pictureDoc, shardDoc, shardKey } from '../../electron/core/store/library-dir.js';
import { formatCheck } from '../../electron/cli/output.js';
import { describeRecovery } from '../../electron/core/store/recovery.js';
import { RECOVERED_TAG } from '../../electron/core/store/salvage.js';
import type { Body, ClipRecord } from '../../electron/core/store/schema.js';
import { WriteLock } from '../../electron/core/store/write-lock.js';
import { copyFixtureLibrary, fileDigests } from '../fixtures/libraries/fixture-library.js';
import { sampleText } from '../helpers/seed.js';
import {
  readManifest, readShard, readStoredBody, readStoredRecord, shardPath, shardPathOf, splitIntoVersionFiles, withStoredBodies,
  writeStoredBody,
} from '../helpers/stored.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';
import type { TestScope } from '../helpers/cleanup-scope.js';
import { SCHEMA_VERSION, clipRecordSchema } from '../../electron/core/store/schema.js';

/** A clip record and its body from the current version's fixture, under a new id of our choosing (to pick its shard). */
async function sampleClip(scope: TestScope, id: string): Promise<{ record: ClipRecord; body: Body }> {
  // A copy: reading the texts' SQLite file may leave its log beside it.
  const fixture = await copyFixtureLibrary(scope, SCHEMA_VERSION);
  const record = clipRecordSchema.parse(Object.values((await readShard(shardPath(fixture, 'fca'))).clips)[0]);
  const body = readStoredBody(fixture, record);
  return { record: { ...record, id, annotations: record.annotations.map((a) => ({ ...a, clipId: id })) }, body };
}

const idIn = (key: string, n: number) => `${key}${String(n).padStart(29, '0')}`;

interface EditedClip {
  dir: string;
  store: ClipStore;
  record: ClipRecord;
}

/** A store in a temp folder with one sample clip in shard `key`, saved, then saved again with `note` (so a backup exists). */
async function storeWithEditedClip(t: TestContext, key: string, note: string): Promise<EditedClip> {
  const dir = await tempDir(t, 'clipdesk-recovery-');
  const store = await ClipStore.open(dir);
  const { record, body } = await sampleClip(t, idIn(key, 1));
  await store.texts.writeBody(record.id, body);
  await store.commit([record.id], () => record);
  await store.commit([record.id], (fresh) => fresh && { ...fresh, note });
  return { dir, store, record };
}

/** Makes the newest kept version of `doc` a torn one, as if the file had been torn when it was replaced. */
async function keepTornVersion(dir: string, doc: string): Promise<void> {
  const live = join(dir, doc);
  const whole = await readFile(live);
  await writeFile(live, whole.subarray(0, whole.length / 2));
  keepVersion(dir, doc);
  await writeFile(live, whole);
}

describe('a damaged shard', () => {
  it('reads back every whole record before a tear and rebuilds the rest from their text, tagged recovered', async (t) => {
    const dir = await tempDir(t, 'clipdesk-recovery-');
    const store = await ClipStore.open(dir);
    const clips = await Promise.all([1, 2, 3].map((n) => sampleClip(t, idIn('abc', n))));
    for (const { record, body } of clips) await store.texts.writeBody(record.id, body);
    await store.commit(clips.map((c) => c.record.id), (_, id) => clips.find((c) => c.record.id === id)?.record);
    const path = shardPath(dir, 'abc');
    const whole = await readFile(path, 'utf8');
    const torn = whole.slice(0, whole.indexOf(idIn('abc', 3)) + 100);
    await writeFile(path, torn);

    const reopened = await ClipStore.open(dir);
    assert.deepEqual(await reopened.get(idIn('abc', 1)), clips[0]?.record);
    assert.deepEqual(await reopened.get(idIn('abc', 2)), clips[1]?.record);
    const rebuilt = await reopened.get(idIn('abc', 3));
    assert.deepEqual(rebuilt?.tags, [RECOVERED_TAG]);
    assert.equal(rebuilt?.contentHash, clips[2]?.record.contentHash);
    const title = rebuilt?.title.replace(/…$/, '') ?? '';
    assert.ok(title.length > 20 && title.length <= 80 && clips[2]?.body.text.startsWith(title), 'titled by the start of its text');

    const [report] = reopened.recoveries;
    assert.deepEqual(report && { ...report, keptAt: undefined, problem: undefined }, {
      doc: 'clips/abc.json', keptAt: undefined, problem: undefined, backup: null,
      fromDamaged: [idIn('abc', 1), idIn('abc', 2)], fromBackup: [], fromText: [idIn('abc', 3)], withoutText: [],
    });
    assert.equal(await readFile(report?.keptAt ?? '', 'utf8'), torn, 'the damaged bytes are kept aside');
    assert.match(report?.problem ?? '', /abc\.json is not valid JSON/);
    const repaired = await readShard(path);
    assert.deepEqual(Object.keys(repaired.clips).sort(), [1, 2, 3].map((n) => idIn('abc', n)), 'repaired on disk');
  });

  it('is restored from the newest backup that reads whole, and flags a clip whose text is gone', async (t) => {
    const dir = await tempDir(t, 'clipdesk-recovery-');
    const store = await ClipStore.open(dir);
    const [x, y] = await Promise.all([sampleClip(t, idIn('abd', 1)), sampleClip(t, idIn('abd', 2))]);
    await store.texts.writeBody(x!.record.id, x!.body);
    await store.commit([x!.record.id, y!.record.id], (_, id) => ({ ...(id === x!.record.id ? x! : y!).record, tags: ['a'] }));
    for (const tags of [['a', 'b'], ['a', 'b', 'c']]) await store.commit([x!.record.id], (record) => record && { ...record, tags });
    const doc = shardDoc('abd');
    await keepTornVersion(dir, doc);
    await writeFile(shardPath(dir, 'abd'), Buffer.alloc(512));

    const reopened = await ClipStore.open(dir);
    assert.deepEqual((await reopened.get(x!.record.id))?.tags, ['a', 'b'], 'as saved in the second newest version');
    assert.ok(await reopened.get(y!.record.id), 'a clip without its text is kept, not dropped');
    const [report] = reopened.recoveries;
    assert.deepEqual([report?.backup?.path, report?.backup?.line], [recentVersionsFile(dir, doc), 2]);
    assert.deepEqual(report?.fromBackup.sort(), [x!.record.id, y!.record.id]);
    assert.deepEqual(report?.withoutText, [y!.record.id]);
    const told = describeRecovery(report!);
    const kept = `line 2 of ${recentVersionsFile(dir, doc)}`;
    const parts = [report!.keptAt ?? 'kept at', kept, 'later edits to them are lost', 'no stored text'];
    for (const part of parts) assert.ok(told.includes(part), part);
  });

  it('is restored from a version kept in a file of its own by a library from before the one file', async (t) => {
    const { dir, store, record } = await storeWithEditedClip(t, 'ab1', 'second');
    await store.commit([record.id], (fresh) => fresh && { ...fresh, note: 'third' });
    const doc = shardDoc('ab1');
    const [newest, older] = await splitIntoVersionFiles(dir, doc, true);
    await writeFile(newest!, 'torn');
    await writeFile(shardPath(dir, 'ab1'), 'torn');

    const reopened = await ClipStore.open(dir);
    assert.equal((await reopened.get(record.id))?.note, record.note, 'as first saved');
    assert.equal(reopened.recoveries[0]?.backup?.path, older);
  });

  it('passes over kept versions that do not read whole for an older one that does', async (t) => {
    const { dir, store, record } = await storeWithEditedClip(t, 'ab2', 'second');
    for (const note of ['third', 'fourth']) await store.commit([record.id], (fresh) => fresh && { ...fresh, note });
    const doc = shardDoc('ab2');
    await keepTornVersion(dir, doc);
    // Lines: torn, "third", "second", the stream cut short so that the last does not inflate.
    const file = recentVersionsFile(dir, doc);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 12));
    await writeFile(shardPath(dir, 'ab2'), 'torn');

    const reopened = await ClipStore.open(dir);
    assert.equal((await reopened.get(record.id))?.note, 'third');
    assert.equal(reopened.recoveries[0]?.backup?.line, 2);
  });

  it('is recovered in memory while another writer holds the lock, reported once, and replaced at its next write', async (t) => {
    const { dir, store, record } = await storeWithEditedClip(t, 'abe', 'second');
    const path = shardPath(dir, 'abe');
    await writeFile(path, 'garbage');

    await new WriteLock(join(dir, 'library.lock')).withLock(async () => {
      assert.equal((await store.get(record.id))?.note, record.note);
      assert.equal((await store.get(record.id))?.note, record.note);
      assert.equal(await readFile(path, 'utf8'), 'garbage', 'left alone while the lock is held');
    });
    assert.equal(store.recoveries.length, 1);
    assert.equal((await readdir(join(dir, 'damaged', 'clips'))).length, 1);

    await store.commit([record.id], (fresh) => fresh && { ...fresh, note: 'third' });
    assert.equal((await readStoredRecord(dir, record.id))?.note, 'third');
    assert.equal(store.recoveries.length, 1);
  });
});

describe('a damaged texts file', () => {
  it('is moved whole to damaged/ and the library opens: clips listed and found, their texts missing, new clips saved', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await library.import({ kind: 'text', text: sampleText(i) })).clip.id);
    await library.close();
    const garbage = Buffer.from('not a database, whatever it was once '.repeat(200));
    await writeFile(join(dir, BODIES_FILE), garbage);
    // A picture whose bytes no longer match its name: the pictures are still checked, if not matched to clips.
    const picture = pictureDoc(`${'ab'.repeat(32)}.png`);
    await mkdir(join(dir, dirname(picture)), { recursive: true });
    await writeFile(join(dir, picture), 'not those bytes');
    const check = await checkLibrary(dir);
    assert.deepEqual(check.problems.map(({ kind, file }) => [kind, file]), [['damaged-text', BODIES_FILE], ['damaged-picture', picture]]);
    assert.match(check.problems[0]?.detail ?? '', /not a database SQLite can read .*moves it to damaged/);
    assert.deepEqual(check.pictures, { stored: 1, unused: null });
    assert.match(formatCheck(check), /1 pictures \(not matched to clips: their texts did not read\)/);
    await rm(join(dir, 'pictures'), { recursive: true });

    const reopened = await Library.open(dir);
    t.after(() => reopened.close());
    const [notice = ''] = reopened.notices();
    assert.match(notice, /bodies\.sqlite was damaged .*every clip's text is missing until it is clipped again/);
    const [kept = ''] = await readdir(join(dir, 'damaged'));
    assert.ok(notice.includes(join(dir, 'damaged', kept)), notice);
    assert.deepEqual(await readFile(join(dir, 'damaged', kept)), garbage, 'the damaged bytes are kept as they were');
    assert.equal(reopened.list().total, 2);
    assert.equal((await reopened.search(sampleText(0).split(/\s+/)[0] ?? '')).hits.length > 0, true, 'found by the catalog');
    await assert.rejects(reopened.get(ids[0]!), { code: 'CORRUPT_LIBRARY' });
    const added = (await reopened.import({ kind: 'text', text: sampleText(5) })).clip;
    assert.equal((await reopened.get(added.id))?.id, added.id);
  });
});

describe('a lost file', () => {
  it('brings back a shard file that vanished, from its backup, since the app never deletes one', async (t) => {
    const { dir, record } = await storeWithEditedClip(t, 'abf', 'edited');
    await unlink(shardPath(dir, 'abf'));

    const reopened = await ClipStore.open(dir);
    assert.deepEqual(await reopened.get(record.id), record);
    assert.deepEqual(reopened.recoveries.map((r) => [r.doc, r.keptAt, r.fromBackup]), [['clips/abf.json', null, [record.id]]]);
    assert.match(reopened.recoveries[0]?.problem ?? '', /missing, though backups of it exist/);
    assert.equal(await reopened.get(idIn('ab0', 1)), undefined, 'a shard never written is simply empty');
    assert.deepEqual(reopened.recoveries.length, 1);
  });

  it('rebuilds a manifest that vanished from a library with clips, and says so', async (t) => {
    const dir = await copyFixtureLibrary(t, SCHEMA_VERSION);
    await unlink(join(dir, 'library.json'));
    const store = await ClipStore.open(dir);
    assert.equal((await readManifest(dir)).schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(store.recoveries.map((r) => [r.doc, r.keptAt]), [['library.json', null]]);
  });
});

describe('a damaged manifest', () => {
  it('is rebuilt with the version its shards carry and the creation date of its backup, and reported', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
    await library.addTags(clip.id, ['kept']);
    library.close();
    const original = await readManifest(dir);
    await writeFile(join(dir, 'library.json'), '{"app":"clipdesk","schemaVersion":"one"}');

    const store = await ClipStore.open(dir);
    assert.deepEqual(await readManifest(dir), original);
    assert.deepEqual(store.recoveries.map((r) => [r.doc, r.backup !== null]), [['library.json', true]]);
    assert.equal(await readFile(store.recoveries[0]?.keptAt ?? '', 'utf8'), '{"app":"clipdesk","schemaVersion":"one"}');
    assert.deepEqual((await store.get(clip.id))?.tags, ['kept']);
  });
});

describe('opening a damaged library', () => {
  it('shows the clips of a torn shard again, as of the newest backup', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
    await library.addTags(clip.id, ['first']);
    await library.addTags(clip.id, ['second']);
    library.close();
    const shard = shardPathOf(dir, clip.id);
    await writeFile(shard, (await readFile(shard, 'utf8')).slice(0, 40));
    const reopened = await Library.open(dir);
    assert.deepEqual((await reopened.get(clip.id)).tags, ['first']);
    reopened.close();
  });
});

describe('checking a library', () => {
  it('names damaged, lost, missing and orphaned files and what opening would do, changing nothing', async (t) => {
    const { dir, library } = await tempLibrary(t);
    // Enough clips for three shards (shard-room.ts fills one before starting another): two clips of one, one of each other.
    const imported = await library.importMany(Array.from({ length: 110 }, (_, n) => ({ kind: 'text' as const, text: sampleText(n) })));
    const byShard = new Map<string, string[]>();
    for (const { id } of imported.flatMap((result) => ('clip' in result ? [result.clip] : []))) {
      byShard.set(shardKey(id), [...(byShard.get(shardKey(id)) ?? []), id]);
    }
    const [a, b, c] = [...byShard.values()];
    const ids = [a?.[0], a?.[1], b?.[0], c?.[0]].map((id) => id ?? '');
    for (const id of ids.slice(2)) await library.addTags(id, ['backed-up']);
    library.close();
    const [first, second] = [(await readStoredRecord(dir, ids[0]!))!, (await readStoredRecord(dir, ids[1]!))!];
    withStoredBodies(dir, (bodies) => bodies.delete([first]));
    writeStoredBody(dir, second, Buffer.from(JSON.stringify({ ...readStoredBody(dir, second), text: 'changed behind our back' })));
    writeStoredBody(dir, { id: 'e'.repeat(32), contentHash: '0'.repeat(16) }, Buffer.from('{}'));
    await writeFile(shardPathOf(dir, ids[2]!), '{"schemaVersion":1,');
    await unlink(shardPathOf(dir, ids[3]!));
    const before = await fileDigests(dir);

    const check = await checkLibrary(dir);
    const found = check.problems.map((p) => [p.kind, p.clipId ?? p.file]).sort();
    assert.deepEqual(found, [
      ['damaged-shard', shardDoc(shardKey(ids[2]!))],
      ['damaged-shard', shardDoc(shardKey(ids[3]!))],
      ['damaged-text', ids[1]],
      ['missing-text', ids[0]],
      ['orphan-text', 'e'.repeat(32)],
    ].sort());
    assert.match(check.problems.find((p) => p.kind === 'damaged-shard')?.detail ?? '', /restores it from the backup saved/);
    assert.equal(check.backups.dailySnapshots.length, 1);
    assert.deepEqual(await fileDigests(dir), before);
  });

  it('finds nothing wrong in a whole library, and judges nothing in a newer one', async (t) => {
    const dir = await copyFixtureLibrary(t, SCHEMA_VERSION);
    const whole = await checkLibrary(dir);
    assert.deepEqual(whole.problems, []);
    assert.equal(whole.clips, 3);
    await writeFile(join(dir, 'library.json'), JSON.stringify({ app: 'clipdesk', schemaVersion: 99, createdAt: '' }));
    await writeFile(shardPath(dir, 'fca'), 'newer shapes are not damage');
    assert.deepEqual((await checkLibrary(dir)).problems.map((p) => p.kind), ['newer-library']);
  });
});
