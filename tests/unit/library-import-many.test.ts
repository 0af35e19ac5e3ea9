import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BatchImportResult, ImportInput } from '../../electron/api.js';
import { Library } from '../../electron/core/library.js';
import { SEED_FILE, SEED_TITLE, sampleText } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';

const page = (url: string, title: string, paragraphs: readonly string[]): ImportInput => ({
  kind: 'html',
  url,
  html: `<!doctype html><html lang="en"><head><title>${title}</title><link rel="canonical" href="${url}"></head>
    <body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`,
  tags: [],
});
const council = [
  'The city council approved the port expansion on Monday after a long debate about dredging costs and traffic.',
  'Construction of the new container terminal will start in spring and is expected to take three years to finish.',
];
const councilLater = [...council, 'A court challenge by residents was dismissed on Friday, clearing the way for the dredging.'];
const ferry = [
  'The ferry to the islands will run every hour from June, the operator said, doubling the timetable of last summer.',
  'Two new boats built in Norway will join the fleet, each carrying up to four hundred passengers and sixty cars.',
];

/** What the library holds already, the same in both libraries compared: one page (highlighted), one text, one trashed text. */
async function prepare(library: Library): Promise<void> {
  const { clip } = await library.import({ ...page('https://news.example/council', 'Port expansion approved', council), tags: ['port'] });
  await library.annotate(clip.id, { start: 4, end: 16, note: 'who decided' });
  await library.import({ kind: 'text', text: sampleText(1), tags: ['harbour'] });
  const { clip: trashed } = await library.import({ kind: 'text', text: sampleText(2) });
  await library.trash(trashed.id);
}

/** New clips, duplicates of one another, and duplicates of what `prepare` left (new text, new tags, a trashed clip). */
function inputs(): ImportInput[] {
  return [
    { kind: 'text', text: sampleText(10), tags: ['new', 'Batch'] },
    { ...page('https://news.example/council', 'Port expansion approved', councilLater), tags: ['court'] },
    { kind: 'text', text: sampleText(1), tags: ['again'] },
    { kind: 'text', text: sampleText(2), tags: [] },
    { ...page('https://news.example/ferry', 'Hourly ferry from June', ferry), tags: ['ferry'] },
    { kind: 'text', text: sampleText(10), tags: ['batch', 'twice'] },
    { ...page('https://news.example/ferry', 'Hourly ferry from June', [...ferry, 'Fares stay the same.']), tags: [] },
    { kind: 'text', text: `# Notes on the tide\n\nHigh water at ${'noon '.repeat(3)}today.`, markdown: true, tags: ['md'] },
    { kind: 'file', name: 'memo.txt', data: Buffer.from(sampleText(11, 'airport')).toString('base64'), tags: [] },
    { ...page('https://news.example/council', 'Port expansion approved', councilLater), tags: ['port', 'late'] },
  ];
}

/** Fields given when a clip or highlight is saved (ids, times), which differ between libraries holding the same. */
const GIVEN = new Set(['id', 'clipId', 'source', 'clippedAt', 'updatedAt', 'deletedAt', 'created', 'modified', 'savedAt']);

