import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeBody, encodeBody, encodeSharedBody } from '../../electron/core/store/body-codec.js';
import { BodyDb } from '../../electron/core/store/body-db.js';
import { ClipStore } from '../../electron/core/store/clip-store.js';
import { bodyRow } from '../../electron/core/store/library-dir.js';
import type { TestScope } from '../helpers/cleanup-scope.js';
import { SEED_FILE } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-library.js';

const ID = '0123456789abcdef0123456789abcdef';
const HASH = '0123456789abcdef';
// Everything JSON has to escape, and the very key the text is found by.
const AWKWARD = 'He said "stop," she wrote C:\\temp\\ and {"text":"no"} ,"text":"x" — 来源: 新华社。\n\u00a0\u00a0(完)';

/** A library's store, and a way to store any bytes as a version's text (what a damaged or older row holds). */
async function storedTexts(scope: TestScope): Promise<{ store: ClipStore; put: (hash: string, bytes: Uint8Array) => void }> {
  const dir = await tempDir(scope);
  const store = await ClipStore.open(dir);
  const rows = BodyDb.open(dir);
  scope.after(() => {
    rows.close();
    store.close();
  });
  return { store, put: (hash, bytes) => rows.put([{ id: ID, contentHash: hash, savedAt: Date.now(), bytes }]) };
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
    const { store, put } = await storedTexts(t);
    put(HASH, bytes);
    assert.equal(store.texts.readText(ID, HASH), text);
    assert.deepEqual(store.texts.readTexts([{ id: ID, contentHash: HASH }, { id: ID, contentHash: HASH }]), [text, text]);
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

describe('reading the text of a stored body', () => {
  it('reads the text exactly as encodeBody wrote it, whatever the text and the HTML hold', async (t) => {
    const { store, put } = await storedTexts(t);
    const content = `<p>${AWKWARD.replaceAll('"', '&quot;')}</p><p data-x='","text":"'>"text"</p>`;
    put(HASH, encodeBody({ contentHash: HASH, content, text: AWKWARD }));
    assert.equal(store.texts.readText(ID, HASH), AWKWARD);
  });

  it('reads a body whose text is not its last field, gzipped or plain (written by other code)', async (t) => {
    const { store, put } = await storedTexts(t);
    const json = JSON.stringify({ text: AWKWARD, contentHash: HASH, content: '<p>",\"text\":"</p>' });
    put(HASH, gzipSync(json));
    assert.equal(store.texts.readText(ID, HASH), AWKWARD);
    const other = 'fedcba9876543210';
    put(other, Buffer.from(json));
    assert.equal(store.texts.readText(ID, other), AWKWARD);
  });

  it('says which text is damaged when its JSON is cut short, and which is missing', async (t) => {
    const { store, put } = await storedTexts(t);
    const json = JSON.stringify({ contentHash: HASH, content: '<p>x</p>', text: AWKWARD });
    put(HASH, Buffer.from(json.slice(0, -2)));
    const damaged = { code: 'CORRUPT_LIBRARY', message: `${bodyRow(ID, HASH)} is not a whole text (gzipped JSON)` };
    assert.throws(() => store.texts.readText(ID, HASH), damaged);
    const missing = 'fedcba9876543210';
    assert.throws(() => store.texts.readText(ID, missing), (error: Error) => error.message.includes(bodyRow(ID, missing)));
  });
});

describe('reading the texts of several stored bodies together', () => {
  /** Bodies of clip ID under hashes 0…, each with its own text; `write` may store one otherwise. */
  function bodies(count: number, write: (hash: string, text: string) => void) {
    const versions = Array.from({ length: count }, (_, i) => ({ id: ID, contentHash: String(i).padStart(16, '0') }));
    const texts = versions.map((_, i) => `${AWKWARD} ${i} ${'word '.repeat(i * 50)}`);
    for (const [i, { contentHash }] of versions.entries()) write(contentHash, texts[i] as string);
    return { versions, texts };
  }

  const bodyOf = (hash: string, text: string) => ({ contentHash: hash, content: `<p>${text}</p>`, text });

  it('reads every text in the order asked, the same text twice included', async (t) => {
    const { store, put } = await storedTexts(t);
    const { versions, texts } = bodies(12, (hash, text) => put(hash, encodeBody(bodyOf(hash, text))));
    const order = [5, 0, 11, 5, 3];
    assert.deepEqual(store.texts.readTexts(order.map((i) => versions[i]!)), order.map((i) => texts[i]));
    assert.deepEqual(store.texts.readTexts([]), []);
  });

  it('reads bodies stored otherwise among them: plain JSON, gzipped JSON, the text not last, a large one', async (t) => {
    const { store, put } = await storedTexts(t);
    const big = 'x'.repeat(300 * 1024);
    const { versions, texts } = bodies(6, (hash, text) => {
      const textNotLast = JSON.stringify({ text, contentHash: hash, content: '' });
      if (hash.endsWith('1')) put(hash, Buffer.from(textNotLast));
      else if (hash.endsWith('2')) put(hash, gzipSync(textNotLast));
      else if (hash.endsWith('3')) put(hash, encodeBody(bodyOf(hash, `${text}${big}`)));
      else if (hash.endsWith('4')) put(hash, encodeSharedBody({ contentHash: hash, content: '<p></p>', text }));
      else put(hash, encodeBody(bodyOf(hash, text)));
    });
    texts[3] = `${texts[3]}${big}`;
    assert.deepEqual(store.texts.readTexts(versions), texts);
  });

  /**
   * Each damage done to the middle one of three bodies (written by `encode`) must leave it unread and
   * named, and the others read.
   */
  type Damage = (bytes: Buffer) => void;
  async function damagedAmongOthers(t: TestScope, encode: typeof encodeBody, damages: Damage[]) {
    const { store, put } = await storedTexts(t);
    const { versions, texts } = bodies(3, (hash, text) => put(hash, encode(bodyOf(hash, text))));
    const damaged = versions[1]!.contentHash;
    for (const damage of damages) {
      const bytes = encode(bodyOf(damaged, texts[1]!));
      damage(bytes);
      put(damaged, bytes);
      store.texts.unreadableTexts.clear();
      assert.deepEqual(store.texts.readTexts(versions), [texts[0], undefined, texts[2]], damage.toString());
      assert.deepEqual([...store.texts.unreadableTexts], [[bodyRow(ID, damaged), ID]]);
      const namesRow = (error: Error) => error.message.includes(bodyRow(ID, damaged));
      assert.throws(() => store.texts.readText(ID, damaged), namesRow, damage.toString());
    }
  }

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

  it('names a text-first body whose text is damaged or whose header claims another text, and the others still read', async (t) => {
    await damagedAmongOthers(t, encodeBody, textFirstDamages);
  });

  it('names a gzipped JSON body whose CRC or length does not match, the length far larger or smaller', async (t) => {
    await damagedAmongOthers(t, encodeSharedBody, [
      (bytes: Buffer) => void (bytes[bytes.length - 6]! ^= 0xff),
      (bytes: Buffer) => bytes.writeUInt32LE(0xfffffff0, bytes.length - 4),
      (bytes: Buffer) => bytes.writeUInt32LE(3, bytes.length - 4),
    ]);
  });
});
