import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { encodeBody, readBodyTextSync } from '../../electron/core/store/body-file.js';
import { bodyDoc, plainBodyDoc } from '../../electron/core/store/library-dir.js';
import { tempDir } from '../helpers/temp-library.js';

const ID = '0123456789abcdef0123456789abcdef';
const HASH = '0123456789abcdef';
// Everything JSON has to escape, and the very key the text is found by.
const AWKWARD = 'He said "stop," she wrote C:\\temp\\ and {"text":"no"} ,"text":"x" — 来源: 新华社。\n\u00a0\u00a0(完)';

async function bodyFolder(scope: Parameters<typeof tempDir>[0]): Promise<string> {
  const dir = await tempDir(scope);
  await mkdir(join(dir, 'bodies'), { recursive: true });
  return dir;
}

describe('reading the text of a body file', () => {
  it('reads the text exactly as encodeBody wrote it, whatever the text and the HTML hold', async (t) => {
    const dir = await bodyFolder(t);
    const content = `<p>${AWKWARD.replaceAll('"', '&quot;')}</p><p data-x='","text":"'>"text"</p>`;
    await writeFile(join(dir, bodyDoc(ID, HASH)), encodeBody({ contentHash: HASH, content, text: AWKWARD }));
    assert.equal(readBodyTextSync(dir, ID, HASH), AWKWARD);
  });

  it('reads a body whose text is not its last field, gzipped or plain (written by other code)', async (t) => {
    const dir = await bodyFolder(t);
    const json = JSON.stringify({ text: AWKWARD, contentHash: HASH, content: '<p>",\"text\":"</p>' });
    await writeFile(join(dir, bodyDoc(ID, HASH)), gzipSync(json));
    assert.equal(readBodyTextSync(dir, ID, HASH), AWKWARD);
    const other = 'fedcba9876543210';
    await writeFile(join(dir, plainBodyDoc(ID, other)), json);
    assert.equal(readBodyTextSync(dir, ID, other), AWKWARD);
  });

  it('says which file is damaged when its JSON is cut short', async (t) => {
    const dir = await bodyFolder(t);
    const json = JSON.stringify({ contentHash: HASH, content: '<p>x</p>', text: AWKWARD });
    await writeFile(join(dir, plainBodyDoc(ID, HASH)), json.slice(0, -2));
    const named = (error: Error) => error.message.includes(`${plainBodyDoc(ID, HASH)} is not a whole text file`);
    assert.throws(() => readBodyTextSync(dir, ID, HASH), named);
  });
});
