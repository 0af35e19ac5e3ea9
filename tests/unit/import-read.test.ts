import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOmnivoreHighlights } from '../../electron/core/import/formats/omnivore-highlights.js';
import { countCsvRows, csvRows } from '../../electron/core/import/read/csv-rows.js';
import { parseExportDate } from '../../electron/core/import/read/export-date.js';
import { countJsonItems, jsonItems, jsonRoot } from '../../electron/core/import/read/json-items.js';
import { parsePythonList } from '../../electron/core/import/read/python-list.js';

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function rowsOf(text: string): Promise<unknown[]> {
  const rows = [];
  for await (const row of csvRows(text, '')) rows.push('reason' in row ? row.reason : row.values);
  return rows;
}

describe('reading the dates exporters write', () => {
  it('reads Unix seconds, milliseconds and microseconds, as numbers or text', () => {
    assert.equal(parseExportDate(1709712023), '2024-03-06T08:00:23Z');
    assert.equal(parseExportDate('1709712023'), '2024-03-06T08:00:23Z');
    assert.equal(parseExportDate(1709712023456), '2024-03-06T08:00:23.456Z');
    assert.equal(parseExportDate('1709712023456789'), '2024-03-06T08:00:23.456Z');
  });

  it('keeps the offset as written, in the form ISO 8601 gives it', () => {
    assert.equal(parseExportDate('2023-05-01T14:03:22+0200'), '2023-05-01T14:03:22+02:00');
    assert.equal(parseExportDate('2022-12-20 19:47:00.442000+00:00'), '2022-12-20T19:47:00.442+00:00');
    assert.equal(parseExportDate('2024-06-02T08:15:30.000Z'), '2024-06-02T08:15:30.000Z');
    assert.equal(parseExportDate('2023-06-10T21:45:00+08'), '2023-06-10T21:45:00+08:00');
    assert.equal(parseExportDate('2017-02-14 17:50:31'), '2017-02-14T17:50:31');
    assert.equal(parseExportDate('2023-09-01'), '2023-09-01');
    assert.equal(parseExportDate('Tue, 05 Apr 2016 08:44:33 GMT'), '2016-04-05T08:44:33Z');
  });

  it('reads nothing into a date that is not one', () => {
    for (const text of ['', '0', 'yesterday', '2023-02-31T10:00:00Z', '2023-13-01', '24:00', '5/1/2023', null, undefined, {}]) {
      assert.equal(parseExportDate(text), null, String(text));
    }
  });
});

describe('reading Readwise\'s Python-printed tag lists', () => {
  it('reads either quote, escapes and codes, and refuses what is no list', () => {
    assert.deepEqual(parsePythonList(`['a', "it's", '中文']`), ['a', "it's", '中文']);
    const escaped = `['it\\'s "x"', 'back\\\\slash', 'caf\\xe9', '\\U0001f4da']`;
    assert.deepEqual(parsePythonList(escaped), [`it's "x"`, 'back\\slash', 'café', '📚']);
    assert.deepEqual(parsePythonList('[]'), []);
    assert.equal(parsePythonList('news, tech'), null);
    assert.equal(parsePythonList("['never closed]"), null);
  });
});

describe('reading Omnivore\'s highlight files', () => {
  it('reads quotes across paragraphs, labels, notes of several paragraphs and page notes', () => {
    const markdown = [
      'Page note one.', 'Page note two.', '> First line\n> \nsecond paragraph ', '#to read #观点', 'A note', 'that goes on.',
      '> Bare quote ', '# A heading is a note',
    ].join('\n\n');
    assert.deepEqual(parseOmnivoreHighlights(markdown), {
      pageNotes: ['Page note one.', 'Page note two.'],
      highlights: [
        { quote: 'First line\n\nsecond paragraph', note: 'A note\n\nthat goes on.', tags: ['to read', '观点'] },
        { quote: 'Bare quote', note: '# A heading is a note', tags: [] },
      ],
    });
  });
});

describe('reading CSV rows by header name', () => {
  it('reads a byte order mark, CRLF, quoted newlines and quotes, and a stray quote inside a field', async () => {
    const text = '\uFEFFTitle,URL\r\n"two\nlines",https://a.example/\r\nsay "hi",https://b.example/\r\n"x"y,https://c.example/\r\n';
    assert.deepEqual(await rowsOf(text), [
      { title: 'two\nlines', url: 'https://a.example/' },
      { title: 'say "hi"', url: 'https://b.example/' },
      { title: '"x"y', url: 'https://c.example/' },
    ]);
    assert.equal(countCsvRows(text), 3);
  });

  it('reads characters outside the BMP that straddle the parser\'s chunks', async () => {
    const title = `${'a'.repeat(64 * 1024 - 'title,url\n'.length - 1)}📚 and more`;
    assert.deepEqual(await rowsOf(`title,url\n${title},https://a.example/\n`), [{ title, url: 'https://a.example/' }]);
  });
});

describe('reading JSON items one at a time', () => {
  it('finds the arrays at a path through objects and every element of arrays, past strings with brackets in them', () => {
    const collections = '[{"links": [{"u": 1}, {"u": "中文]"}]}, {"links": []}, {"links": [3]}]';
    const bytes = bytesOf(`\uFEFF{"note": "a ] and a } and \\" in a string", "collections": ${collections}}`);
    assert.deepEqual(jsonRoot(bytes), { kind: 'object', keys: ['note', 'collections'] });
    assert.equal(countJsonItems(bytes, ['collections', '*', 'links']), 3);
    const links = [...jsonItems(bytes, ['collections', '*', 'links'])].map((item) => ('value' in item ? item.value : item.error));
    assert.deepEqual(links, [{ u: 1 }, { u: '中文]' }, 3]);
    assert.deepEqual([...jsonItems(bytes, ['missing'])], []);
  });
});
