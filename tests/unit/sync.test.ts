import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Library } from '../../electron/core/library.js';
import { keptPictures } from '../../electron/shared/content-pictures.js';
import { html, serveRoutes } from '../helpers/picture-server.js';
import { DATABASE, everything, syncPair } from '../helpers/sync-pair.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';
import type { SyncPair } from '../helpers/sync-pair.js';

// Two real libraries syncing through a real CouchDB-protocol server: every merge rule of sync, each
// ending with both libraries equal field by field.

const ARTICLE = 'Harbour reopens after the storm. 港口在风暴后重新开放。Ships queue at the pier while crews clear the channel.';

async function clipOn(library: Library, text = ARTICLE, tags: string[] = []): Promise<string> {
  const { clip } = await library.import({ kind: 'text', text, tags });
  return clip.id;
}

async function assertSame(pair: SyncPair): Promise<void> {
  await pair.settle();
  assert.deepEqual(await everything(pair.desktop), await everything(pair.laptop));
}

test('a clip with its text, tags and highlight reaches the other machine whole', async (t) => {
  const pair = await syncPair(t);
  const id = await clipOn(pair.laptop, ARTICLE, ['ports']);
  await pair.laptop.annotate(id, { quote: '港口在风暴后重新开放', note: 'key line' });
  await assertSame(pair);
  const copy = await pair.desktop.get(id);
  assert.equal(copy.text, ARTICLE);
  assert.deepEqual(copy.tags, ['ports']);
  assert.equal(copy.annotations[0]?.note, 'key line');
  assert.equal((await pair.desktop.search('风暴')).total, 1, 'what came in is in the search index');
});

/** A clip both machines have, in step. */
async function sharedClip(pair: SyncPair, tags: string[] = []): Promise<string> {
  const id = await clipOn(pair.laptop, ARTICLE, tags);
  await pair.settle();
  return id;
}

const tick = () => new Promise((done) => setTimeout(done, 5));

test('a highlight added on each machine to the same clip: two documents, no conflict, both kept', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  await pair.laptop.annotate(id, { quote: 'Harbour reopens', note: 'from the laptop' });
  await pair.desktop.annotate(id, { quote: 'Ships queue', note: 'from the desktop' });
  await assertSame(pair);
  const notes = (await pair.laptop.get(id)).annotations.map((a) => a.note).sort();
  assert.deepEqual(notes, ['from the desktop', 'from the laptop']);
  const docs = await pair.server.allDocs('clipdesk');
  assert.equal(docs.filter((doc) => doc._id.startsWith(`ann:${id}:`)).length, 2);
  const clipDoc = await pair.server.getJson(`/clipdesk/clip:${id}?conflicts=true`) as { _conflicts?: string[] };
  assert.equal(clipDoc._conflicts, undefined, 'the clip document itself was never in conflict');
});

test('tags merge as sets: removed on one side and untouched on the other stays removed; added on both, both kept', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair, ['ports', 'weather']);
  await pair.laptop.removeTags(id, ['weather']);
  await pair.laptop.addTags(id, ['shipping']);
  await pair.desktop.addTags(id, ['storms']);
  await assertSame(pair);
  assert.deepEqual((await pair.desktop.get(id)).tags.sort(), ['ports', 'shipping', 'storms']);
});

test('different fields edited on each side both survive', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  await pair.laptop.update(id, { note: 'check the tonnage figures' });
  await pair.desktop.update(id, { starred: true, readState: 'read' });
  await assertSame(pair);
  const clip = await pair.laptop.get(id);
  assert.equal(clip.note, 'check the tonnage figures');
  assert.equal(clip.starred, true);
  assert.equal(clip.readState, 'read');
  assert.deepEqual(clip.history, [], 'nothing was replaced');
});

test('the same field edited on both: the later edit wins, the other value is kept in the clip history', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  await pair.laptop.update(id, { note: 'first thought' });
  await tick();
  await pair.desktop.update(id, { note: 'second thought' });
  await assertSame(pair);
  const clip = await pair.laptop.get(id);
  assert.equal(clip.note, 'second thought');
  assert.deepEqual(clip.history.map((entry) => [entry.part, entry.value]), [['note', { note: 'first thought' }]]);
});

test('an edit made on top of a synced edit replaces it without a history entry', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  await pair.laptop.update(id, { note: 'draft' });
  await pair.settle();
  await pair.desktop.update(id, { note: 'final' });
  await assertSame(pair);
  const clip = await pair.laptop.get(id);
  assert.equal(clip.note, 'final');
  assert.deepEqual(clip.history, []);
});

