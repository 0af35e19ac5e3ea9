import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeBody, encodeBody, encodeSharedBody, readBodyTextSync, readBodyTextsSync } from '../../electron/core/store/body-file.js';
import { bodyDoc, plainBodyDoc } from '../../electron/core/store/library-dir.js';
import { SEED_FILE } from '../helpers/seed.js';
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

describe('the forms of a body file', () => {
  const seedText = readFileSync(SEED_FILE, 'utf8');
  const body = { contentHash: HASH, content: seedText.split('\n').map((line) => `<p>${line}</p>`).join(''), text: seedText };

  it('is one gzip stream, the text and then the rest as JSON on a line of its own (what zcat shows)', () => {
    const shown = gunzipSync(encodeBody(body)).toString('utf8');
    assert.equal(shown, `${seedText}\n${JSON.stringify({ contentHash: HASH, content: body.content })}`);
  });

  it('stores a text mostly of Chinese as UTF-16, smaller than UTF-8 there, and reads it back exactly', async (t) => {
    const text = `${'来源: 新华社。吉林高新区举行交流会，'.repeat(40)} (完) \ud800 lone surrogate kept`;
    const chinese = { contentHash: HASH, content: `<p>${text}</p>`, text };
    const bytes = encodeBody(chinese);
    assert.equal(gunzipSync(bytes).toString('utf16le'), `${text}\n${JSON.stringify({ contentHash: HASH, content: chinese.content })}`);
    assert.deepEqual(decodeBody('chinese', bytes), chinese);
    const dir = await bodyFolder(t);
    await writeFile(join(dir, bodyDoc(ID, HASH)), bytes);
    assert.equal(readBodyTextSync(dir, ID, HASH), text);
    assert.deepEqual(readBodyTextsSync(dir, [{ id: ID, contentHash: HASH }, { id: ID, contentHash: HASH }]), [text, text]);
  });

  it('decodes text-first bodies and gzipped JSON (what sync sends) to the same body', () => {
    assert.deepEqual(decodeBody('text-first', encodeBody(body)), body);
    assert.deepEqual(decodeBody('shared', encodeSharedBody(body)), body);
    assert.deepEqual(JSON.parse(gunzipSync(encodeSharedBody(body)).toString('utf8')), body, 'sync sends the form older versions read');
  });

  it('stores the HTML after the text for little more than its markup: within 5% of one gzip stream over both', () => {
    const textFirst = encodeBody(body).length;
    const together = encodeSharedBody(body).length;
    assert.ok(textFirst <= together * 1.05, `${textFirst} bytes text first, ${together} in one JSON stream`);
    assert.ok(textFirst < gzipSync(body.text).length + gzipSync(body.content).length * 0.5, 'the HTML is compressed against the text');
  });
});

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

  it('reads bodies stored otherwise among them: plain JSON, gzipped JSON, the text not last, larger than the read buffer', async (t) => {
    const dir = await bodyFolder(t);
    const big = 'x'.repeat(300 * 1024);
    const { versions, texts } = await bodies(dir, 6, async (hash, text) => {
      const textNotLast = JSON.stringify({ text, contentHash: hash, content: '' });
      const path = join(dir, bodyDoc(ID, hash));
      if (hash.endsWith('1')) await writeFile(join(dir, plainBodyDoc(ID, hash)), textNotLast);
      else if (hash.endsWith('2')) await writeFile(path, gzipSync(textNotLast));
      else if (hash.endsWith('3')) await writeBodyAs(dir, hash, `${text}${big}`);
      else if (hash.endsWith('4')) await writeFile(path, encodeSharedBody({ contentHash: hash, content: '<p></p>', text }));
      else await writeBodyAs(dir, hash, text);
    });
    texts[3] = `${texts[3]}${big}`;
    assert.deepEqual(readBodyTextsSync(dir, versions), texts);
  });

  /**
   * Each damage done to the middle one of three bodies (written by `encode`) must name its file, and
   * leave the others readable.
   */
  type Damage = (bytes: Buffer) => void;
  async function damagedAmongOthers(t: Parameters<typeof tempDir>[0], encode: typeof encodeBody, damages: Damage[]) {
    const dir = await bodyFolder(t);
    const { versions, texts } = await bodies(dir, 3, (hash, text) => writeFile(join(dir, bodyDoc(ID, hash)), encode(bodyOf(hash, text))));
    const damaged = bodyDoc(ID, versions[1]!.contentHash);
    for (const damage of damages) {
      const bytes = encode(bodyOf(versions[1]!.contentHash, texts[1]!));
      damage(bytes);
      await writeFile(join(dir, damaged), bytes);
      assert.throws(() => readBodyTextsSync(dir, versions), (error: Error) => error.message.includes(damaged), damage.toString());
      assert.deepEqual(readBodyTextsSync(dir, [versions[0]!, versions[2]!]), [texts[0], texts[2]]);
    }
  }

  const bodyOf = (hash: string, text: string) => ({ contentHash: hash, content: `<p>${text}</p>`, text });
  /** In a text-first body: the header's three numbers and encoding (text-first-gzip.ts), then the text's deflated bytes from byte 29. */
  const textFirstDamages = [
    (bytes: Buffer) => void (bytes[28] = 1),
    (bytes: Buffer) => void (bytes[28] = 7),
    (bytes: Buffer) => void (bytes[40]! ^= 0x55),
    (bytes: Buffer) => bytes.writeUInt32LE(bytes.readUInt32LE(24) ^ 1, 24),
    (bytes: Buffer) => bytes.writeUInt32LE(0xfffffff0, 20),
    (bytes: Buffer) => bytes.writeUInt32LE(3, 20),
    (bytes: Buffer) => bytes.writeUInt32LE(Math.floor(bytes.readUInt32LE(16) / 2), 16),
  ];

  it('names a text-first file whose text is damaged or whose header claims another text, and the others still read', async (t) => {
    await damagedAmongOthers(t, encodeBody, textFirstDamages);
  });

  it('names a gzipped JSON file whose CRC or length does not match, the length far larger or smaller', async (t) => {
    await damagedAmongOthers(t, encodeSharedBody, [
      (bytes: Buffer) => void (bytes[bytes.length - 6]! ^= 0xff),
      (bytes: Buffer) => bytes.writeUInt32LE(0xfffffff0, bytes.length - 4),
      (bytes: Buffer) => bytes.writeUInt32LE(3, bytes.length - 4),
    ]);
  });
});
