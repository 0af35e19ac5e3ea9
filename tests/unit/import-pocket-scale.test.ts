import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectExportFile, isImportProblem } from '../../electron/core/import/index.js';
import { makePocketExport, pocketItemUrl } from '../helpers/make-pocket-export.js';

const ITEMS = 30_000;

describe('reading a Pocket export of 30,000 items', () => {
  it('counts the items before reading them, then reads every one, an entry at a time', async (t) => {
    const zip = makePocketExport({ items: ITEMS });
    const started = performance.now();
    const file = await detectExportFile(zip, 'pocket.zip');
    assert.equal(file.description, 'Pocket export (zip of 3 CSV parts with highlights), 30,000 items');
    const detected = performance.now();
    let entries = 0;
    let archived = 0;
    let highlighted = 0;
    let untitled = 0;
    let problems = 0;
    for await (const item of file.entries()) {
      if (isImportProblem(item)) {
        problems++;
        continue;
      }
      assert.equal(item.url, pocketItemUrl(entries), `entry ${entries} comes in the file's order`);
      entries++;
      if (item.readState === 'archived') archived++;
      if (item.highlights.length > 0) highlighted++;
      if (item.title === null) untitled++;
    }
    const read = performance.now() - detected;
    t.diagnostic(`detected in ${(detected - started).toFixed(0)} ms, read ${entries} entries in ${read.toFixed(0)} ms`);
    assert.deepEqual({ entries, problems, archived, highlighted, untitled }, {
      entries: ITEMS, problems: 0, archived: ITEMS / 3, highlighted: ITEMS / 50, untitled: Math.ceil(ITEMS / 7),
    });
  });
});
