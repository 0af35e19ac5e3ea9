import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { connectCatalogDb, peekCatalogDb } from '../../electron/core/catalog/catalog-db.js';
import { IdleUpkeep, wantsWholeMerge } from '../../electron/core/catalog/idle-upkeep.js';
import { Statements } from '../../electron/core/catalog/statements.js';
import { Library } from '../../electron/core/library.js';
import { sampleText } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { waitFor } from '../helpers/wait-for.js';

/** The catalog's upkeep waits for a pause in its writes (idle-upkeep.ts): these read the file from a connection of their own. */

/** The full-text index's segments: each has its rows in FTS5's fts_idx table. */
function segments(dir: string): number {
  const count = peekCatalogDb(join(dir, 'index.sqlite'), (db) => db.prepare('select count(distinct segid) from fts_idx').pluck().get());
  return (count as number | null) ?? -1;
}

function automerge(dir: string): unknown {
  return peekCatalogDb(join(dir, 'index.sqlite'), (db) => db.prepare("select v from fts_config where k = 'automerge'").pluck().get());
}

/** The catalog file's free pages (made by merging segments), its pages, and its size on disk. */
function filePages(dir: string): { free: number; pages: number; bytes: number } {
  const file = join(dir, 'index.sqlite');
  const counts = peekCatalogDb(file, (db) => ({
    free: db.pragma('freelist_count', { simple: true }) as number,
    pages: db.pragma('page_count', { simple: true }) as number,
  }));
  return { free: counts?.free ?? -1, pages: counts?.pages ?? -1, bytes: statSync(file).size };
}

/** Batches merge as they write: the eighth merges the segments of all eight, and leaves the merged ones' pages free. */
async function importBatches(library: Library): Promise<void> {
  for (let batch = 0; batch < 8; batch++) {
    const inputs = Array.from({ length: 100 }, (_, n) => ({ kind: 'text' as const, text: sampleText(batch * 100 + n) }));
    assert.ok((await library.importMany(inputs)).every((result) => result.outcome === 'created'));
  }
}

/** The leaves of each of the index's segments (Statements.segmentLeaves), read through a connection of its own. */
function segmentLeaves(dir: string): number[] {
  const db = new Statements(connectCatalogDb(join(dir, 'index.sqlite')));
  try {
    return db.segmentLeaves();
  } finally {
    db.close();
  }
}

/** A text of 150 words, most found in no other: each adds its own terms to the index, as real articles' names and numbers do. */
function wordyText(n: number): string {
  return Array.from({ length: 150 }, (_, i) => `w${((n * 7919 + i * 104729) % 1000003).toString(36)}`).join(' ');
}

async function importOneByOne(library: Library, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await library.import({ kind: 'text', text: sampleText(n) });
}

test('edits leave segments and log for a pause, then the index is merged, the log copied back, the same clips found', async (t) => {
  const { dir, library } = await tempLibrary(t);
  t.after(() => library.close());
  await importOneByOne(library, 10);
  // Each write added a segment, and none was merged during the writes.
  assert.ok(segments(dir) >= 10, `${segments(dir)} segments after 10 writes`);
  const file = join(dir, 'index.sqlite');
  const writtenAt = statSync(file).mtimeMs;
  assert.ok(await waitFor(() => segments(dir) <= 2, 5000), `${segments(dir)} segments a while after the last write`);
  // The checkpoint writes the logged pages into the file; the writes themselves only appended to the log.
  assert.ok(await waitFor(() => statSync(file).mtimeMs > writtenAt, 2000), 'the file was written after the pause');
  assert.equal((await library.search('harbour')).total, 10);
});

test('small writes in a row merge nothing but what FTS5 must (16 newest segments into one), and leave its setting as it was', async (t) => {
  const { dir, library } = await tempLibrary(t);
  t.after(() => library.close());
  const counts = [segments(dir)];
  for (let n = 0; n < 80; n++) {
    await library.import({ kind: 'text', text: sampleText(n) });
    counts.push(segments(dir));
  }
  // A 16th segment on the newest level merges that level into one. FTS5 merging as it wrote instead merged
  // every level at once somewhere past the 60th write (18 segments -> 1).
  counts.slice(1).forEach((count, i) => {
    const before = counts[i]!;
    assert.ok(count === before + 1 || (before >= 15 && count === before - 14), `write ${i + 1}: ${before} -> ${count} segments`);
  });
  // The rebuild worker and older versions of Clipdesk find FTS5's own setting in the file.
  assert.equal(automerge(dir), 4);
});

test('while another connection holds the write lock, the upkeep waits for it without stalling the process', async (t) => {
  const { dir, library } = await tempLibrary(t);
  t.after(() => library.close());
  await importOneByOne(library, 6);
  const other = connectCatalogDb(join(dir, 'index.sqlite'));
  other.exec('begin immediate');
  let longestStall = 0;
  const ticks = setInterval(((last) => () => {
    longestStall = Math.max(longestStall, Date.now() - last);
    last = Date.now();
  })(Date.now()), 20);
  await sleep(2500);
  clearInterval(ticks);
  assert.ok(segments(dir) >= 6, 'nothing merged while the lock was held');
  assert.ok(longestStall < 500, `the event loop stalled ${longestStall} ms`);
  other.exec('commit');
  other.close();
  // A merge that met the lock is tried again after another pause.
  assert.ok(await waitFor(() => segments(dir) <= 2, 5000), `${segments(dir)} segments after the lock was released`);
});

