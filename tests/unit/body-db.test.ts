import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BodyDb } from '../../electron/core/store/body-db.js';
import { BODIES_FILE } from '../../electron/core/store/library-dir.js';
import { tempDir } from '../helpers/temp-library.js';
import { waitFor } from '../helpers/wait-for.js';

const ID = '0123456789abcdef0123456789abcdef';
const hashOf = (n: number) => n.toString(16).padStart(16, '0');

describe('the texts\' SQLite file', () => {
  it('empties its log once writes pause, and gives the pages of deleted texts back to the file system', async (t) => {
    const dir = await tempDir(t);
    const bodies = BodyDb.open(dir);
    t.after(() => bodies.close());
    const file = join(dir, BODIES_FILE);
    const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    // Random bytes do not compress: 400 texts of 3 KB are 1.2 MB of pages, more than the log's autocheckpoint.
    const rows = Array.from({ length: 400 }, (_, n) => ({ id: ID, contentHash: hashOf(n), savedAt: n, bytes: randomBytes(3000) }));
    bodies.put(rows);
    assert.ok(sizeOf(`${file}-wal`) > 0, 'the commit went to the log');
    assert.ok(await waitFor(() => sizeOf(`${file}-wal`) === 0, 5000), 'the log is emptied into the file');
    const full = sizeOf(file);
    assert.ok(full > 400 * 3000, `${full} bytes hold the texts`);
    bodies.delete(rows.slice(10));
    assert.ok(await waitFor(() => sizeOf(file) < full / 10 && sizeOf(`${file}-wal`) === 0, 5000), `${sizeOf(file)} of ${full} bytes left`);
    assert.deepEqual(bodies.keys().map((key) => key.contentHash), rows.slice(0, 10).map((row) => row.contentHash));
    assert.deepEqual(bodies.get(ID, hashOf(3)), rows[3]?.bytes);
  });
});
