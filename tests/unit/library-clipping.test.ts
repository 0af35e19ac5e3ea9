import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Snippet } from '../../electron/api.js';
import { Library } from '../../electron/core/library.js';
import { isClipdeskError } from '../../electron/core/errors.js';
import { bodyRow } from '../../electron/core/store/library-dir.js';
import { SCHEMA_VERSION } from '../../electron/core/store/schema.js';
import { snippetParts } from '../../electron/shared/snippet-parts.js';
import { SEED_BYLINE, SEED_FILE, SEED_PUBLISHED_AT, SEED_PUBLISHED_TEXT, SEED_TITLE } from '../helpers/seed.js';
import { readManifest, writeStoredBody } from '../helpers/stored.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { servePages } from '../helpers/page-server.js';

describe('importing the seed clipping', () => {
  it('yields its title, date, empty source, four paragraphs and byline', async (t) => {
    const { library } = await tempLibrary(t);
    const { clip: summary, outcome } = await library.importFile(SEED_FILE);
    const clip = await library.get(summary.id);
    assert.equal(outcome, 'created');
    assert.equal(clip.title, SEED_TITLE);
    assert.equal(clip.publishedText, SEED_PUBLISHED_TEXT);
    assert.ok(clip.publishedAt?.startsWith(SEED_PUBLISHED_AT), clip.publishedAt ?? 'no date');
    assert.ok(!clip.source, 'the seed states an empty source');
    assert.equal(clip.byline, SEED_BYLINE);
    assert.equal(clip.content.match(/<p[ >]/g)?.length, 4);
    assert.ok(!clip.text.includes('(Jia Ruifeng'), 'the byline is not part of the body text');
    assert.ok(!/^[\u00a0\u3000 ]/m.test(clip.text), 'no NBSP indentation is left');
  });
});

describe('a long clip', () => {
  it('is found, with its snippet, by a word at its very end (its stored file is larger than the read buffer)', async (t) => {
    const { library } = await tempLibrary(t);
    // Random hex barely compresses, so the gzipped file is several hundred KB.
    const filler = Array.from({ length: 3000 }, () => randomBytes(48).toString('hex')).join(' ');
    const { clip } = await library.import({ kind: 'text', text: `Long report\n\n${filler}\n\nThe harbour zanzibarfinale closes it.` });
    const found = await library.search('zanzibarfinale');
    assert.deepEqual(found.hits.map((hit) => hit.clip.id), [clip.id]);
    assert.match(found.hits[0]?.snippet.text ?? '', /harbour zanzibarfinale closes it/);
  });
});

describe('a search among clips whose text is damaged', () => {
  it('still shows that clip, its snippet cut from its excerpt, reads the others\' texts together, and names it', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const clips = [];
    for (const place of ['Mombasa', 'Dar es Salaam', 'Zanzibar']) {
      const text = `${place} harbour\n\nThe harbour of ${place} reopened to ships at dawn.`;
      clips.push((await library.import({ kind: 'text', text })).clip);
    }
    const [, damaged] = clips;
    writeStoredBody(dir, damaged!, gzipSync('{"contentHash":"cut short'));
    for (let asked = 0; asked < 2; asked++) {
      const found = await library.search('harbour');
      const shown = (snippet: Snippet) => snippetParts(snippet).map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');
      const snippets = found.hits.map((hit) => shown(hit.snippet));
      assert.deepEqual(snippets.sort(), [
        'Dar es Salaam [harbour] The [harbour] of Dar es Salaam reopened to ships at dawn.',
        'Mombasa [harbour] The [harbour] of Mombasa reopened to ships at dawn.',
        'Zanzibar [harbour] The [harbour] of Zanzibar reopened to ships at dawn.',
      ]);
    }
    const where = bodyRow(damaged!.id, damaged!.contentHash);
    const notice = `1 clip's text is missing or damaged, so searches show their excerpts instead: ${damaged!.id} (${where}).`;
    assert.deepEqual(library.notices(), [notice]);
    await assert.rejects(library.get(damaged!.id), (error: Error) => isClipdeskError(error) && error.code === 'CORRUPT_LIBRARY');
  });
});

