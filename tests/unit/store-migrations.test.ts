import assert from 'node:assert/strict';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TestContext } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { BodyDb } from '../../electron/core/store/body-db.js';
import { ClipStore } from '../../electron/core/store/clip-store.js';
import { MIGRATIONS, migrate } from '../../electron/core/store/migrations.js';
import type { Migration } from '../../electron/core/store/migrations.js';
import { SCHEMA_VERSION, clipRecordSchema } from '../../electron/core/store/schema.js';
import { copyFixtureLibrary, expectedClips, fileDigests, fixtureVersions } from '../fixtures/libraries/fixture-library.js';
import { readManifest, readShard, shardKeys, shardPath } from '../helpers/stored.js';
import type { Clip } from '../../electron/api.js';
import type { ClipRecord } from '../../electron/core/store/schema.js';

const VERSIONS = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);

/** What each version's migration gives clips of older libraries (a fixture shows only the fields of its own version). */
const ADDED_BY_VERSION: Record<number, Partial<Clip>> = { 2: { readState: 'unread', pending: null } };

/** A clip of a version `version` library as the current app must show it. */
function upgraded(clip: Clip, version: number): Clip {
  return VERSIONS.filter((later) => later > version).reduce((shown, later) => ({ ...shown, ...ADDED_BY_VERSION[later] }), clip);
}

describe('libraries of every released version', () => {
  it('has a fixture library for each version up to the current one and a migration step between each', async () => {
    assert.deepEqual(await fixtureVersions(), VERSIONS, 'a new SCHEMA_VERSION ships a fixture library tests/fixtures/libraries/v<N>');
    assert.deepEqual(MIGRATIONS.map((step) => step.from), VERSIONS.slice(0, -1), 'one migration step from each older version, in order');
  });

  for (const version of VERSIONS) {
    it(`opens a version ${version} library with every clip, field, tag, highlight and revision intact`, async (t) => {
      const dir = await copyFixtureLibrary(t, version);
      assert.equal((await readManifest(dir)).schemaVersion, version, 'the fixture is of the version it is named for');
      const library = await Library.open(dir);
      t.after(() => library.close());
      for (const { clip, revisions } of await expectedClips(version)) {
        assert.deepEqual(await library.get(clip.id), upgraded(clip, version));
        assert.deepEqual(await library.revisions(clip.id), revisions);
      }
      assert.equal((await readManifest(dir)).schemaVersion, SCHEMA_VERSION);
    });
  }
});

describe('a library from a newer Clipdesk', () => {
  it('is refused with a message saying to update, and not one byte of it changes', async (t) => {
    await withNewerLibrary(t, async (dir) => {
      const newer = { app: 'clipdesk', schemaVersion: 99, createdAt: '2031-01-01T00:00:00Z', newField: true };
      await writeFile(join(dir, 'library.json'), JSON.stringify(newer));
    }, (error) => /newer Clipdesk/.test(error.message) && /99/.test(error.message) && /update Clipdesk/.test(error.message));
  });

  it('is refused even when its manifest is damaged, because its clips carry the newer version', async (t) => {
    await withNewerLibrary(t, async (dir) => {
      await writeFile(join(dir, 'library.json'), '\0\0\0\0');
      const shard = shardPath(dir, (await shardKeys(dir))[0] ?? '');
      await writeFile(shard, JSON.stringify({ ...(await readShard(shard)), schemaVersion: 99 }));
    }, (error) => /its clips are library version 99/.test(error.message));
  });

  it('is refused when one shard was written by a newer Clipdesk, rather than treated as damage', async (t) => {
    const dir = await copyFixtureLibrary(t, SCHEMA_VERSION);
    const [key = ''] = await shardKeys(dir);
    const shard = shardPath(dir, key);
    const [id = ''] = Object.keys((await readShard(shard)).clips);
    await writeFile(shard, JSON.stringify({ schemaVersion: 99, clips: 'a newer shape' }));
    const before = await fileDigests(dir);
    const store = await ClipStore.open(dir);
    await assert.rejects(store.get(id), { code: 'NEWER_LIBRARY' });
    // Closed: while open, SQLite keeps its log and shared memory beside the texts' file.
    store.close();
    assert.deepEqual(await fileDigests(dir), before);
    assert.deepEqual(store.recoveries, []);
  });
});

