import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import type { ExportScope, StreamedExportFormat } from '../../electron/api.js';
import type { Library } from '../../electron/core/library.js';
import { noteFileStem } from '../../electron/core/export/note-file-names.js';
import { html, serveRoutes } from '../helpers/picture-server.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

const QUAY = '🎉 Party on the quay tonight. The new harbour terminal opens at dawn, and the ferries return.';

async function exported(library: Library, format: StreamedExportFormat, ids?: readonly string[]): Promise<string> {
  let all = '';
  for await (const piece of library.exports.export(format, ids)) all += piece;
  return all;
}

/** A clip with an emoji before its highlight, tags, a note, a highlight with a note and one without. */
async function quayClip(t: TestContext) {
  const { library } = await tempLibrary(t);
  const { clip } = await library.import({ kind: 'text', text: `Harbour party\n\n${QUAY}`, url: 'https://news.example/quay', tags: ['ports', '港口'] });
  await library.update(clip.id, { note: 'Ask the port authority.', starred: true });
  const noted = await library.annotate(clip.id, { quote: 'harbour terminal', note: 'opens at dawn', color: 'green' });
  const plain = await library.annotate(clip.id, { quote: 'ferries' });
  return { library, id: clip.id, noted, plain };
}

describe('W3C Web Annotation export', () => {
  it('is one AnnotationCollection whose first page holds the note and each highlight, with code-point selectors', async (t) => {
    const { library, id, noted, plain } = await quayClip(t);
    const { text } = await library.get(id);
    const collection = JSON.parse(await exported(library, 'w3c'));
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.match(collection.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.partOf, collection.id);
    assert.equal(collection.first.startIndex, 0);
    assert.equal(collection.total, 3);
    const [note, highlight, second] = collection.first.items;
    assert.equal(collection.first.items.length, 3);

    assert.equal(note.id, `urn:clipdesk:clip:${id}:note`);
    assert.equal(note.motivation, 'commenting');
    assert.deepEqual(note.target, { source: 'https://news.example/quay' });
    assert.deepEqual(note.body[0], { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: 'Ask the port authority.' });

    assert.equal(highlight.id, `urn:uuid:${noted.id}`);
    assert.equal(highlight.type, 'Annotation');
    assert.equal(highlight.motivation, 'highlighting');
    assert.equal(highlight.created, noted.created);
    assert.equal(highlight.modified, noted.modified);
    assert.equal(highlight['clipdesk:color'], 'green');
    assert.equal(highlight.target.source, 'https://news.example/quay');
    const [quote, position] = highlight.target.selector;
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(quote.exact, 'harbour terminal');
    assert.ok(text.slice(0, text.indexOf('harbour terminal')).endsWith(quote.prefix) && quote.prefix.length > 0);
    assert.ok(text.slice(text.indexOf('harbour terminal') + 'harbour terminal'.length).startsWith(quote.suffix));
    const codePoints = [...text];
    const start = [...text.slice(0, text.indexOf('harbour terminal'))].length;
    assert.notEqual(start, text.indexOf('harbour terminal'), 'the emoji is two UTF-16 units but one code point');
    assert.deepEqual(position, { type: 'TextPositionSelector', start, end: start + 'harbour terminal'.length });
    assert.equal(codePoints.slice(position.start, position.end).join(''), 'harbour terminal');
    assert.deepEqual(highlight.body, [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: 'opens at dawn' },
      { type: 'TextualBody', purpose: 'tagging', value: 'ports' },
      { type: 'TextualBody', purpose: 'tagging', value: '港口' },
    ]);
    assert.equal(second.id, `urn:uuid:${plain.id}`);
    assert.deepEqual(second.body.map((body: { purpose: string }) => body.purpose), ['tagging', 'tagging'], 'no empty comment');
  });

  it('names a clip without a URL by a urn, leaves out clips with nothing to say, and writes an empty collection', async (t) => {
    const { library } = await tempLibrary(t);
    const bare = (await library.import({ kind: 'text', text: 'Quay notes\n\nThe crane arrived on Monday.' })).clip.id;
    assert.deepEqual(JSON.parse(await exported(library, 'w3c')).first.items, []);
    assert.equal(JSON.parse(await exported(library, 'w3c')).total, 0);
    await library.annotate(bare, { quote: 'crane' });
    await library.import({ kind: 'text', text: 'Untouched\n\nNothing highlighted here.' });
    const collection = JSON.parse(await exported(library, 'w3c'));
    assert.equal(collection.total, 1);
    assert.equal(collection.first.items[0].target.source, `urn:clipdesk:clip:${bare}`);
    assert.equal(collection.first.items[0].body, undefined, 'a highlight without note or tags has no body');
  });
});

