import assert from 'node:assert/strict';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { checkLibrary } from '../../electron/core/store/check.js';
import { removeStrayTemps } from '../../electron/core/store/stray-temps.js';
import { TEMP_FILE, writeFileWhole } from '../../electron/core/store/write-whole.js';
import { formatCheck } from '../../electron/cli/output.js';
import { sampleText } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-library.js';

const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** A temp file as writeFileWhole leaves it when its rename never happens: here the target is a folder. */
async function leaveTemp(dir: string, folder: string, age: Date | null): Promise<string> {
  const target = join(dir, folder, 'blocked');
  await mkdir(join(target, 'inside'), { recursive: true });
  await assert.rejects(writeFileWhole(target, 'half of something'));
  const [name = ''] = (await readdir(join(dir, folder))).filter((file) => TEMP_FILE.test(file));
  if (age) await utimes(join(dir, folder, name), age, age);
  return `${folder}/${name}`;
}

describe('half-written files of killed writers', () => {
  it('are listed by check (not as damage) once abandoned, and removed by the sweep; fresh ones and backups are left', async (t) => {
    const dir = join(await tempDir(t), 'lib');
    const library = await Library.open(dir);
    await library.import({ kind: 'text', text: sampleText(1) });
    await library.close();
    const old = await leaveTemp(dir, 'bodies', HOUR_AGO);
    const fresh = await leaveTemp(dir, 'clips', null);
    await mkdir(join(dir, 'backups', 'recent'), { recursive: true });
    await writeFile(join(dir, 'backups', 'recent', 'x.json.1.abcdefabcdef.tmp'), '');

    const check = await checkLibrary(dir);
    assert.deepEqual(check.strayTemps, [old]);
    assert.deepEqual(check.problems, []);
    assert.match(formatCheck(check), /1 half-written files of killed writers \(the app removes them\)/);

    assert.equal(await removeStrayTemps(dir), 1);
    assert.deepEqual((await checkLibrary(dir)).strayTemps, []);
    const left = (await readdir(join(dir, 'clips'))).filter((name) => TEMP_FILE.test(name));
    assert.deepEqual(left, [fresh.split('/')[1]], 'a temp file written moments ago may still be renamed into place');
  });
});