test('one highlight edited on both: the later edit wins, the other note goes to the history; deleted on one side, it goes', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  const kept = await pair.laptop.annotate(id, { quote: 'Harbour reopens' });
  const dropped = await pair.laptop.annotate(id, { quote: 'Ships queue' });
  await pair.settle();
  await pair.laptop.updateAnnotation(id, kept.id, { note: 'laptop' });
  await tick();
  await pair.desktop.updateAnnotation(id, kept.id, { note: 'desktop', color: 'green' });
  await pair.desktop.deleteAnnotation(id, dropped.id);
  await assertSame(pair);
  const { annotations, history } = await pair.laptop.get(id);
  assert.deepEqual(annotations.map((a) => [a.id, a.note, a.color]), [[kept.id, 'desktop', 'green']]);
  const lost = { quote: 'Harbour reopens', note: 'laptop', color: 'yellow' };
  assert.deepEqual(history.map((entry) => [entry.part, entry.value]), [['highlight', lost]]);
});

test('edit versus trash: the clip comes back from the trash with the edit', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  await pair.laptop.trash(id);
  await tick();
  await pair.desktop.update(id, { note: 'still needed for the brief' });
  await assertSame(pair);
  const clip = await pair.laptop.get(id);
  assert.equal(clip.deletedAt, null);
  assert.equal(clip.note, 'still needed for the brief');
});

test('trashed on one side and untouched on the other: trashed on both', async (t) => {
  const pair = await syncPair(t);
  const id = await sharedClip(pair);
  await pair.desktop.trash(id);
  await assertSame(pair);
  assert.notEqual((await pair.laptop.get(id)).deletedAt, null);
});

test('deleted for good on one side: gone on both, texts included; edited meanwhile on the other: it comes back', async (t) => {
  const pair = await syncPair(t);
  const gone = await sharedClip(pair);
  const edited = await clipOn(pair.laptop, 'A second article about the port authority budget and its dredging plans.');
  await pair.settle();
  await pair.laptop.trash(gone);
  await pair.laptop.trash(edited);
  await pair.laptop.emptyTrash();
  await pair.desktop.update(edited, { note: 'keep this one' });
  await assertSame(pair);
  await assert.rejects(pair.desktop.get(gone), { code: 'NOT_FOUND' });
  const back = await pair.laptop.get(edited);
  assert.equal(back.note, 'keep this one');
  assert.match(back.text, /dredging/);
  const docs = await pair.server.allDocs('clipdesk');
  assert.equal(docs.filter((doc) => doc._id.includes(gone)).length, 0, 'nothing of the deleted clip is left on the server');
});

test('kept pictures travel as content-addressed documents: a picture two clips show is sent once', async (t) => {
  const pair = await syncPair(t);
  const paragraph = (i: number) => `<p>Paragraph ${i + 1}: cranes, berths and the night shift at the harbour.</p>`;
  const paragraphs = Array.from({ length: 6 }, (_, i) => paragraph(i)).join('');
  const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>`
    + `${paragraphs}<img src="/crane.png" alt="crane"></article></body></html>`;
  const site = await serveRoutes(t, {
    '/crane.png': { type: 'image/png', body: TINY_IMAGES.png },
    '/a': html(page('Cranes arrive')),
    '/b': html(page('Cranes again')),
  });
  const first = await pair.laptop.import({ kind: 'url', url: `${site.url}/a` });
  await pair.laptop.import({ kind: 'url', url: `${site.url}/b` });
  await assertSame(pair);
  const [name] = keptPictures((await pair.desktop.get(first.clip.id)).content);
  assert.ok(name);
  assert.deepEqual(Buffer.from((await pair.desktop.pictures.picture(name))?.bytes ?? []), Buffer.from(TINY_IMAGES.png));
  const docs = await pair.server.allDocs(DATABASE);
  assert.deepEqual(docs.filter((doc) => doc._id.startsWith('pic:')).map((doc) => doc._id), [`pic:${name}`]);
});

test('the same page clipped again with new text on both machines: one text is current, the other a revision, both kept', async (t) => {
  const pair = await syncPair(t);
  const url = 'https://news.example.org/harbour';
  const { clip } = await pair.laptop.import({ kind: 'text', text: `${ARTICLE} First edition.`, url });
  await pair.settle();
  await pair.laptop.import({ kind: 'text', text: `${ARTICLE} Updated: the pier is open again.`, url });
  await tick();
  await pair.desktop.import({ kind: 'text', text: `${ARTICLE} Correction: two piers, not one.`, url });
  await assertSame(pair);
  const merged = await pair.laptop.get(clip.id);
  assert.match(merged.text, /Correction: two piers/, 'the later version is current');
  const texts = await Promise.all((await pair.laptop.revisions(clip.id)).map(async (revision) => {
    const restored = await pair.desktop.restoreRevision(clip.id, revision.n).then(() => pair.desktop.get(clip.id));
    return restored.text;
  }));
  assert.ok(texts.some((text) => text.includes('First edition')), 'the first edition is a revision');
  assert.ok(texts.some((text) => text.includes('the pier is open again')), 'the other machine\'s version is a revision too');
});
