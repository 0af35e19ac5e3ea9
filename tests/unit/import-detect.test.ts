import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { isClipdeskError } from '../../electron/core/errors.js';
import type { ErrorCode } from '../../electron/core/errors.js';
import { detectExportFile } from '../../electron/core/import/index.js';
import type { ImportFormat } from '../../electron/core/import/index.js';
import { fixtureBytes, readExport } from '../helpers/import-fixtures.js';

const FIXTURES: Array<[name: string, format: ImportFormat, description: string]> = [
  ['pocket-export', 'pocket-zip', 'Pocket export (zip of 2 CSV parts with highlights), 6 items'],
  ['pocket-part_000000.csv', 'pocket-csv', 'Pocket export (one CSV part of the zip), 3 items'],
  ['ril_export.html', 'pocket-html', 'Pocket export (ril_export.html), 4 items'],
  ['omnivore-export', 'omnivore-zip', 'Omnivore export (zip of 1 metadata file with articles and highlights), 3 items'],
  ['instapaper-export.csv', 'instapaper-csv', 'Instapaper export (CSV), 4 items'],
  ['readwise-export.csv', 'readwise-csv', 'Readwise Reader export (CSV), 5 items'],
  ['raindrop-export.csv', 'raindrop-csv', 'Raindrop.io export (CSV), 3 items'],
  ['bookmarks-firefox.html', 'netscape-bookmarks', 'Browser bookmarks (Netscape bookmark file), 7 bookmarks'],
  ['bookmarks-safari.html', 'netscape-bookmarks', 'Browser bookmarks (Netscape bookmark file), 2 bookmarks'],
  ['karakeep-export.json', 'karakeep-json', 'Karakeep export (JSON), 3 bookmarks'],
  ['wallabag-export.json', 'wallabag-json', 'Wallabag export (JSON), 3 entries'],
  ['linkwarden-export.json', 'linkwarden-json', 'Linkwarden export (JSON), 3 links in 2 collections'],
  ['hypothesis-export.json', 'hypothesis-json', 'Hypothesis annotations (JSON), 5 annotations'],
  ['reading-list.md', 'url-list', 'List of links (text or Markdown), 5 links'],
];

function refused(code: ErrorCode, ...words: string[]) {
  return (error: unknown): boolean => {
    assert.ok(isClipdeskError(error), String(error));
    assert.equal(error.code, code);
    for (const word of words) assert.ok(error.message.includes(word), `"${error.message}" should say "${word}"`);
    return true;
  };
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('telling which app an export file comes from', () => {
  for (const [name, format, description] of FIXTURES) {
    it(`tells ${name} by its content and says what it holds before anything is read`, async () => {
      const file = await detectExportFile(fixtureBytes(name), name);
      assert.equal(file.format, format);
      assert.equal(file.description, description);
    });
  }

  it('counts the items of every export without reading them: its entries, and at most the problems it reports besides', async () => {
    for (const [name, format] of FIXTURES) {
      const { file, entries, all } = await readExport(name);
      const counted = Number(/([\d,]+) [a-z]+$/.exec(file.description)?.[1]?.replaceAll(',', ''));
      // A Hypothesis file counts annotations; its entries are the pages they mark, here fewer.
      if (format === 'hypothesis-json') assert.ok(counted > entries.length, name);
      else assert.ok(counted >= entries.length && counted <= all.length, `${name}: ${file.description}`);
    }
  });

  it('tells every export by its content when it has been renamed', async () => {
    for (const [name, format] of FIXTURES) {
      assert.equal((await detectExportFile(fixtureBytes(name), 'download (1)')).format, format, name);
    }
  });

  it('finds the parts of a Pocket zip that holds them in a folder', async () => {
    const file = await detectExportFile(fixtureBytes('pocket-export', 'pocket-export-2025-05-01/'), 'pocket.zip');
    assert.equal(file.description, 'Pocket export (zip of 2 CSV parts with highlights), 6 items');
  });

  it('uses the file name only to break a tie, as for an empty Wallabag export', async () => {
    assert.equal((await detectExportFile(bytesOf('[]'), 'wallabag-export.json')).format, 'wallabag-json');
    await assert.rejects(detectExportFile(bytesOf('[]'), 'export.json'), refused('UNSUPPORTED', 'an empty JSON list'));
  });
});

describe('refusing a file that is no export', () => {
  it('names what the file looks like and the formats Clipdesk imports', async () => {
    const pdf = bytesOf('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    await assert.rejects(detectExportFile(pdf, 'pocket.csv'), refused('UNSUPPORTED', 'a PDF document', 'Pocket', 'Hypothesis JSON'));
    const page = bytesOf('<!doctype html><html><head><title>城市新闻 - 首页</title></head><body><p>hi</p></body></html>');
    await assert.rejects(detectExportFile(page, 'bookmarks.html'), refused('UNSUPPORTED', 'a web page ("城市新闻 - 首页")'));
    const photos = zipSync({ 'IMG_0001.jpg': new Uint8Array([0xff, 0xd8, 0xff]), 'IMG_0002.jpg': new Uint8Array([0xff, 0xd8, 0xff]) });
    await assert.rejects(detectExportFile(photos, 'pocket.zip'), refused('UNSUPPORTED', 'a zip archive of "IMG_0001.jpg", "IMG_0002.jpg"'));
  });

  it('names the columns of a CSV file and the keys of a JSON object it does not know', async () => {
    const csv = bytesOf('date,amount,payee\n2024-01-01,12.50,Café\n');
    await assert.rejects(detectExportFile(csv, 'x.csv'), refused('UNSUPPORTED', 'a CSV file with the columns date, amount, payee'));
    const json = bytesOf('{"version": 2, "items": []}');
    await assert.rejects(detectExportFile(json, 'x.json'), refused('UNSUPPORTED', 'JSON (an object with the keys version, items)'));
    const diary = bytesOf('Dear diary,\ntoday I read nothing.\n');
    await assert.rejects(detectExportFile(diary, 'notes.txt'), refused('UNSUPPORTED', 'text with no links'));
  });

  it('says which whole export to import when given a part of one', async () => {
    const metadata = fixtureBytes('omnivore-export/metadata_0_to_3.json');
    const whole = 'Omnivore export (import the whole zip';
    await assert.rejects(detectExportFile(metadata, 'metadata_0_to_3.json'), refused('UNSUPPORTED', whole));
    const highlights = fixtureBytes('pocket-export/annotations/part_000000.json');
    await assert.rejects(detectExportFile(highlights, 'part_000000.json'), refused('UNSUPPORTED', 'Pocket export (import the whole zip'));
  });

  it('refuses an empty file, a zip cut short and JSON cut short before its first key as bad input', async () => {
    await assert.rejects(detectExportFile(new Uint8Array(), 'pocket.zip'), refused('BAD_INPUT', 'empty'));
    const zip = fixtureBytes('pocket-export');
    const cut = zip.subarray(0, zip.length - 30);
    await assert.rejects(detectExportFile(cut, 'pocket.zip'), refused('BAD_INPUT', 'The zip archive is damaged'));
    await assert.rejects(detectExportFile(bytesOf('{"bookmarks'), 'karakeep.json'), refused('BAD_INPUT', 'cut short'));
  });
});
