import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { html, serveRoutes } from '../helpers/picture-server.js';
import { fixtureBytes } from '../helpers/import-fixtures.js';
import { tempLibrary } from '../helpers/temp-library.js';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES));

describe('importing another app\'s export into the library', () => {
  it('keeps what a Wallabag export says: the article, tags, archived, starred, and a highlight found in the text', async (t) => {
    const { library } = await tempLibrary(t);
    const report = await library.importLibrary(await fixture('wallabag-export.json'), 'export.json');
    assert.equal(report.format, 'wallabag-json');
    assert.equal(report.entries, report.created + report.merged + report.failed + report.skipped);
    const listed = library.list({ limit: 10 }).clips.find((clip) => clip.title.startsWith('Les réseaux sociaux'));
    assert.ok(listed, JSON.stringify(library.list({ limit: 10 }).clips.map((clip) => clip.title)));
    const clip = await library.get(listed.id);
    assert.deepEqual(clip.tags, ['attention', 'médias']);
    assert.equal(clip.readState, 'archived');
    assert.equal(clip.starred, true);
    assert.equal(clip.pending, null);
    assert.match(clip.text, /jamais aussi peu retenu/);
    assert.notEqual(clip.annotations[0]?.status, 'orphan');
    assert.equal(clip.annotations[0]?.note, 'La thèse centrale.');
    assert.equal(clip.annotations[0]?.target.selector[0].exact, 'Nous n’avons jamais autant lu, et jamais aussi peu retenu.');
    assert.equal(clip.byline, 'Claire Martin, Paul Durand', 'the export\'s author, though the article it carries names none');
    assert.equal(clip.publishedAt, '2023-05-01T06:00:00+02:00');
    assert.equal(clip.clippedAt, '2023-05-01T14:03:22+02:00');
  });

  it('places a Hypothesis highlight by its UTF-16 position, converted to code points, and tags the clip with its tags', async (t) => {
    const { library } = await tempLibrary(t);
    const text = 'Tide tables 🌊🌊 and ferries.\n\nThe ferry leaves at nine 🚢. Later that week, the ferry leaves at nine again.';
    const url = 'https://news.example/tides';
    const { clip } = await library.import({ kind: 'text', text: `Tides\n\n${text}`, url });
    const stored = (await library.get(clip.id)).text;
    const second = stored.lastIndexOf('the ferry leaves at nine');
    const exact = 'ferry leaves at nine';
    const units = { start: second + 'the '.length, end: second + 'the '.length + exact.length };
    const annotation = {
      id: 'h1', uri: url, created: '2024-05-01T10:00:00.000000+00:00', text: 'the second sailing', tags: ['渡轮', 'tides'],
      target: [{ source: url, selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: units.start, end: units.end },
      ] }],
    };
    const report = await library.importLibrary(Buffer.from(JSON.stringify({ annotations: [annotation] })), 'hypothesis.json');
    assert.deepEqual([report.format, report.merged], ['hypothesis-json', 1]);
    const merged = await library.get(clip.id);
    assert.deepEqual([...merged.tags].sort(), ['tides', '渡轮']);
    const [highlight] = merged.annotations;
    const [, position] = highlight?.target.selector ?? [];
    const astralBefore = 3; // 🌊🌊 and 🚢 take two UTF-16 units each
    assert.deepEqual([highlight?.status, position?.start, position?.end], ['exact', units.start - astralBefore, units.end - astralBefore]);
    assert.equal(highlight?.note, 'the second sailing');
  });

  it('creates no duplicate when the same file comes twice, and merges tags and highlights of another app into a clip it has', async (t) => {
    const { library } = await tempLibrary(t);
    const first = await library.importLibrary(await fixture('instapaper-export.csv'), 'instapaper.csv');
    const again = await library.importLibrary(await fixture('instapaper-export.csv'), 'instapaper.csv');
    assert.equal(again.created, 0);
    assert.equal(again.merged, first.created + first.merged);
    assert.equal(library.list().total, first.created);
    const [trashed] = library.list({ limit: 1 }).clips;
    await library.trash(trashed?.id ?? '');
    await library.importLibrary(await fixture('instapaper-export.csv'), 'instapaper.csv');
    assert.equal(library.list().total, first.created, 'a clip in the trash comes back, as when it is clipped again');
  });

  it('tells a Markdown list that starts with a link from JSON', async (t) => {
    const { library } = await tempLibrary(t, { pictures: false });
    const list = '[Cranes](https://news.example/cranes)\n- https://news.example/tides\n';
    const report = await library.importLibrary(Buffer.from(list), 'notes');
    assert.deepEqual([report.format, report.created], ['url-list', 2]);
  });

  it('keeps the entries read before a zip member that cannot be read, and reports where the file stopped', async (t) => {
    const { library } = await tempLibrary(t, { pictures: false });
    const zip = fixtureBytes('omnivore-export');
    markEncrypted(zip, 'content/-1927a3b4c5e.html');
    const report = await library.importLibrary(zip, 'omnivore.zip');
    assert.deepEqual([report.created, report.failed], [1, 1]);
    assert.equal(report.problems.at(-1)?.source, 'the rest of the file, after entry 1');
    assert.match(report.problems.at(-1)?.reason ?? '', /-1927a3b4c5e\.html.*encrypted/);
    assert.deepEqual(library.list().clips.map((clip) => clip.title), ['The quiet revolution of read-later apps']);
  });

  it('accounts for every entry of a file with broken lines, each with its place and why', async (t) => {
    const { library } = await tempLibrary(t);
    const report = await library.importLibrary(await fixture('pocket-broken/part_000000.csv'), 'part_000000.csv');
    assert.equal(report.entries, report.created + report.merged + report.failed + report.skipped);
    assert.ok(report.skipped > 0);
    for (const problem of report.problems) {
      assert.match(problem.source, /row|line/);
      assert.ok(problem.reason.length > 5, problem.reason);
    }
  });
});