describe('clipping the same page twice', () => {
  const pages = new Map<string, string>();
  let server: Awaited<ReturnType<typeof servePages>>;
  before(async () => {
    server = await servePages(pages);
  });
  after(() => server.close());

  const article = (paragraphs: string[]) => `<!doctype html><html lang="en"><head><title>Port expansion approved</title>
    <meta property="og:site_name" content="Harbour Daily"></head><body><article><h1>Port expansion approved</h1>
    ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  const first = [
    'The city council approved the port expansion on Monday after a long debate about dredging costs and traffic.',
    'Construction of the new container terminal will start in spring and is expected to take three years to finish.',
    'Residents raised concerns about noise, and the council promised a monitoring programme for the whole project.',
  ];

  it('keeps one clip, the old content as a revision, and the user data with re-anchored highlights', async (t) => {
    const { library } = await tempLibrary(t);
    pages.set('/port', article(first));
    const created = await library.import({ kind: 'url', url: `${server.url}/port?utm_source=feed` });
    const id = created.clip.id;
    await library.addTags(id, ['Ports']);
    await library.update(id, { note: 'follow the dredging costs', starred: true });
    const kept = await library.annotate(id, { quote: 'container terminal', note: 'size?' });
    const doomed = await library.annotate(id, { quote: 'monitoring programme' });

    const again = await library.import({ kind: 'url', url: `${server.url}/port#comments` });
    assert.equal(again.outcome, 'unchanged');
    assert.equal(again.clip.id, id);

    pages.set('/port', article(['Update: the vote was close.', first[0] ?? '', first[1] ?? '', 'Residents will be consulted again.']));
    const updated = await library.import({ kind: 'url', url: `${server.url}/port` });
    assert.equal(updated.outcome, 'updated');
    assert.equal(updated.clip.id, id);
    assert.equal(library.list().total, 1, 'no duplicate clip');

    const clip = await library.get(id);
    assert.deepEqual(clip.tags, ['Ports']);
    assert.equal(clip.note, 'follow the dredging costs');
    assert.equal(clip.starred, true);
    assert.equal(clip.revisions, 1);
    const highlight = clip.annotations.find((a) => a.id === kept.id);
    assert.ok(highlight && highlight.status !== 'orphan');
    const [quote, position] = highlight.target.selector;
    assert.equal(quote.exact, 'container terminal');
    assert.equal([...clip.text].slice(position.start, position.end).join(''), 'container terminal');
    assert.ok(position.start > kept.target.selector[1].start, 'moved with the inserted paragraph');
    assert.equal(clip.annotations.find((a) => a.id === doomed.id)?.status, 'orphan', 'a lost passage stays as an orphan');

    await library.restoreRevision(id, 1);
    const back = await library.get(id);
    assert.ok(back.text.includes('monitoring programme'));
    assert.equal(back.revisions, 2, 'going back keeps the newer content as a revision too');
  });

  it('shows the updated text in snippets once a page is clipped again, though its old text was shown', async (t) => {
    const { library } = await tempLibrary(t);
    pages.set('/port', article(first));
    await library.import({ kind: 'url', url: `${server.url}/port` });
    assert.match((await library.search('dredging')).hits[0]?.snippet.text ?? '', /long debate about dredging/);
    pages.set('/port', article(['The council put off dredging until the harbour survey is done.', ...first.slice(1)]));
    assert.equal((await library.import({ kind: 'url', url: `${server.url}/port` })).outcome, 'updated');
    const snippet = (await library.search('dredging')).hits[0]?.snippet.text ?? '';
    assert.match(snippet, /put off dredging until/);
    assert.doesNotMatch(snippet, /long debate/);
  });

  it('puts the tags given with an import on the clip, and adds them when the clip is already there', async (t) => {
    const { library } = await tempLibrary(t);
    const text = 'Harbour notes\n\nShips waited outside the breakwater all night.';
    const first = await library.import({ kind: 'text', text, tags: ['Ports', ' ports ', 'Night shift'] });
    assert.deepEqual(first.clip.tags, ['Ports', 'Night shift']);
    const again = await library.import({ kind: 'text', text, tags: ['Weather'] });
    assert.equal(again.outcome, 'unchanged');
    assert.deepEqual(again.clip.tags, ['Ports', 'Night shift', 'Weather']);
    assert.deepEqual((await library.search('tag:weather ships')).hits.map((hit) => hit.clip.id), [first.clip.id]);
    await assert.rejects(library.import({ kind: 'text', text: 'Other notes\n\nMore text.', tags: ['   '] }), /not a usable tag name/);
    assert.equal(library.list().total, 1, 'a refused import saves nothing');
  });

  it('recognizes the same pasted text without a URL', async (t) => {
    const { library } = await tempLibrary(t);
    const a = await library.import({ kind: 'text', text: 'Harbour notes\n\nShips waited outside the breakwater all night.' });
    const b = await library.import({ kind: 'text', text: 'Harbour notes\n\nShips waited outside the breakwater all night.' });
    assert.equal(b.outcome, 'unchanged');
    assert.equal(b.clip.id, a.clip.id);
    assert.equal(library.list().total, 1);
  });
});

describe('a library on disk', () => {
  it('opens again with every clip, tag, note and highlight', async (t) => {
    const { dir, library } = await tempLibrary(t);
    const { clip } = await library.importFile(SEED_FILE);
    await library.addTags(clip.id, ['pharma', 'Jilin']);
    await library.update(clip.id, { note: 'chamber visit' });
    await library.annotate(clip.id, { quote: 'Jilin High-tech Zone', occurrence: 2, color: 'green' });

    const reopened = await Library.open(dir);
    const again = await reopened.get(clip.id);
    assert.deepEqual(again.tags, ['pharma', 'Jilin']);
    assert.equal(again.note, 'chamber visit');
    assert.equal(again.annotations.length, 1);
    assert.equal(again.annotations[0]?.color, 'green');
    assert.equal((await reopened.search('Zhou Hui')).hits[0]?.clip.id, clip.id);
    assert.equal((await readManifest(dir)).schemaVersion, SCHEMA_VERSION);
  });
});
