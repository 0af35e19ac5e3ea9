import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { blankEntry, fixtureBytes, readExport } from '../helpers/import-fixtures.js';

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('reporting what an export file holds but Clipdesk cannot import', () => {
  it('reports each broken line of a Pocket part with its line and reason, and reads every line after it', async () => {
    const { all } = await readExport('pocket-broken');
    assert.deepEqual(all.map((item) => ('reason' in item ? [item.source, item.reason] : [item.source, item.url])), [
      ['part_000000.csv line 2', 'https://example.com/good-1'],
      ['part_000000.csv line 3', '"htp//example.com/typo" is not a valid URL'],
      ['part_000000.csv line 4', 'it has 3 fields where the header names 5 (a missing or stray comma or quote?)'],
      ['part_000000.csv line 5', '"javascript:alert(document.title)" is not a web page (http or https) URL'],
      ['part_000000.csv line 6', 'https://example.com/mangled-date'],
      ['part_000000.csv line 7', 'a quote opened on this line is never closed'],
      ['part_000000.csv line 8', 'https://example.com/good-2'],
      ['part_000000.csv line 9', 'it has no URL'],
      ['part_000000.csv line 10', 'https://example.com/good-3'],
    ]);
  });

  it('keeps an entry whose date cannot be read, with a warning saying so', async () => {
    const { entries } = await readExport('pocket-broken');
    assert.deepEqual(entries[1], {
      ...blankEntry('part_000000.csv line 6'),
      url: 'https://example.com/mangled-date',
      title: 'A row whose time was mangled',
      readState: 'archived',
      warnings: ['its time added "yesterday" is not a date Clipdesk can read'],
    });
  });

  it('reports JSON items without a URL, not valid JSON, not objects or not web pages, and reads the rest', async () => {
    const { all } = await readExport('wallabag-broken-export.json');
    // Node 22 adds the line and column to JSON.parse's message.
    const read = all.map((item) => ('reason' in item ? [item.source, item.reason.replace(/ \(line \d+ column \d+\)$/, '')] : [item.source, item.url, item.warnings]));
    assert.deepEqual(read, [
      ['entry 1', 'https://example.com/kept', []],
      ['entry 2', 'it has no URL'],
      ['entry 3', 'it is not valid JSON: Expected double-quoted property name in JSON at position 93'],
      ['entry 4', 'it is "not an entry", not an object'],
      ['entry 5', '"ftp://example.com/file.txt" is not a web page (http or https) URL'],
      ['entry 6', 'https://example.com/odd-date', [
        'its creation date "2023-02-31T10:00:00+0200" is not a date Clipdesk can read',
        'one of its annotations quotes no text; it is left out',
      ]],
    ]);
  });

  it('reads the items before a JSON file is cut short (an unfinished download), then reports the cut', async () => {
    const wallabag = fixtureBytes('wallabag-export.json');
    const cutWallabag = wallabag.subarray(0, Buffer.from(wallabag).indexOf('"id":1502'));
    const { file, all } = await readExport('wallabag-export.json', 'wallabag.json', cutWallabag);
    assert.equal(file.description, 'Wallabag export (JSON), 2 entries');
    assert.deepEqual(all.map((item) => ('reason' in item ? [item.source, item.reason] : item.source)), [
      'entry 1',
      'entry 2',
      ['entry 3', 'the file cannot be read from here on: it is cut short'],
    ]);
    const karakeep = fixtureBytes('karakeep-export.json');
    const cutKarakeep = await readExport('karakeep.json', 'karakeep.json', karakeep.subarray(0, Buffer.from(karakeep).indexOf('"p8d7f6')));
    assert.deepEqual(cutKarakeep.all.map((item) => ('reason' in item ? item.reason : item.url)), [
      'https://www.inkandswitch.com/local-first/',
      'the file cannot be read from here on: it is cut short',
    ]);
  });

  it('reports bookmarklets and browser queries, uploaded files and PDFs Hypothesis knows by fingerprint', async () => {
    const firefox = await readExport('bookmarks-firefox.html');
    assert.deepEqual(firefox.problems.map((item) => item.source), ['line 12', 'line 28']);
    assert.match(firefox.problems[0]?.reason ?? '', /^"place:parent=toolbar_____.*" is not a web page \(http or https\) URL$/);
    const karakeep = await readExport('karakeep-export.json');
    assert.deepEqual(karakeep.problems, [{ source: 'bookmark 3', reason: 'it is an uploaded file, which the export does not carry' }]);
    const linkwarden = await readExport('linkwarden-export.json');
    assert.deepEqual(linkwarden.problems, [
      { source: 'collection "开发" link 2', reason: 'it is an uploaded pdf file, which the export does not carry' },
    ]);
    const hypothesis = await readExport('hypothesis-export.json');
    assert.deepEqual(hypothesis.problems, [
      { source: 'annotation 5', reason: '"urn:x-pdf:6d1e5c0f2b3a4978e5c6d7e8f9a0b1c2" is not a web page (http or https) URL' },
    ]);
  });

  it('reports a line of prose in a list of links', async () => {
    const { problems } = await readExport('reading-list.md');
    assert.deepEqual(problems, [{ source: 'line 17', reason: 'it holds no link: "Read the first two before Friday."' }]);
  });

  it('makes an entry of highlights whose item is in no part of a Pocket zip', async () => {
    const zip = zipSync({
      'part_000000.csv': strToU8('title,url,time_added,tags,status\nKept,https://example.com/kept,1700000000,,unread\n'),
      'annotations/part_000000.json': strToU8(JSON.stringify([
        { url: 'https://example.com/kept', title: 'Kept', highlights: [{ quote: 'one', created_at: 1700000100 }] },
        { url: 'https://example.com/gone', title: 'https://example.com/gone', highlights: [{ quote: 'two', created_at: 1700000200 }] },
        { title: 'No URL', highlights: [] },
      ])),
    });
    const { all } = await readExport('pocket.zip', 'pocket.zip', zip);
    assert.deepEqual(all, [
      { source: 'annotations/part_000000.json item 3', reason: 'it has no URL' },
      {
        ...blankEntry('part_000000.csv line 2'),
        url: 'https://example.com/kept',
        title: 'Kept',
        addedAt: '2023-11-14T22:13:20Z',
        readState: 'unread',
        highlights: [{ quote: 'one', note: null, createdAt: '2023-11-14T22:15:00Z', tags: [] }],
      },
      {
        ...blankEntry('annotations/part_000000.json item 2'),
        url: 'https://example.com/gone',
        highlights: [{ quote: 'two', note: null, createdAt: '2023-11-14T22:16:40Z', tags: [] }],
      },
    ]);
  });

  it('reads tags a spreadsheet rewrote as a comma-separated list, with a warning', async () => {
    const csv = 'URL,Title,Selection,Folder,Timestamp,Tags\nhttps://example.com/a,A,,Unread,1700000000,"news, 科技"\n';
    const { entries } = await readExport('instapaper.csv', 'instapaper.csv', bytesOf(csv));
    assert.deepEqual(entries[0]?.tags, ['news', '科技']);
    assert.deepEqual(entries[0]?.warnings, ['its tags "news, 科技" are not the JSON list Instapaper writes; read as a comma-separated list']);
  });
});
