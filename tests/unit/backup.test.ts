import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Unzipped } from 'fflate';
import { checkLibrary } from '../../electron/core/index.js';
import { Library } from '../../electron/core/library.js';
import { SCHEMA_VERSION } from '../../electron/core/store/schema.js';
import { FIXTURE_ROOT, expectedClips } from '../fixtures/libraries/fixture-library.js';
import { serveRoutes } from '../helpers/picture-server.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

const QUERIES = ['harbour', 'cranes ferries', 'tag:ports', 'is:archived', 'is:starred', 'after:2000-01-01 -tag:ports'];

const paragraphs = (words: string) =>
  Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} on the harbour: ${words}, at berth ${i}.</p>`).join('');

/**
 * A library with every kind of thing a backup must keep: a clip with a stored picture, a revision,
 * tags, a note, highlights and a star; an archived clip; a clip in the trash; a Chinese clip.
 */
async function fullLibrary(t: TestContext): Promise<{ library: Library; dir: string }> {
  const { library, dir } = await tempLibrary(t);
  const site = await serveRoutes(t, { '/crane.png': { type: 'image/png', body: TINY_IMAGES.png } });
  const page = (words: string) => `<html><head><title>Cranes arrive</title></head><body><article>${paragraphs(words)}` +
    '<img src="/crane.png" alt="crane"></article></body></html>';
  const url = `${site.url}/cranes`;
  const first = await library.import({ kind: 'html', html: page('new cranes unloaded'), url, tags: ['ports'] });
  assert.equal(first.pictures.kept, 1);
  const again = await library.import({ kind: 'html', html: page('new cranes commissioned and ferries delayed'), url });
  assert.equal(again.outcome, 'updated');
  const cranes = first.clip.id;
  await library.update(cranes, { note: 'Follow up with the port.', starred: true, readState: 'read' });
  await library.annotate(cranes, { quote: 'ferries delayed', note: 'why?', color: 'pink' });
  await library.annotate(cranes, { quote: 'commissioned' });
  const archived = (await library.import({ kind: 'text', text: 'Ferry times\n\nThe ferries to the harbour run hourly.' })).clip.id;
  await library.update(archived, { readState: 'archived' });
  await library.addTags(archived, ['ports', '港口']);
  const trashed = (await library.import({ kind: 'text', text: 'Old memo\n\nThe harbour memo nobody needs.' })).clip.id;
  await library.trash(trashed);
  await library.import({ kind: 'text', text: '港口扩建\n\n新码头今天早上启用。', tags: ['港口'] });
  return { library, dir };
}

/** Everything a person sees of a library: each clip and its revisions, the lists, the tags and search results. */
async function everything(library: Library) {
  const listed = library.list({ limit: 1000 });
  const trash = library.list({ limit: 1000, trashed: true });
  const clips = await Promise.all([...listed.clips, ...trash.clips].map(async ({ id }) => ({
    clip: await library.get(id), revisions: await library.revisions(id),
  })));
  const searches = await Promise.all(QUERIES.map(async (query) => {
    const found = await library.search(query, { limit: 100 });
    return { query, total: found.total, hits: found.hits.map((hit) => ({ id: hit.clip.id, score: hit.score, snippet: hit.snippet })) };
  }));
  return { listed, trash, clips, tags: library.tags(), searches };
}

/**
 * The full library backed up, and then opened again with its catalog rebuilt, as a restored one's is:
 * BM25 weighs words by statistics a rebuilt full-text index counts afresh, so only then are scores equal.
 */
async function backupOf(t: TestContext): Promise<{ library: Library; file: string; bytes: Uint8Array }> {
  const { library: original, dir } = await fullLibrary(t);
  const file = join(await tempDir(t, 'clipdesk-backup-'), 'library.zip');
  await original.exports.backup(file);
  original.close();
  const library = await Library.open(dir, { rebuildCatalog: true });
  t.after(() => library.close());
  return { library, file, bytes: new Uint8Array(await readFile(file)) };
}

/** Restores into a folder that does not exist yet; closes the library with the test. */
async function restored(t: TestContext, archive: string | Uint8Array): Promise<{ library: Library; dir: string }> {
  const dir = join(await tempDir(t, 'clipdesk-restore-'), 'library');
  const { library } = await Library.restoreBackup(archive, dir);
  t.after(() => library.close());
  return { library, dir };
}

/** Asserts the restore failed as `message` says and left the folder as it found it: empty, or not there. */
async function refused(t: TestContext, archive: Uint8Array, message: RegExp, code = 'BAD_INPUT'): Promise<void> {
  const parent = await tempDir(t, 'clipdesk-restore-');
  const empty = join(parent, 'empty');
  await mkdir(empty);
  await assert.rejects(Library.restoreBackup(archive, empty), (error: Error & { code: string }) =>
    error.code === code && message.test(error.message) && /nothing was restored/.test(error.message));
  assert.deepEqual(await readdir(empty), [], 'nothing is left in a folder that was empty');
  await assert.rejects(Library.restoreBackup(archive, join(parent, 'new')), message);
  assert.deepEqual((await readdir(parent)).sort(), ['empty'], 'a folder the restore would have made is not made');
}

function rezipped(bytes: Uint8Array, change: (files: Unzipped) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

describe('the backup archive', () => {
  it('holds the library\'s own files and a manifest with the versions and counts, and not the catalog or backups', async (t) => {
    const { file, bytes } = await backupOf(t);
    const files = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(files['clipdesk-backup.json'] ?? new Uint8Array()));
    assert.equal(manifest.format, 'clipdesk-backup');
    assert.equal(manifest.backupVersion, 1);
    assert.equal(manifest.schemaVersion, SCHEMA_VERSION);
    assert.ok(Math.abs(Date.parse(manifest.createdAt) - Date.now()) < 60_000);
    const names = Object.keys(files);
    const count = (pattern: RegExp) => names.filter((name) => pattern.test(name)).length;
    assert.deepEqual(manifest.counts, {
      shards: count(/^clips\/[0-9a-f]{3}\.json$/), clips: 4, trashed: 1, bodies: 5, pictures: 1,
    });
    assert.equal(count(/^bodies\//), 5, 'four current texts and one revision');
    assert.equal(count(/^pictures\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/), 1);
    assert.ok(names.includes('library.json'));
    assert.deepEqual(names.filter((name) => !/^(clips|bodies|pictures)\/|^library\.json$|^clipdesk-backup\.json$/.test(name)), []);
    assert.deepEqual((await readdir(join(file, '..'))), ['library.zip'], 'no temp file left beside it');
  });

  it('restores into an empty folder a library identical in every clip, revision, tag, list and search, that checks clean', async (t) => {
    const { library, file } = await backupOf(t);
    const { library: copy, dir } = await restored(t, file);
    const [before, after] = [await everything(library), await everything(copy)];
    assert.equal(after.clips.length, 4);
    assert.ok(after.clips.some(({ revisions }) => revisions.length === 1));
    assert.ok(after.searches.every(({ total }) => total > 0), 'every query finds something');
    assert.deepEqual(after, before);
    assert.deepEqual((await checkLibrary(dir)).problems, []);
    const shown = after.clips.map(({ clip }) => /data-picture="([^"]+)"/.exec(clip.content)?.[1]).find(Boolean);
    const picture = await copy.pictures.picture(shown ?? '');
    assert.deepEqual(new Uint8Array(picture?.bytes ?? []), TINY_IMAGES.png);
  });

  it('restores from the archive\'s bytes as from its file', async (t) => {
    const { library, bytes } = await backupOf(t);
    const { library: copy } = await restored(t, bytes);
    assert.deepEqual(await everything(copy), await everything(library));
  });

  it('unzipped by hand, is a library folder that opens with every text (moved into bodies.sqlite)', async (t) => {
    const { library, bytes } = await backupOf(t);
    const dir = await tempDir(t, 'clipdesk-unzipped-');
    for (const [name, content] of Object.entries(unzipSync(bytes))) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), content);
    }
    const copy = await Library.open(dir);
    t.after(() => copy.close());
    assert.deepEqual(await everything(copy), await everything(library));
    await assert.rejects(readdir(join(dir, 'bodies')), { code: 'ENOENT' });
  });

  it('is the file the window saves too, whatever clips it was asked for, and restores the same', async (t) => {
    const { library } = await backupOf(t);
    const file = await library.exports.exportAs('backup', { kind: 'search', query: 'ferries' });
    assert.equal(file.type, 'application/zip');
    assert.match(file.name, /^clipdesk-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const { library: copy } = await restored(t, file.bytes);
    assert.deepEqual(await everything(copy), await everything(library));
  });

  it('refuses a folder that is not empty, and leaves it alone', async (t) => {
    const { bytes } = await backupOf(t);
    const dir = await tempDir(t, 'clipdesk-restore-');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await assert.rejects(Library.restoreBackup(bytes, dir), { code: 'BAD_INPUT', message: new RegExp(`${dir} is not empty`) });
    assert.deepEqual(await readdir(dir), ['notes.txt']);
  });

  it('refuses a truncated archive with a clear error and writes nothing', async (t) => {
    const { bytes } = await backupOf(t);
    await refused(t, bytes.subarray(0, bytes.length - 40), /zip archive is damaged or incomplete: its end is missing/);
    await refused(t, bytes.subarray(0, bytes.length / 2), /damaged or incomplete/);
    await refused(t, new Uint8Array(), /damaged or incomplete/);
  });

  it('refuses an archive with a changed byte, a changed text or a foreign file, and writes nothing', async (t) => {
    const { bytes } = await backupOf(t);
    // The picture is stored as it is, and comes after the texts: the restore has written those when it finds the damage.
    const at = Buffer.from(bytes).indexOf(Buffer.from(TINY_IMAGES.png));
    assert.ok(at > 0);
    const flipped = new Uint8Array(bytes);
    flipped[at + 20] = (flipped[at + 20] ?? 0) ^ 0xff;
    await refused(t, flipped, /pictures\/.+ does not match its checksum/);
    const edited = rezipped(bytes, (files) => {
      const name = Object.keys(files).find((member) => member.startsWith('bodies/')) ?? '';
      const body = JSON.parse(strFromU8(files[name] ?? new Uint8Array()));
      files[name] = strToU8(JSON.stringify({ ...body, text: `${body.text} (edited)` }));
    });
    await refused(t, edited, /bodies\/.+ is not the text it is filed as/);
    await refused(t, rezipped(bytes, (files) => void (files['../escape.txt'] = strToU8('x'))), /\.\.\/escape\.txt is not a file a Clipdesk backup/);
    const missing = rezipped(bytes, (files) => void delete files[Object.keys(files).find((name) => name.startsWith('bodies/')) ?? '']);
    await refused(t, missing, /it holds 4 bodies, its manifest says 5/);
    await refused(t, zipSync({ 'part_000000.csv': strToU8('title,url\n') }), /not a Clipdesk backup: the archive has no clipdesk-backup\.json/);
  });

  it('refuses a backup of a newer library or a newer backup format, saying to update', async (t) => {
    const { bytes } = await backupOf(t);
    const withManifest = (change: Record<string, unknown>) => rezipped(bytes, (files) => {
      const manifest = JSON.parse(strFromU8(files['clipdesk-backup.json'] ?? new Uint8Array()));
      files['clipdesk-backup.json'] = strToU8(JSON.stringify({ ...manifest, ...change }));
    });
    await refused(t, withManifest({ schemaVersion: 99 }), /library version 99.*update Clipdesk/, 'NEWER_LIBRARY');
    await refused(t, withManifest({ backupVersion: 2 }), /newer Clipdesk \(backup format 2.*update Clipdesk/, 'NEWER_LIBRARY');
  });

  it('restores a backup of a version 1 library as it was, and the library migrates as it opens', async (t) => {
    const archive = await archiveOfFolder(join(FIXTURE_ROOT, 'v1', 'library'), 1);
    const { library, dir } = await restored(t, archive);
    for (const { clip, revisions } of await expectedClips(1)) {
      assert.deepEqual(await library.get(clip.id), { ...clip, readState: 'unread', pending: null });
      assert.deepEqual(await library.revisions(clip.id), revisions);
    }
    assert.equal(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).schemaVersion, SCHEMA_VERSION);
    assert.ok((await stat(join(dir, 'backups'))).isDirectory(), 'the migration kept its copy of the version 1 files');
  });
});

/** A backup archive of a library folder as it is on disk, made the way an older Clipdesk would have. */
async function archiveOfFolder(dir: string, schemaVersion: number): Promise<Uint8Array> {
  const files: Unzipped = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path.slice(dir.length + 1)] = new Uint8Array(await readFile(path));
  }
  const shards = Object.entries(files).filter(([name]) => name.startsWith('clips/'));
  const records = shards.flatMap(([, bytes]) => Object.values(JSON.parse(strFromU8(bytes)).clips) as Array<{ deletedAt: string | null }>);
  const counts = {
    shards: shards.length, clips: records.length, trashed: records.filter((record) => record.deletedAt).length,
    bodies: Object.keys(files).filter((name) => name.startsWith('bodies/')).length, pictures: 0,
  };
  const manifest = { format: 'clipdesk-backup', backupVersion: 1, schemaVersion, createdAt: '2026-01-01T00:00:00Z', counts };
  files['clipdesk-backup.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}