describe('the migration runner', () => {
  it('copies the documents aside, then runs each step from the stored version up to the target, in order', async (t) => {
    const dir = await copyFixtureLibrary(t, 1);
    const before = await fileDigests(dir);
    const ran: number[] = [];
    const steps: Migration[] = [1, 2].map((from) => ({
      from,
      describe: `step ${from}`,
      // Rewrites the shards in place, which a linked backup would not survive.
      migrate: async (at) => {
        ran.push(from);
        for (const key of await shardKeys(at)) await writeFile(shardPath(at, key), `step ${from}`);
      },
    }));
    assert.equal(await migrate(dir, 1, steps, 3, new Date('2030-05-06T07:08:09Z')), 3);
    assert.deepEqual(ran, [1, 2]);
    const copy = join(dir, 'backups', 'before-v1-to-v3-2030-05-06T070809.000Z');
    for (const [file, digest] of await fileDigests(copy)) assert.equal(digest, before.get(file), file);
    assert.deepEqual([...(await fileDigests(copy)).keys()], [...before.keys()].filter((file) => !file.startsWith('bodies')));
  });

  it('refuses to start when a step is missing, leaving the library as it was', async (t) => {
    const dir = await copyFixtureLibrary(t, 1);
    const before = await fileDigests(dir);
    const ran: number[] = [];
    const steps: Migration[] = [{ from: 2, describe: 'step 2', migrate: async () => void ran.push(2) }];
    await assert.rejects(migrate(dir, 1, steps, 3), /no migration from library version 1 to 2/);
    assert.deepEqual(ran, []);
    assert.deepEqual(await fileDigests(dir), before);
  });
});

/** A copy of the current fixture made newer by `makeNewer`: opening it must fail as `matches` says and change nothing. */
async function withNewerLibrary(
  t: TestContext, makeNewer: (dir: string) => Promise<void>, matches: (error: Error) => boolean,
): Promise<void> {
  const dir = await copyFixtureLibrary(t, SCHEMA_VERSION);
  await makeNewer(dir);
  const before = await fileDigests(dir);
  await assert.rejects(Library.open(dir), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'NEWER_LIBRARY');
    assert.ok(matches(error), error.message);
    return true;
  });
  assert.deepEqual(await fileDigests(dir), before);
}

describe('the step to version 2 (read states)', () => {
  it('makes every clip of a version 1 library unread, keeps fields it does not know, and stamps the shards', async (t) => {
    const dir = await copyFixtureLibrary(t, 1);
    const [key = ''] = await shardKeys(dir);
    const shard = await readShard(shardPath(dir, key));
    const [id = ''] = Object.keys(shard.clips);
    await writeFile(shardPath(dir, key), JSON.stringify({ ...shard, clips: { [id]: { ...shard.clips[id], fromTheFuture: 42 } } }));
    const library = await Library.open(dir);
    t.after(() => library.close());
    for (const next of await shardKeys(dir)) {
      const migrated = await readShard(shardPath(dir, next));
      assert.equal(migrated.schemaVersion, SCHEMA_VERSION, 'stamped by each step up to the current version');
      for (const record of Object.values(migrated.clips)) assert.equal(clipRecordSchema.parse(record).readState, 'unread');
    }
    assert.equal((await readShard(shardPath(dir, key))).clips[id]?.['fromTheFuture' as keyof ClipRecord], 42);
    assert.equal(library.list({ readState: 'unread' }).total, library.list().total);
  });

  it('refuses a version 1 library one of whose shards is newer, changing no shard', async (t) => {
    const dir = await copyFixtureLibrary(t, 1);
    const [key = ''] = await shardKeys(dir);
    await writeFile(shardPath(dir, key), JSON.stringify({ schemaVersion: 3, clips: {} }));
    const before = await fileDigests(join(dir, 'clips'));
    await assert.rejects(Library.open(dir), { code: 'NEWER_LIBRARY' });
    assert.deepEqual(await fileDigests(join(dir, 'clips')), before);
  });
});