test('after 256 small writes with no pause, writes merge as they go again until a pause has merged what was put off', async (t) => {
  const { dir, library } = await tempLibrary(t);
  library.close();
  const db = new Statements(connectCatalogDb(join(dir, 'index.sqlite')));
  const upkeep = new IdleUpkeep(db);
  t.after(() => {
    upkeep.close();
    db.close();
  });
  assert.equal(upkeep.mergesAsItWrites(64), true, "an import's batch");
  for (let n = 0; n < 256; n++) {
    assert.equal(upkeep.mergesAsItWrites(1), false, `small write ${n + 1}`);
    upkeep.written(false);
  }
  assert.equal(upkeep.mergesAsItWrites(1), true);
  assert.ok(await waitFor(() => !upkeep.mergesAsItWrites(1), 5000), 'the pause merged what was put off');
});

test('the pages merging freed are given back to the file system once writes pause, and the file shrinks', async (t) => {
  const { dir, library } = await tempLibrary(t);
  t.after(() => library.close());
  await importBatches(library);
  const written = filePages(dir);
  assert.ok(written.free > 0, 'merging left free pages');
  assert.ok(await waitFor(() => filePages(dir).free === 0, 5000), `${filePages(dir).free} free pages a while after the last write`);
  const rested = filePages(dir);
  assert.equal(rested.bytes, rested.pages * 1024, 'the log was copied into the file, which holds only its pages');
  assert.ok(rested.bytes < written.pages * 1024, `the file holds ${rested.pages} pages, against ${written.pages} with the free ones`);
  assert.equal((await library.search('harbour')).total, 800);
});

test('a catalog closed right after its writes gives its free pages back at the next open', async (t) => {
  const { dir, library } = await tempLibrary(t);
  await importBatches(library);
  await library.close();
  const closed = filePages(dir);
  assert.ok(closed.free > 0, 'closed with free pages');
  const reopened = await Library.open(dir);
  t.after(() => reopened.close());
  assert.ok(await waitFor(() => filePages(dir).free === 0, 5000), `${filePages(dir).free} free pages a while after opening`);
  assert.ok(filePages(dir).bytes < closed.bytes, 'the file shrank');
  assert.equal((await reopened.search('harbour')).total, 800);
});

test('a segment is worth merging into the others once they hold more than a twentieth of its leaves, and 64 leaves', () => {
  assert.equal(wantsWholeMerge([]), false);
  assert.equal(wantsWholeMerge([5000]), false, 'one segment');
  assert.equal(wantsWholeMerge([4000, 200]), false, 'a twentieth, not more');
  assert.equal(wantsWholeMerge([4000, 120, 81]), true);
  assert.equal(wantsWholeMerge([100, 30, 30]), false, 'under 64 leaves besides the biggest');
});

test('a pause merges the index whole once its smaller segments hold a twentieth of its biggest: fewer leaves, same matches', async (t) => {
  const { dir, library } = await tempLibrary(t);
  t.after(() => library.close());
  for (let batch = 0; batch < 6; batch++) {
    const texts = Array.from({ length: 100 }, (_, n) => `${sampleText(n)} ${wordyText(batch * 100 + n)}`);
    const inputs = texts.map((text) => ({ kind: 'text' as const, text }));
    await library.importMany(inputs);
  }
  const written = segmentLeaves(dir);
  assert.ok(wantsWholeMerge(written), `segments of ${written.join(', ')} leaves`);
  assert.ok(await waitFor(() => segments(dir) === 1, 10_000), `${segments(dir)} segments a while after the last write`);
  const merged = segmentLeaves(dir);
  const sum = (leaves: number[]) => leaves.reduce((total, count) => total + count, 0);
  assert.ok(sum(merged) < sum(written), `${sum(merged)} leaves, against ${sum(written)} before`);
  assert.equal((await library.search('harbour')).total, 600);
  assert.equal((await library.search(wordyText(250).split(' ')[7]!)).total, 1);
});

test('writes between the steps of a whole merge add segments of their own, and the merge carries on to its end', async (t) => {
  const { dir, library } = await tempLibrary(t);
  for (let batch = 0; batch < 6; batch++) {
    await library.importMany(Array.from({ length: 100 }, (_, n) => ({ kind: 'text' as const, text: wordyText(batch * 100 + n) })));
  }
  library.close();
  const db = new Statements(connectCatalogDb(join(dir, 'index.sqlite')));
  t.after(() => db.close());
  const leaves = db.segmentLeaves().reduce((total, count) => total + count, 0);
  const insert = db.sql('insert into fts (rowid, text) values (?, ?)');
  let steps = 0;
  for (let pages = -8; db.mergeStep(pages); pages = 8) {
    if (++steps % 2 === 0) insert.run(1_000_000 + steps, wordyText(1_000_000 + steps));
    assert.ok(steps <= leaves / 8 + 4, `still merging after ${steps} steps of 8 leaves, for ${leaves} leaves`);
  }
  const writes = Math.floor(steps / 2);
  assert.ok(writes >= 4, `${writes} writes came during the merge`);
  assert.ok(segments(dir) <= 1 + writes, `${segments(dir)} segments: the merged one and the writes'`);
});
