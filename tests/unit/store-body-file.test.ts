import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { encodeBody, readBodyTextSync, readBodyTextsSync } from '../../electron/core/store/body-file.js';
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

describe('reading the texts of several body files together', () => {
  /** Bodies of clip ID under hashes 0…, each with its own text; `write` may store one otherwise. */
  async function bodies(dir: string, count: number, write = (hash: string, text: string) => writeBodyAs(dir, hash, text)) {
    const versions = Array.from({ length: count }, (_, i) => ({ id: ID, contentHash: String(i).padStart(16, '0') }));
    const texts = versions.map((_, i) => `${AWKWARD} ${i} ${'word '.repeat(i * 50)}`);
    for (const [i, { contentHash }] of versions.entries()) await write(contentHash, texts[i] as string);
    return { versions, texts };
  }

  async function writeBodyAs(dir: string, hash: string, text: string): Promise<void> {
    await writeFile(join(dir, bodyDoc(ID, hash)), encodeBody({ contentHash: hash, content: `<p>${text}</p>`, text }));
  }

  it('reads every text in the order asked, the same text twice included', async (t) => {
    const dir = await bodyFolder(t);
    const { versions, texts } = await bodies(dir, 12);
    const order = [5, 0, 11, 5, 3];
    assert.deepEqual(readBodyTextsSync(dir, order.map((i) => versions[i]!)), order.map((i) => texts[i]));
    assert.deepEqual(readBodyTextsSync(dir, []), []);
  });

  it('reads bodies stored otherwise among them: plain JSON, the text not last, larger than the read buffer', async (t) => {
    const dir = await bodyFolder(t);
    const big = 'x'.repeat(300 * 1024);
    const { versions, texts } = await bodies(dir, 6, async (hash, text) => {
      const textFirst = JSON.stringify({ text, contentHash: hash, content: '' });
      if (hash.endsWith('1')) await writeFile(join(dir, plainBodyDoc(ID, hash)), textFirst);
      else if (hash.endsWith('2')) await writeFile(join(dir, bodyDoc(ID, hash)), gzipSync(textFirst));
      else if (hash.endsWith('3')) await writeBodyAs(dir, hash, `${text}${big}`);
      else await writeBodyAs(dir, hash, text);
    });
    texts[3] = `${texts[3]}${big}`;
    assert.deepEqual(readBodyTextsSync(dir, versions), texts);
  });

  it('names the damaged file when one among them does not read, and the others still read alone', async (t) => {
    const dir = await bodyFolder(t);
    const { versions, texts } = await bodies(dir, 5);
    const damaged = bodyDoc(ID, versions[2]!.contentHash);
    const bytes = encodeBody({ contentHash: versions[2]!.contentHash, content: '<p>x</p>', text: texts[2]! });
    bytes[bytes.length - 6]! ^= 0xff; // the CRC no longer matches
    await writeFile(join(dir, damaged), bytes);
    assert.throws(() => readBodyTextsSync(dir, versions), (error: Error) => error.message.includes(damaged));
    const others = versions.filter((_, i) => i !== 2);
    assert.deepEqual(readBodyTextsSync(dir, others), texts.filter((_, i) => i !== 2));
  });

  it('names a file whose trailer claims another length than it holds, far larger or smaller', async (t) => {
    const dir = await bodyFolder(t);
    const { versions, texts } = await bodies(dir, 3);
    const damaged = bodyDoc(ID, versions[1]!.contentHash);
    for (const claimed of [0xfffffff0, 3]) {
      const bytes = encodeBody({ contentHash: versions[1]!.contentHash, content: '<p>x</p>', text: texts[1]! });
      bytes.writeUInt32LE(claimed, bytes.length - 4);
      await writeFile(join(dir, damaged), bytes);
      assert.throws(() => readBodyTextsSync(dir, versions), (error: Error) => error.message.includes(damaged));
    }
  });
});