/** A clip (or anything in it) as compared across libraries: what it holds, not the ids and times it was given. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !GIVEN.has(key)).map(([key, field]) => [key, comparable(field)]));
}

async function everything(library: Library): Promise<unknown> {
  const listed = library.list({ limit: 100 }).clips.sort((a, b) => a.title.localeCompare(b.title));
  const clips = await Promise.all(listed.map(async ({ id }) => comparable(await library.get(id))));
  const search = async (query: string) => (await library.search(query)).hits.map((hit) => [hit.clip.title, hit.snippet]).sort();
  return {
    clips,
    list: listed.map(comparable),
    tags: library.tags(),
    searches: await Promise.all(['harbour', 'court dredging', 'ferry', 'tag:batch', 'airport', 'tide'].map(search)),
    trash: library.list({ trashed: true }).total,
  };
}

describe('importing many clips at once', () => {
  it('leaves the library as importing them one by one does, duplicates merged the same way', async (t) => {
    const one = (await tempLibrary(t)).library;
    const many = (await tempLibrary(t)).library;
    await prepare(one);
    await prepare(many);
    const oneByOne = [];
    for (const input of inputs()) oneByOne.push((await one.import(input)).outcome);
    const batch = await many.importMany(inputs());
    assert.deepEqual(batch.map((result) => result.outcome), oneByOne);
    const expected = ['created', 'updated', 'unchanged', 'unchanged', 'created', 'unchanged', 'updated', 'created', 'created', 'unchanged'];
    assert.deepEqual(oneByOne, expected);
    assert.deepEqual(batch.map((result) => result.index), inputs().map((_, i) => i));
    assert.deepEqual(await everything(many), await everything(one));
  });

  it('gives an input for the page an earlier input made the same clip, its text a revision', async (t) => {
    const { library } = await tempLibrary(t);
    const results = await library.importMany(inputs());
    const ferryIds = new Set([4, 6].map((i) => savedId(results[i])));
    assert.equal(ferryIds.size, 1);
    const [ferryId] = ferryIds;
    const clip = await library.get(ferryId ?? '');
    assert.equal(clip.revisions, 1);
    assert.deepEqual(clip.tags, ['ferry']);
    assert.match(clip.text, /Fares stay the same/);
    assert.deepEqual((await library.revisions(clip.id)).map((revision) => revision.n), [1]);
    assert.equal(library.list().total, 7);
  });

  it('reports an input that fails with its place and why, and saves the others', async (t) => {
    const { library } = await tempLibrary(t);
    const results = await library.importMany([
      { kind: 'text', text: sampleText(1), tags: [] },
      { kind: 'file', name: 'scan.pdf', data: 'JVBERi0=', tags: [] },
      { kind: 'fax', number: '555' } as unknown as ImportInput,
      { kind: 'text', text: sampleText(2), tags: ['kept'] },
    ]);
    assert.deepEqual(results.map(({ index, outcome }) => [index, outcome]), [[0, 'created'], [1, 'failed'], [2, 'failed'], [3, 'created']]);
    assert.match(reasonOf(results[1]), /\.pdf/);
    assert.match(reasonOf(results[2]), /invalid input/i);
    assert.deepEqual(library.list().clips.map((clip) => clip.title).sort(), ['Report 1 on the harbour', 'Report 2 on the harbour']);
  });

  it('imports files by path, a missing one reported in its place', async (t) => {
    const { library } = await tempLibrary(t);
    const results = await library.importFiles([SEED_FILE, '/nonexistent/clip.txt'], ['seed']);
    assert.equal(results[0]?.outcome, 'created');
    assert.equal(results[1]?.outcome, 'failed');
    assert.deepEqual(library.list({ tags: ['seed'] }).clips.map((clip) => clip.title), [SEED_TITLE]);
  });

  it('keeps the catalog in step with the store: reopened, nothing to repair, and a rebuild lists the same', async (t) => {
    const { dir, library } = await tempLibrary(t);
    await prepare(library);
    const bulk = Array.from({ length: 40 }, (_, n): ImportInput => ({ kind: 'text', text: sampleText(100 + n), tags: ['bulk'] }));
    await library.importMany([...inputs(), ...bulk]);
    const before = await everything(library);
    library.close();
    const reopened = await Library.open(dir);
    t.after(() => reopened.close());
    assert.equal(reopened.opened.catalogRepaired, 0);
    assert.deepEqual(await everything(reopened), before);
    reopened.close();
    const rebuilt = await Library.open(dir, { rebuildCatalog: true });
    t.after(() => rebuilt.close());
    assert.equal(rebuilt.opened.catalogRebuilt, true);
    assert.deepEqual(await everything(rebuilt), before);
  });
});

function savedId(result: BatchImportResult | undefined): string {
  assert.ok(result && result.outcome !== 'failed', `saved: ${JSON.stringify(result)}`);
  return result.clip.id;
}

function reasonOf(result: BatchImportResult | undefined): string {
  assert.ok(result?.outcome === 'failed', `failed: ${JSON.stringify(result)}`);
  return result.reason;
}