describe('Netscape bookmark export', () => {
  const BOOKMARK = /<DT><A ([^>]*)>([^<]*)<\/A>\n(?: {4}<DD>([^\n]*)\n)?/g;
  const attributesOf = (text: string) => Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value]));

  it('writes the browsers\' DOCTYPE and a bookmark per clip with its dates, tags, note and unread state, escaped', async (t) => {
    const { library, id } = await quayClip(t);
    await library.update(id, { title: 'Ports & "Harbours" <2024>' });
    const read = (await library.import({ kind: 'text', text: 'Ferry times\n\nThe ferries run hourly.', url: 'https://news.example/ferry?a=1&b=2' })).clip;
    await library.update(read.id, { readState: 'read' });
    await library.import({ kind: 'text', text: 'Pasted memo\n\nNo address for this one.' });
    const file = await exported(library, 'netscape');
    assert.match(file, /^<!DOCTYPE NETSCAPE-Bookmark-file-1>\n/);
    assert.match(file, /<META HTTP-EQUIV="Content-Type" CONTENT="text\/html; charset=UTF-8">\n<TITLE>Bookmarks<\/TITLE>\n<H1>Bookmarks<\/H1>\n<DL><p>\n/);
    assert.match(file, /<\/DL><p>\n$/);
    const bookmarks = [...file.matchAll(BOOKMARK)]
      .map(([, attributes = '', title, note]) => ({ ...attributesOf(attributes), title, note }));
    assert.equal(bookmarks.length, 2);
    const quay = await library.get(id);
    assert.deepEqual(bookmarks.find((bookmark) => bookmark.HREF === 'https://news.example/quay'), {
      HREF: 'https://news.example/quay',
      ADD_DATE: String(Math.floor(Date.parse(quay.clippedAt) / 1000)),
      LAST_MODIFIED: String(Math.floor(Date.parse(quay.updatedAt) / 1000)),
      TAGS: 'ports,港口',
      TOREAD: '1',
      title: 'Ports &amp; &quot;Harbours&quot; &lt;2024&gt;',
      note: 'Ask the port authority.',
    });
    const ferry = bookmarks.find((bookmark) => bookmark.title === 'Ferry times');
    assert.equal(ferry?.HREF, 'https://news.example/ferry?a=1&amp;b=2');
    assert.equal(ferry?.TOREAD, undefined, 'a clip already read is not to read');
    assert.equal(ferry?.note, undefined);
    assert.match(file, /<!-- not a bookmark, as it has no URL: Pasted memo \(clip [0-9a-f]{32}\) -->/);
  });
});