describe('pending clips: addresses whose articles are fetched after the import', () => {
  it('fetches the articles one at a time per site, keeps a failure with its reason and next try, and tries nothing early', async (t) => {
    const { library } = await tempLibrary(t, { pictures: false });
    const paragraphs = (topic: string) =>
      Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} on ${topic}: the quay, the cranes and the tide.</p>`).join('');
    const page = (title: string) =>
      html(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs(title)}</article></body></html>`);
    const requestedAt: number[] = [];
    const timed = (route: ReturnType<typeof page>): Parameters<typeof serveRoutes>[1][string] => (request, response) => {
      requestedAt.push(Date.now());
      if (typeof route !== 'function') response.writeHead(200, { 'content-type': route.type }).end(route.body);
    };
    const site = await serveRoutes(t, {
      '/cranes': timed(page('Cranes')),
      '/tides': timed(page('Tides')),
      '/gone': (_request, response) => response.writeHead(500).end('down'),
      '*': (request, response) => response.writeHead(404).end(`no ${request.url}`),
    });
    const list = [`[Cranes](${site.url}/cranes)`, `${site.url}/tides`, `${site.url}/gone`].join('\n');
    const report = await library.importLibrary(Buffer.from(list), 'links.md');
    assert.deepEqual([report.created, report.pending], [3, 3]);
    assert.deepEqual(library.fetching.status().pending, 3);

    const run = await library.fetching.run({ perHostIntervalMs: 150 });
    assert.deepEqual(run, { fetched: 2, failed: 1 });
    const clips = library.list({ limit: 10 }).clips;
    const cranes = clips.find((clip) => clip.url === `${site.url}/cranes`);
    assert.equal(cranes?.pending, null);
    assert.match((await library.get(cranes?.id ?? '')).text, /the quay, the cranes and the tide/);
    const gone = clips.find((clip) => clip.url === `${site.url}/gone`);
    assert.equal(gone?.pending?.attempts, 1);
    assert.match(gone?.pending?.lastError ?? '', /500/);
    assert.ok(Date.parse(gone?.pending?.nextAttemptAt ?? '') > Date.now(), 'tried again later, not now');
    assert.deepEqual(library.fetching.status().pending, 1);
    assert.deepEqual(await library.fetching.run(), { fetched: 0, failed: 0 }, 'nothing is due yet');
    assert.equal(site.hits.get('/cranes'), 1);
    const [first = 0, second = 0] = requestedAt.sort((a, b) => a - b);
    assert.ok(second - first >= 140, `one request a site at a time, spaced: ${second - first} ms apart`);
  });
});

/** Sets the "encrypted" flag of a zip member, in its local header and its directory entry, as a password-protected export has it. */
function markEncrypted(zip: Uint8Array, name: string): void {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const [local, central] = [30, 46];
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    const header = bytes.readUInt32LE(at - local) === 0x04034b50 ? at - local : at - central;
    const flagAt = header + (header === at - local ? 6 : 8);
    bytes.writeUInt16LE(bytes.readUInt16LE(flagAt) | 1, flagAt);
  }
}
