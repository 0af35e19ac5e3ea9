import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { connectCatalogDb, peekCatalogDb } from '../../electron/core/catalog/catalog-db.js';
import { Library } from '../../electron/core/library.js';
import { sampleText } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { waitFor } from '../helpers/wait-for.js';

/** The full-text index's leaves are rows of fts_data, sized to fill the catalog's pages (catalog-db.ts LEAF_BYTES). */

function leafSize(dir: string): unknown {
  return peekCatalogDb(join(dir, 'index.sqlite'), (db) => db.prepare("select v from fts_config where k = 'pgsz'").pluck().get());
}

/** The bytes of the pages holding the index's leaves, and how many of them hold nothing (SQLite's dbstat). */
function leafPages(dir: string): { bytes: number; unused: number } {
  const sql = "select sum(pgsize) as bytes, sum(unused) as unused from dbstat where name = 'fts_data'";
  const pages = peekCatalogDb(join(dir, 'index.sqlite'), (db) => db.prepare(sql).get() as { bytes: number; unused: number });
  return pages ?? { bytes: 0, unused: 0 };
}

/** Clips whose words differ from clip to clip, so the index grows many full leaves. */
function variedText(n: number): string {
  const words = Array.from({ length: 60 }, (_, i) => `w${((n * 7919 + i * 104_729) % 50_000).toString(36)}`);
  return `${sampleText(n)}\n\n${words.join(' ')}.`;
}

test('the index\'s leaves fill the pages they are stored on: under 1% of those pages\' bytes unused', async (t) => {
  const { dir, library } = await tempLibrary(t);
  t.after(() => library.close());
  for (let batch = 0; batch < 4; batch++) {
    const inputs = Array.from({ length: 250 }, (_, n) => ({ kind: 'text' as const, text: variedText(batch * 250 + n) }));
    assert.ok((await library.importMany(inputs)).every((result) => result.outcome === 'created'));
  }
  const free = (): unknown => peekCatalogDb(join(dir, 'index.sqlite'), (db) => db.pragma('freelist_count', { simple: true }));
  assert.ok(await waitFor(() => free() === 0, 5000), 'the catalog came to rest');
  const { bytes, unused } = leafPages(dir);
  assert.ok(bytes > 200 * 1024, `the index's leaves take ${bytes} bytes: enough of them to measure`);
  assert.ok(unused < bytes / 100, `${unused} of the leaves' ${bytes} bytes unused`);
});

test('a catalog made with FTS5\'s own leaf size takes the fitted one at its next open', async (t) => {
  const { dir, library } = await tempLibrary(t);
  await library.import({ kind: 'text', text: sampleText(1) });
  await library.close();
  const fitted = leafSize(dir);
  const db = connectCatalogDb(join(dir, 'index.sqlite'));
  db.exec("insert into fts (fts, rank) values ('pgsz', 4050)");
  db.close();
  assert.equal(leafSize(dir), 4050, 'the catalog has FTS5\'s default, as before the setting');
  const reopened = await Library.open(dir);
  t.after(() => reopened.close());
  assert.equal(leafSize(dir), fitted);
  assert.equal((await reopened.search('harbour')).total, 1);
});
