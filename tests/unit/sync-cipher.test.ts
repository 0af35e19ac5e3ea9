import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DocCipher, type SealedDoc, type SyncDoc } from '../../electron/core/sync/doc-cipher.js';
import { DEFAULT_SCRYPT_N, KEY_RECORD_ID, newKeyRecord, unlockKeyRecord } from '../../electron/core/sync/sync-key.js';

// Real scrypt and XChaCha20-Poly1305 throughout. Records are made at N = 2^10 to keep the run short; one
// test pays for the default (2^17: 128 MiB, about half a second) to show it is what a record gets.
const FAST = { N: 2 ** 10 };
const PASSPHRASE = 'correct horse battery staple';
const CHINESE = '来源：新华社 记者张三报道';
const PICTURE = Buffer.concat([
  Buffer.from('\x89PNG\r\n\x1a\nSECRET-PICTURE-MARKER', 'latin1'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
]);

function sampleDoc(): SyncDoc {
  return {
    _id: 'body:clip1.abc123',
    _rev: '3-deadbeef',
    title: 'Harbour strike enters its second week',
    note: CHINESE,
    tags: ['shipping', 'labour'],
    wordCount: 912,
    starred: true,
    _attachments: { 'lead.png': { content_type: 'image/png', data: PICTURE } },
  };
}

/** A copy of `sealed` with one byte of its base64 `sealed` field flipped. */
function flipSealedByte(sealed: SealedDoc, index: number): SealedDoc {
  const bytes = Buffer.from(sealed.sealed ?? '', 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return { ...sealed, sealed: bytes.toString('base64') };
}

/** The sealed document as it travels to CouchDB: JSON with attachment bytes in base64. */
function wireJson(sealed: SealedDoc): string {
  return JSON.stringify(sealed, (_key, value: unknown) =>
    value && typeof value === 'object' && 'type' in value && value.type === 'Buffer' && 'data' in value && Array.isArray(value.data)
      ? Buffer.from(value.data as number[]).toString('base64')
      : value);
}

const corrupt = { name: 'ClipdeskError', code: 'CORRUPT_LIBRARY' };

describe('sync key record', () => {
  it('derives with scrypt at N = 2^17, r = 8, p = 1 by default, and keeps them beside a 16-byte salt', async () => {
    const { record, key } = await newKeyRecord(PASSPHRASE);
    assert.equal(DEFAULT_SCRYPT_N, 2 ** 17);
    assert.deepEqual({ _id: record._id, kdf: record.kdf, N: record.N, r: record.r, p: record.p }, {
      _id: KEY_RECORD_ID, kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1,
    });
    assert.equal(128 * record.N * record.r, 128 * 2 ** 20, 'each guess costs 128 MiB');
    assert.equal(Buffer.from(record.salt, 'base64').byteLength, 16);
    assert.equal(key.byteLength, 32);
  });

  it('unlocks with the passphrase it was made with, giving the same key', async () => {
    const { record, key } = await newKeyRecord(PASSPHRASE, FAST);
    assert.deepEqual(await unlockKeyRecord(record, PASSPHRASE), key);
  });

  it('draws a new salt for each record, so the same passphrase gives different keys', async () => {
    const [a, b] = await Promise.all([newKeyRecord(PASSPHRASE, FAST), newKeyRecord(PASSPHRASE, FAST)]);
    assert.notEqual(a.record.salt, b.record.salt);
    assert.notDeepEqual(a.key, b.key);
  });

  it('derives with the parameters the record names, so they can be raised later', async () => {
    const { record, key } = await newKeyRecord(PASSPHRASE, { N: 2 ** 11 });
    assert.equal(record.N, 2 ** 11);
    assert.deepEqual(await unlockKeyRecord(record, PASSPHRASE), key);
    await assert.rejects(unlockKeyRecord({ ...record, N: 2 ** 10 }, PASSPHRASE), { code: 'BAD_PASSPHRASE' });
  });

  it('turns a wrong passphrase away with BAD_PASSPHRASE', async () => {
    const { record } = await newKeyRecord(PASSPHRASE, FAST);
    await assert.rejects(unlockKeyRecord(record, 'correct horse battery stapler'), {
      name: 'ClipdeskError',
      code: 'BAD_PASSPHRASE',
      message: "the passphrase does not match the one this library's server was encrypted with",
    });
  });

  it('takes a passphrase typed with composed or decomposed accents as the same one', async () => {
    const { record, key } = await newKeyRecord('café 咖啡', FAST);
    assert.deepEqual(await unlockKeyRecord(record, 'cafe\u0301 咖啡'), key);
  });

  it('turns away a malformed record, or one asking for too much memory, as CORRUPT_LIBRARY', async () => {
    const { record } = await newKeyRecord(PASSPHRASE, FAST);
    const damaged: unknown[] = [
      null,
      'clipdesk:key',
      { ...record, kdf: 'argon2id' },
      { ...record, salt: undefined },
      { ...record, salt: 'not base64!' },
      { ...record, salt: Buffer.alloc(8).toString('base64') },
      { ...record, check: 42 },
      { ...record, N: 3000 },
      { ...record, N: 2 ** 4 },
      { ...record, N: 2 ** 24 }, // 2 GiB at r = 8: a server must not be able to make a device allocate that
      { ...record, r: 0 },
      { ...record, _id: 'clip:1' },
    ];
    for (const value of damaged) {
      await assert.rejects(unlockKeyRecord(value, PASSPHRASE), { ...corrupt, message: /key record \(clipdesk:key\) is damaged/ });
    }
  });

  it('needs a passphrase and sane parameters to make a record', async () => {
    await assert.rejects(newKeyRecord(''), { code: 'BAD_INPUT' });
    await assert.rejects(newKeyRecord(PASSPHRASE, { N: 1000 }), { code: 'BAD_INPUT' });
  });
});

describe('doc cipher', () => {
  let cipher: DocCipher;
  let otherCipher: DocCipher;
  before(async () => {
    cipher = new DocCipher((await newKeyRecord(PASSPHRASE, FAST)).key);
    otherCipher = new DocCipher((await newKeyRecord(PASSPHRASE, FAST)).key);
  });

  it('opens what it sealed: fields, revision and a binary attachment with its content type', () => {
    const doc = sampleDoc();
    const sealed = cipher.seal(doc);
    assert.deepEqual(Object.keys(sealed).sort(), ['_attachments', '_id', '_rev', 'sealed']);
    assert.equal(sealed._id, doc._id);
    assert.equal(sealed._rev, doc._rev);
    assert.equal(sealed._attachments?.['lead.png']?.content_type, 'application/octet-stream');
    assert.ok(Buffer.isBuffer(sealed._attachments?.['lead.png']?.data));
    assert.deepEqual(cipher.open(sealed), doc);
  });

  it('opens attachments that arrive as base64 strings (PouchDB without binary: true)', () => {
    const sealed = cipher.seal(sampleDoc());
    const data = sealed._attachments?.['lead.png']?.data.toString('base64');
    const opened = cipher.open({ ...sealed, _attachments: { 'lead.png': { content_type: 'application/octet-stream', data } } });
    assert.deepEqual(opened._attachments?.['lead.png']?.data, PICTURE);
  });

  it('leaves none of the plaintext in the sealed JSON or attachment bytes', () => {
    const doc = sampleDoc();
    const sealed = cipher.seal(doc);
    const json = wireJson(sealed);
    const secrets = ['Harbour strike', CHINESE, '新华社', 'shipping', 'labour', 'title', 'note', 'tags', 'wordCount', '912', 'image/png'];
    for (const secret of secrets) assert.ok(!json.includes(secret), `the sealed JSON shows ${secret}`);
    const bytes = sealed._attachments?.['lead.png']?.data ?? Buffer.alloc(0);
    for (const secret of ['SECRET-PICTURE-MARKER', 'PNG', CHINESE]) {
      assert.equal(bytes.indexOf(secret), -1, `the attachment shows ${secret}`);
    }
    assert.equal(bytes.indexOf(PICTURE.subarray(-64)), -1);
  });

  it('seals the same document differently each time, and both open', () => {
    const doc = sampleDoc();
    const [a, b] = [cipher.seal(doc), cipher.seal(doc)];
    assert.notEqual(a.sealed, b.sealed);
    assert.deepEqual(cipher.open(a), cipher.open(b));
  });

  it('refuses a sealed field with any byte changed: nonce, ciphertext or tag', () => {
    const sealed = cipher.seal(sampleDoc());
    const length = Buffer.from(sealed.sealed ?? '', 'base64').byteLength;
    for (const index of [0, 23, 24, Math.floor(length / 2), length - 1]) {
      assert.throws(() => cipher.open(flipSealedByte(sealed, index)), { ...corrupt, message: /does not decrypt/ });
    }
    const cut = Buffer.from(sealed.sealed ?? '', 'base64').subarray(0, 30).toString('base64');
    assert.throws(() => cipher.open({ ...sealed, sealed: cut }), corrupt);
    assert.throws(() => cipher.open({ ...sealed, sealed: 'not base64!' }), corrupt);
  });

  it('refuses an attachment with a byte changed', () => {
    const sealed = cipher.seal(sampleDoc());
    const data = Buffer.from(sealed._attachments?.['lead.png']?.data ?? Buffer.alloc(0));
    data[40] = (data[40] ?? 0) ^ 0x80;
    const tampered = { ...sealed, _attachments: { 'lead.png': { content_type: 'application/octet-stream' as const, data } } };
    assert.throws(() => cipher.open(tampered), { ...corrupt, message: /lead\.png/ });
  });

  it('refuses ciphertext copied onto another id, or an attachment moved to another name or document', () => {
    const sealed = cipher.seal(sampleDoc());
    assert.throws(() => cipher.open({ ...sealed, _id: 'body:clip2.abc123' }), corrupt);
    const attachment = sealed._attachments?.['lead.png'];
    assert.throws(() => cipher.open({ ...sealed, _attachments: { 'other.png': attachment } }), corrupt);
    const neighbour = cipher.seal({ ...sampleDoc(), _id: 'body:clip2.abc123' });
    assert.throws(() => cipher.open({ ...sealed, _attachments: neighbour._attachments }), corrupt);
  });

  it('refuses a document whose attachments were dropped or added on the server', () => {
    const sealed = cipher.seal(sampleDoc());
    assert.throws(() => cipher.open({ ...sealed, _attachments: undefined }), { ...corrupt, message: /missing its attachment/ });
    const extra = { ...sealed._attachments, 'x.bin': { content_type: 'application/octet-stream', data: Buffer.alloc(64) } };
    assert.throws(() => cipher.open({ ...sealed, _attachments: extra }), { ...corrupt, message: /not sealed with/ });
  });

  it('refuses a document sealed with another key', () => {
    assert.throws(() => otherCipher.open(cipher.seal(sampleDoc())), corrupt);
  });

  it('refuses a document that arrives unencrypted, or with a field in the clear beside the sealed ones', () => {
    const plain = sampleDoc();
    delete plain._attachments;
    assert.throws(() => cipher.open(plain), { ...corrupt, message: /arrived unencrypted/ });
    assert.throws(() => cipher.open({ ...cipher.seal(plain), starred: false }), { ...corrupt, message: /in the clear/ });
    assert.throws(() => cipher.open({ sealed: cipher.seal(plain).sealed }), corrupt);
  });

  it('passes a bare deletion through both ways, and seals a deletion that still has fields', () => {
    const deletion = { _id: 'ann:clip1:5f0c', _rev: '4-cafe', _deleted: true };
    assert.deepEqual(cipher.seal(deletion), deletion);
    assert.deepEqual(cipher.open(deletion), deletion);
    const withFields = { ...deletion, note: CHINESE };
    const sealed = cipher.seal(withFields);
    assert.equal(sealed._deleted, true);
    assert.ok(!wireJson(sealed).includes(CHINESE));
    assert.deepEqual(cipher.open(sealed), withFields);
  });

  it("keeps CouchDB's own metadata (revision history) in the clear for the replicator", () => {
    const doc = { _id: 'clip:ab12', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, title: 'Budget' };
    const sealed = cipher.seal(doc);
    assert.deepEqual(sealed._revisions, doc._revisions);
    assert.deepEqual(cipher.open(sealed), doc);
  });

  it('asks for attachment bytes rather than sealing or opening a stub', () => {
    const stub = { _id: 'pic:ff.png', _attachments: { 'a.png': { content_type: 'image/png', stub: true, digest: 'md5-x', length: 3 } } };
    assert.throws(() => cipher.seal(stub as unknown as SyncDoc), { code: 'BAD_INPUT', message: /stub/ });
    assert.throws(() => cipher.open(stub), { code: 'BAD_INPUT', message: /stub/ });
  });

  it('never seals the key record, which must stay readable before there is a key', async () => {
    const { record } = await newKeyRecord(PASSPHRASE, FAST);
    assert.throws(() => cipher.seal({ ...record }), { code: 'BAD_INPUT' });
  });

  it('needs an id to bind the ciphertext to', () => {
    assert.throws(() => cipher.seal({ title: 'no id' } as unknown as SyncDoc), { code: 'BAD_INPUT' });
  });

  it('takes only a 32-byte key', () => {
    assert.throws(() => new DocCipher(new Uint8Array(16)), { code: 'BAD_INPUT' });
  });
});
