import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import type BetterSqlite3 from 'better-sqlite3';
import { openCatalog } from '../../electron/core/catalog/catalog-sync.js';
import { Library } from '../../electron/core/library.js';
import { ClipStore } from '../../electron/core/store/clip-store.js';
import { libraryWithDamagedCatalog } from '../helpers/damaged-catalog.js';
import { readShard, shardPathOf } from '../helpers/stored.js';
import type { TestScope } from '../helpers/cleanup-scope.js';

/** A rebuild in the background: paused after each batch so these few clips take long enough to watch. */
const CLIPS = 60;
const BACKGROUND = { rebuildInBackground: true, rebuildPauseMs: 150 };

async function openInBackground(t: TestScope, dir: string): Promise<Library> {
  const library = await Library.open(dir, BACKGROUND);
  t.after(() => library.close());
  return library;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

/** Everything the catalog holds about each clip, by id (row numbers differ from one rebuild to the next). */
function catalogRows(dir: string): unknown {
  const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const db = new Driver(join(dir, 'index.sqlite'), { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all();
    return {
      clips: rows(`select c.id, c.same_key, c.trashed, c.starred, c.annotated, c.read_state, c.clipped_at, c.published_at, c.day,
        c.title_key, c.source, s.summary from clip c join clip_summary s using (n) order by c.id`),
      tags: rows('select c.id, t.tag_key, t.name from clip_tag t join clip c using (n) order by c.id, t.tag_key'),
      pictures: rows('select c.id, p.name from picture_use p join clip c using (n) order by c.id, p.name'),
      shards: rows('select key, stamp from shard order by key'),
      version: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

async function searchIds(library: Library, query: string): Promise<string[]> {
  return (await library.search(query, { limit: 1000 })).hits.map((hit) => hit.clip.id).sort();
}

test('a library whose catalog is damaged opens before the rebuild ends, and lists every clip once they are listed', async (t) => {
  const { dir, ids } = await libraryWithDamagedCatalog(t, CLIPS);
  const library = await openInBackground(t, dir);
  assert.equal(library.opened.catalogRebuilt, true);
  assert.equal(library.catalogStatus().rebuilding, true);
  assert.ok(library.list().total <= CLIPS, 'the list answers from what is rebuilt so far');
  await until(() => !library.catalogStatus().listing);
  assert.equal(library.catalogStatus().rebuilding, true);
  assert.equal(library.list({ limit: 1000 }).total, CLIPS);
  assert.deepEqual(library.list({ limit: 1000 }).clips.map((clip) => clip.id).sort(), [...ids].sort());
  await library.catalogReady();
  assert.deepEqual(library.catalogStatus(), { rebuilding: false, listing: false, indexed: CLIPS, total: CLIPS });
  assert.deepEqual(await searchIds(library, 'inspectors'), [...ids].sort());
});

test('an edit made while the catalog is rebuilt lands, and the result equals a catalog rebuilt from scratch', async (t) => {
  const { dir, ids } = await libraryWithDamagedCatalog(t, CLIPS);
  const [edited = '', behind = ''] = ids;
  const library = await openInBackground(t, dir);
  await library.addTags(edited, ['during-rebuild']);
  await library.update(edited, { note: 'written while the index was rebuilt' });
  // Another process's write whose catalog update the worker then overwrote looks like this: a shard
  // newer than what the catalog holds. The end of the rebuild must mirror it again.
  await until(() => library.catalogStatus().indexed > 0 && !library.catalogStatus().listing);
  const shard = await readShard(shardPathOf(dir, behind));
  shard.clips[behind]!.tags = ['written-behind'];
  await writeFile(shardPathOf(dir, behind), JSON.stringify(shard));
  await library.catalogReady();
  assert.deepEqual(await searchIds(library, 'tag:during-rebuild'), [edited]);
  assert.deepEqual(await searchIds(library, 'index rebuilt'), [edited]);
  assert.deepEqual(await searchIds(library, 'tag:written-behind'), [behind]);
  const background = catalogRows(dir);
  await library.close();

  const scratch = await Library.open(dir, { rebuildCatalog: true });
  await scratch.close();
  assert.deepEqual(background, catalogRows(dir));
});

test('a rebuild cut short (the app closed mid-way) is started again at the next open', async (t) => {
  const { dir } = await libraryWithDamagedCatalog(t, CLIPS);
  const library = await Library.open(dir, BACKGROUND);
  await until(() => library.list().total > 0);
  await library.close();
  const reopened = await Library.open(dir);
  t.after(() => reopened.close());
  assert.equal(reopened.opened.catalogRebuilt, true);
  assert.equal(reopened.list({ limit: 1000 }).total, CLIPS);
  assert.equal((await reopened.search('inspectors', { limit: 1000 })).total, CLIPS);
});

test('a rebuild the CLI waits for reports its progress, listing first and then indexing', async (t) => {
  const { dir } = await libraryWithDamagedCatalog(t, CLIPS);
  const seen: string[] = [];
  const library = await Library.open(dir, { onRebuildProgress: ({ listing, done, total }) => seen.push(`${listing}:${done}/${total}`) });
  t.after(() => library.close());
  assert.deepEqual(library.catalogStatus().rebuilding, false);
  assert.equal(seen.at(-1), `false:${CLIPS}/${CLIPS}`);
  assert.ok(seen.includes(`true:${CLIPS}/0`), seen.join(' '));
});

test('the background rebuild runs in its worker thread, not on the main thread after the worker failed', async (t) => {
  const { dir, ids } = await libraryWithDamagedCatalog(t, CLIPS);
  const store = await ClipStore.open(dir);
  const { catalog, background } = await openCatalog(store, { background: true });
  t.after(() => catalog.close());
  await background?.finished;
  assert.equal(background?.filledInWorker, true);
  assert.equal(catalog.size, ids.length);
});