describe('the step to version 3 (gzipped texts)', () => {
  it('gzips every text of a version 2 library in place of the plain file, with the same bytes inside', async (t) => {
    const dir = await copyFixtureLibrary(t, 2);
    const plain = await fileContents(join(dir, 'bodies'));
    await migrate(dir, 2, MIGRATIONS, 3);
    const after = await fileContents(join(dir, 'bodies'));
    assert.deepEqual([...after.keys()], [...plain.keys()].map((name) => `${name}.gz`));
    for (const [name, bytes] of plain) assert.deepEqual(gunzipSync(after.get(`${name}.gz`) ?? Buffer.alloc(0)), bytes, name);
    for (const key of await shardKeys(dir)) assert.equal((await readShard(shardPath(dir, key))).schemaVersion, 3);
  });

  it('finishes a step cut short: a text gzipped with its plain file still there, and one not reached', async (t) => {
    const dir = await copyFixtureLibrary(t, 2);
    const [first = '', second = ''] = [...(await fileContents(join(dir, 'bodies'))).keys()];
    await writeFile(join(dir, 'bodies', `${first}.gz`), gzipSync(await readFile(join(dir, 'bodies', first))));
    // A crash while writing leaves only a temp file beside the plain one, never a torn .gz.
    await writeFile(join(dir, 'bodies', `${second}.gz.123.abcdef.tmp`), 'torn');
    await migrate(dir, 2, MIGRATIONS, 3);
    const names = [...(await fileContents(join(dir, 'bodies'))).keys()];
    assert.deepEqual(names.filter((name) => name.endsWith('.json')), []);
    const library = await Library.open(dir);
    t.after(() => library.close());
    for (const { clip } of await expectedClips(2)) assert.deepEqual(await library.get(clip.id), upgraded(clip, 2));
  });

  it('still reads a plain text met in a version 3 library (copied in by hand, or from an unzipped backup)', async (t) => {
    const dir = await copyFixtureLibrary(t, 3);
    const [name = ''] = [...(await fileContents(join(dir, 'bodies'))).keys()];
    await writeFile(join(dir, 'bodies', name.replace(/\.gz$/, '')), gunzipSync(await readFile(join(dir, 'bodies', name))));
    await rm(join(dir, 'bodies', name));
    const store = await ClipStore.open(dir);
    const [id = '', hash = ''] = name.split('.');
    assert.equal(store.texts.readText(id, hash), (await store.texts.readBody(id, hash)).text);
    assert.match(store.texts.readText(id, hash), /\S/);
  });
});

describe('the step to version 4 (records without their defaults)', () => {
  it('leaves out of each record the fields at their defaults, keeps a highlight\'s empty note and fields it does not know', async (t) => {
    const dir = await copyFixtureLibrary(t, 3);
    const path = shardPath(dir, 'b05');
    const shard = await readShard(path);
    const [id = ''] = Object.keys(shard.clips);
    await writeFile(path, JSON.stringify({ ...shard, clips: { [id]: { ...shard.clips[id], fromTheFuture: null } } }));
    const before = (await readFile(path)).length;
    const library = await Library.open(dir);
    t.after(() => library.close());
    const record: Record<string, unknown> = (await readShard(path)).clips[id] ?? {};
    // Gone: byline, source, publishedAt, publishedText (null), note (''), starred (false), pending, deletedAt, stamps ({}).
    const kept = ['id', 'url', 'canonicalUrl', 'title', 'language', 'excerpt', 'wordCount', 'clippedAt', 'updatedAt', 'tags', 'readState',
      'contentHash', 'revisions', 'annotations', 'fromTheFuture'];
    assert.deepEqual(Object.keys(record), kept);
    assert.equal((await library.get(id))?.annotations[0]?.note, '');
    assert.match(JSON.stringify(record.annotations), /"note":""/);
    assert.ok((await readFile(path)).length < before * 0.95);
  });
});

describe('the step to version 6 (texts in one file)', () => {
  it('moves every text of a version 5 library into bodies.sqlite, the same bytes, and removes bodies/', async (t) => {
    const dir = await copyFixtureLibrary(t, 5);
    const files = await fileContents(join(dir, 'bodies'));
    const library = await Library.open(dir);
    t.after(() => library.close());
    await assert.rejects(readdir(join(dir, 'bodies')), { code: 'ENOENT' });
    const rows = BodyDb.open(dir);
    t.after(() => rows.close());
    assert.equal(rows.keys().length, files.size);
    for (const [name, bytes] of files) {
      const [id = '', hash = ''] = name.split('.');
      assert.deepEqual(rows.get(id, hash), bytes, name);
    }
    for (const key of await shardKeys(dir)) assert.equal((await readShard(shardPath(dir, key))).schemaVersion, 6);
  });

  it('finishes a step cut short: a text moved with its file still there, one not reached, a killed writer\'s temp file', async (t) => {
    const dir = await copyFixtureLibrary(t, 5);
    const files = await fileContents(join(dir, 'bodies'));
    const [moved = ''] = [...files.keys()];
    const rows = BodyDb.open(dir);
    const [id = '', hash = ''] = moved.split('.');
    rows.put([{ id, contentHash: hash, savedAt: 0, bytes: files.get(moved) ?? Buffer.alloc(0) }]);
    rows.close();
    await writeFile(join(dir, 'bodies', `${moved}.123.abcdef.tmp`), 'torn');
    const library = await Library.open(dir);
    t.after(() => library.close());
    await assert.rejects(readdir(join(dir, 'bodies')), { code: 'ENOENT' });
    for (const { clip, revisions } of await expectedClips(5)) {
      assert.deepEqual(await library.get(clip.id), clip);
      assert.deepEqual(await library.revisions(clip.id), revisions);
    }
  });
});

async function fileContents(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).filter((name) => !name.endsWith('.tmp')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}
