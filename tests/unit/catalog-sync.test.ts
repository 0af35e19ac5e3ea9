import assert from 'node:assert/strict';
import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { catalogFileId, connectCatalogDb, peekCatalogDb } from '../../electron/core/catalog/catalog-db.js';
import { Library } from '../../electron/core/library.js';
import { sampleText } from '../helpers/seed.js';
import { readShard, shardPathOf } from '../helpers/stored.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';

/** The catalog (index.sqlite) is derived: these tests change the store behind its back. */

test('a shard written without its catalog update (a crash between the two) is mirrored at the next open', async (t) => {
  const { dir, library } = await tempLibrary(t);
  const { clip } = await library.import({ kind: 'text', text: sampleText(1) });
  library.close();
  const shard = shardPathOf(dir, clip.id);
  const data = await readShard(shard);
  data.clips[clip.id]!.tags = ['written-behind'];
  await writeFile(shard, JSON.stringify(data));
  const reopened = await Library.open(dir);
  assert.equal(reopened.opened.catalogRepaired, 1);
  assert.deepEqual((await reopened.search('tag:written-behind')).hits.map((hit) => hit.clip.id), [clip.id]);
  reopened.close();
});

test('a one-shard library whose shard was replaced by one of the same size within a second is mirrored at the next open', async (t) => {
  // The store writes a shard by rename, so the file gets a new inode; with one shard, every shard then has a
  // new inode, as in a copied folder. The catalog file kept its own: the folder was not copied.
  const { dir, library } = await tempLibrary(t);
  const { clip } = await library.import({ kind: 'text', text: sampleText(1), tags: ['aaaa'] });
  library.close();
  const shard = shardPathOf(dir, clip.id);
  const data = await readShard(shard);
  data.clips[clip.id]!.tags = ['bbbb'];
  await writeFile(`${shard}.new`, JSON.stringify(data));
  await rename(`${shard}.new`, shard);
  const reopened = await Library.open(dir);
  t.after(() => reopened.close());
  assert.equal(reopened.opened.catalogRepaired, 1);
  assert.deepEqual((await reopened.search('tag:bbbb')).hits.map((hit) => hit.clip.id), [clip.id]);
});

test('a library copied whole, times kept, opens without mirroring its clips again, and a shard changed in the copy still is', async (t) => {
  const { dir, library } = await tempLibrary(t);
  const ids: string[] = [];
  for (let n = 0; n < 12; n++) ids.push((await library.import({ kind: 'text', text: sampleText(n) })).clip.id);
  // Closed before the copy: closing writes the catalog's last transactions from its log into the file.
  await library.close();
  // As cp -a, rsync -a or a restore leave it: every file new (a new inode), with the size and time it had.
  const copy = await tempDir(t);
  await cp(dir, copy, { recursive: true, preserveTimestamps: true });
  const moved = await Library.open(copy);
  assert.equal(moved.opened.catalogRepaired, 0);
  assert.equal((await moved.search('harbour')).total, 12);
  await moved.close();
  const again = await tempDir(t);
  await cp(dir, again, { recursive: true, preserveTimestamps: true });
  const changed = shardPathOf(again, ids[0]!);
  const data = await readShard(changed);
  data.clips[ids[0]!]!.tags = ['changed-in-the-copy'];
  await writeFile(changed, JSON.stringify(data));
  const edited = await Library.open(again);
  t.after(() => edited.close());
  assert.equal(edited.opened.catalogRepaired, Object.keys(data.clips).length);
  assert.deepEqual((await edited.search('tag:changed-in-the-copy')).hits.map((hit) => hit.clip.id), [ids[0]]);
});

test('a catalog made before it recorded its own file is kept, not rebuilt, and records it at open', async (t) => {
  const { dir, library } = await tempLibrary(t);
  await library.import({ kind: 'text', text: sampleText(1) });
  library.close();
  const path = join(dir, 'index.sqlite');
  const older = connectCatalogDb(path);
  older.exec('drop table catalog_file');
  older.close();
  const reopened = await Library.open(dir);
  t.after(() => reopened.close());
  assert.equal(reopened.opened.catalogRebuilt, false);
  assert.equal(reopened.opened.catalogRepaired, 0);
  assert.equal((await reopened.search('harbour')).total, 1);
  assert.equal(peekCatalogDb(path, (db) => db.prepare('select id from catalog_file').pluck().get()), catalogFileId(path));
});

test('a missing catalog is rebuilt from the store, and clips gone from the store are reported', async (t) => {
  const { dir, library } = await tempLibrary(t);
  const kept = (await library.import({ kind: 'text', text: sampleText(1) })).clip;
  library.close();
  await rm(join(dir, 'index.sqlite'));
  const rebuilt = await Library.open(dir);
  assert.equal(rebuilt.opened.catalogRebuilt, true);
  assert.deepEqual((await rebuilt.search('harbour')).hits.map((hit) => hit.clip.id), [kept.id]);
  rebuilt.close();
  await rm(shardPathOf(dir, kept.id));
  await rm(join(dir, 'backups'), { recursive: true, force: true });
  const after = await Library.open(dir);
  assert.deepEqual(after.opened.lostClips.map((clip) => clip.id), [kept.id]);
  assert.equal(after.list().total, 0);
  after.close();
});

test('a damaged catalog file is replaced and rebuilt', async (t) => {
  const { dir, library } = await tempLibrary(t);
  await library.import({ kind: 'text', text: sampleText(1) });
  library.close();
  await writeFile(join(dir, 'index.sqlite'), 'not a database at all');
  await rm(join(dir, 'index.sqlite-wal'), { force: true });
  const reopened = await Library.open(dir);
  assert.equal(reopened.opened.catalogRebuilt, true);
  assert.equal(reopened.list().total, 1);
  reopened.close();
});

test('clips emptied from the trash with the catalog left behind (a crash between the two) are not reported lost', async (t) => {
  const { dir, library } = await tempLibrary(t);
  const trashed = (await library.import({ kind: 'text', text: sampleText(1) })).clip;
  const kept = (await library.import({ kind: 'text', text: sampleText(2) })).clip;
  await library.trash(trashed.id);
  library.close();
  const shard = shardPathOf(dir, trashed.id);
  const data = await readShard(shard);
  delete data.clips[trashed.id];
  await writeFile(shard, JSON.stringify(data));
  const reopened = await Library.open(dir);
  t.after(() => reopened.close());
  assert.deepEqual(reopened.opened.lostClips, []);
  assert.deepEqual(reopened.notices(), []);
  assert.deepEqual(reopened.list({ trashed: true }).total, 0);
  assert.deepEqual(reopened.list().clips.map((clip) => clip.id), [kept.id]);
});

test('the catalog lists and finds a clip with every field the store has, those kept in its clip row included', async (t) => {
  const { library } = await tempLibrary(t);
  const { clip } = await library.import({ kind: 'text', text: sampleText(1), tags: ['Trade', 'asia'] });
  const updated = await library.update(clip.id, { starred: true, readState: 'read', note: 'a note' });
  const full: Record<string, unknown> = { ...(await library.get(clip.id)) };
  const stored = Object.fromEntries(Object.keys(updated).map((key) => [key, full[key]]));
  assert.deepEqual(updated, stored);
  assert.deepEqual(library.list().clips, [stored]);
  assert.deepEqual((await library.search('tag:trade')).hits.map((hit) => hit.clip), [stored]);
  assert.equal(stored.starred, true);
  assert.equal(stored.readState, 'read');
});