describe('Markdown vault export', () => {
  it('writes a note per clip with YAML front matter, the article and its highlights, named safely and uniquely', async (t) => {
    const { library, id } = await quayClip(t);
    const chinese = (await library.import({ kind: 'text', text: '港口扩建：新码头今日启用\n\n新码头今天早上启用。', tags: ['港口'] })).clip.id;
    const twin = (await library.import({ kind: 'text', text: 'Harbour party\n\nAnother party, another quay.' })).clip.id;
    const odd = (await library.import({ kind: 'text', text: 'CON\n\nA clip titled like a Windows device.' })).clip.id;
    await library.update(odd, { title: 'A/B: why? <now> #1 [draft]' });
    await library.update(twin, { readState: 'archived' });
    const dir = join(await tempDir(t, 'clipdesk-vault-'), 'Clippings');
    assert.deepEqual(await library.exports.exportVault(dir), { dir, notes: 4 });
    const names = (await readdir(dir)).sort();
    assert.deepEqual(names, ['A B why now 1 draft.md', 'Harbour party (2).md', 'Harbour party.md', '港口扩建：新码头今日启用.md'].sort());

    // Newest first: the later "Harbour party" took the plain name.
    const note = await readFile(join(dir, 'Harbour party (2).md'), 'utf8');
    const quay = await library.get(id);
    const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(note) ?? [];
    assert.equal(frontMatter, [
      'title: "Harbour party"', 'url: "https://news.example/quay"', `clipped: "${quay.clippedAt}"`,
      'tags:', '  - "ports"', '  - "港口"', 'status: unread', 'starred: true', `id: ${id}`,
    ].join('\n'));
    assert.match(body, /^Harbour party\n\n🎉 Party on the quay tonight\./);
    assert.match(body, /## Note\n\nAsk the port authority\.\n\n## Highlights\n\n> harbour terminal\n\nopens at dawn\n\n> ferries\n$/);
    const archived = await readFile(join(dir, 'Harbour party.md'), 'utf8');
    assert.match(archived, /\nstatus: archived\nstarred: false\n/);
    const zh = await readFile(join(dir, '港口扩建：新码头今日启用.md'), 'utf8');
    assert.match(zh, /^---\ntitle: "港口扩建：新码头今日启用"\n/);
    assert.match(zh, new RegExp(`tags:\n  - "港口"\nstatus: unread\nstarred: false\nid: ${chinese}\n`));
  });

  it('never overwrites a file already in the folder, and exports only the clips a query selects', async (t) => {
    const { library } = await quayClip(t);
    await library.import({ kind: 'text', text: 'Ferry times\n\nThe ferries run hourly.' });
    const dir = await tempDir(t, 'clipdesk-vault-');
    await writeFile(join(dir, 'harbour PARTY.md'), 'my own note');
    assert.equal((await library.exports.exportVault(dir, library.exports.idsMatching('tag:ports'))).notes, 1);
    assert.deepEqual((await readdir(dir)).sort(), ['Harbour party (2).md', 'harbour PARTY.md']);
    assert.equal(await readFile(join(dir, 'harbour PARTY.md'), 'utf8'), 'my own note');
  });

  it('copies the pictures into pictures/ beside the notes and links them relatively', async (t) => {
    const { library } = await tempLibrary(t);
    const paragraphs = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} about the cranes at the eastern terminal.</p>`).join('');
    const site = await serveRoutes(t, {
      '/cranes': html(`<html><head><title>Cranes</title></head><body><article>${paragraphs}` +
        '<img src="/c.png" alt="crane"></article></body></html>'),
      '/c.png': { type: 'image/png', body: TINY_IMAGES.png },
    });
    await library.import({ kind: 'url', url: `${site.url}/cranes` });
    const dir = await tempDir(t, 'clipdesk-vault-');
    await library.exports.exportVault(dir);
    const [picture = ''] = await readdir(join(dir, 'pictures'));
    assert.match(picture, /^[0-9a-f]{64}\.png$/);
    assert.deepEqual(new Uint8Array(await readFile(join(dir, 'pictures', picture))), TINY_IMAGES.png);
    assert.ok((await readFile(join(dir, 'Cranes.md'), 'utf8')).includes(`![crane](pictures/${picture})`));
  });

  it('names files every system accepts, cut between characters and never a device name', () => {
    assert.equal(noteFileStem('  ...Hidden?  '), 'Hidden');
    assert.equal(noteFileStem('Ends with dots...'), 'Ends with dots');
    assert.equal(noteFileStem('con'), 'con (note)');
    assert.equal(noteFileStem('LPT1.txt'), 'LPT1.txt (note)');
    assert.equal(noteFileStem('???'), 'Untitled');
    assert.equal(noteFileStem('tab\there\u0000'), 'tab here');
    const long = noteFileStem('港'.repeat(100));
    assert.equal(long, '港'.repeat(50), 'at most 150 bytes of UTF-8, whole characters only');
    assert.equal(noteFileStem('e\u0301te'), 'éte', 'NFC, as macOS would otherwise differ');
  });
});

describe('choosing what to export', () => {
  it('selects the clips a search query matches', async (t) => {
    const { library } = await tempLibrary(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const text = `Harbour note ${i}\n\nCranes and ferries, part ${i}.`;
      ids.push((await library.import({ kind: 'text', text, tags: ['china'] })).clip.id);
    }
    await library.import({ kind: 'text', text: 'Other\n\nNothing about it.' });
    assert.deepEqual(library.exports.idsMatching('tag:china').sort(), [...ids].sort());
    assert.deepEqual(library.exports.idsMatching('ferries -tag:nothing').sort(), [...ids].sort());
    assert.deepEqual(library.exports.idsMatching('"no such phrase"'), []);
    const netscape = await exported(library, 'netscape', library.exports.idsMatching('tag:china'));
    assert.equal((netscape.match(/<!-- not a bookmark/g) ?? []).length, 3);
  });

  it('makes a file for the window of the open clip, a search, the list as filtered, or the library', async (t) => {
    const { library } = await tempLibrary(t);
    const titles = ['港口 one', 'Harbour two', 'Harbour three'];
    const ids: string[] = [];
    for (const [i, title] of titles.entries()) {
      const text = `${title}\n\nCranes and ferries, part ${i}.`;
      ids.push((await library.import({ kind: 'text', text, tags: i > 0 ? ['ports'] : [] })).clip.id);
    }
    await library.update(ids[2] ?? '', { starred: true });
    const titlesIn = async (scope: ExportScope) => {
      const file = await library.exports.exportAs('csv', scope);
      assert.match(file.name, /^clipdesk-csv-\d{4}-\d{2}-\d{2}\.csv$/);
      assert.equal(file.type, 'text/csv');
      return titles.filter((title) => Buffer.from(file.bytes).toString('utf8').includes(title));
    };
    assert.deepEqual(await titlesIn({ kind: 'clips', ids: [ids[0] ?? ''] }), ['港口 one']);
    assert.deepEqual(await titlesIn({ kind: 'search', query: 'tag:ports' }), ['Harbour two', 'Harbour three']);
    assert.deepEqual(await titlesIn({ kind: 'list', options: { tags: ['ports'], starred: true } }), ['Harbour three']);
    assert.deepEqual(await titlesIn({ kind: 'library' }), titles);
    await assert.rejects(library.exports.exportAs('csv', { kind: 'clips', ids: [] }), { code: 'BAD_INPUT' });
    await assert.rejects(library.exports.exportAs('csv', { kind: 'search', query: 'is:nonsense' }), { code: 'BAD_QUERY' });
    const w3c = await library.exports.exportAs('w3c', { kind: 'library' });
    assert.equal(JSON.parse(Buffer.from(w3c.bytes).toString('utf8')).type, 'AnnotationCollection');
  });
});
