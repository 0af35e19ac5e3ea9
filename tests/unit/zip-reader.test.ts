import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { strFromU8, strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { openByteSource } from '../../electron/core/zip/byte-source.js';
import type { ByteSource } from '../../electron/core/zip/byte-source.js';
import { zipMembers } from '../../electron/core/zip/zip-directory.js';
import { openZip, readMember } from '../../electron/core/zip/zip-reader.js';
import { tempDir } from '../helpers/temp-library.js';

const END_SIZE = 22;

function viewOf(zip: Uint8Array): DataView {
  return new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
}

/** The archive with its first directory entry changed by `change` (given the entry's offset). */
function withFirstEntry(zip: Uint8Array, change: (view: DataView, entry: number) => void): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = viewOf(copy);
  change(view, view.getUint32(copy.length - END_SIZE + 16, true));
  return copy;
}

/** The zip with its end records rewritten as zip64 writes them when an archive has over 65,535 members. */
function asZip64(zip: Uint8Array): Uint8Array {
  const view = viewOf(zip);
  const end = zip.length - END_SIZE;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  const records = new DataView(new ArrayBuffer(56 + 20 + END_SIZE));
  records.setUint32(0, 0x06064b50, true);
  records.setBigUint64(4, 44n, true);
  records.setBigUint64(24, BigInt(count), true);
  records.setBigUint64(32, BigInt(count), true);
  records.setBigUint64(40, BigInt(size), true);
  records.setBigUint64(48, BigInt(offset), true);
  records.setUint32(56, 0x07064b50, true);
  records.setBigUint64(64, BigInt(end), true);
  records.setUint32(76, 0x06054b50, true);
  records.setUint16(84, 0xffff, true);
  records.setUint16(86, 0xffff, true);
  records.setUint32(88, 0xffffffff, true);
  records.setUint32(92, 0xffffffff, true);
  const result = new Uint8Array(end + records.byteLength);
  result.set(zip.subarray(0, end));
  result.set(new Uint8Array(records.buffer), end);
  return result;
}

/** The archive as bytes in memory and as a file, each opened as a restore opens it. */
async function bothSources(t: TestContext, zip: Uint8Array): Promise<ByteSource[]> {
  const file = join(await tempDir(t, 'clipdesk-zip-'), 'archive.zip');
  await writeFile(file, zip);
  const sources = [await openByteSource(zip), await openByteSource(file)];
  t.after(() => Promise.all(sources.map((source) => source.close())));
  return sources;
}

async function contentsOf(source: ByteSource): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  for (const member of await zipMembers(source)) contents[member.name] = strFromU8(await readMember(source, member));
  return contents;
}

async function refusedFromBoth(t: TestContext, zip: Uint8Array, code: string, message: RegExp): Promise<void> {
  for (const source of await bothSources(t, zip)) await assert.rejects(contentsOf(source), { code, message });
}

const FILES: Zippable = {
  'library.json': strToU8('{"schemaVersion":2}'),
  'bodies/a.json': [strToU8('harbour '.repeat(500)), { level: 9 }],
  'pictures/ab/crane.png': [strToU8('not really a png'), { level: 0 }],
  '港口/说明.txt': strToU8('新码头今天早上启用。'),
};

describe('reading a zip archive from memory or from a file', () => {
  it('gives the same members and bytes from memory as from a file', async (t) => {
    const [memory, file] = await bothSources(t, zipSync(FILES));
    const fromMemory = await contentsOf(memory!);
    assert.deepEqual(Object.keys(fromMemory), Object.keys(FILES));
    assert.equal(fromMemory['bodies/a.json'], 'harbour '.repeat(500));
    assert.equal(fromMemory['港口/说明.txt'], '新码头今天早上启用。');
    assert.deepEqual(await zipMembers(file!), await zipMembers(memory!));
    assert.deepEqual(await contentsOf(file!), fromMemory);
  });

  it('looks members up by name in memory, folders left out', async () => {
    const files: Zippable = { 'a/part_000000.csv': [strToU8('title,url\n'), { level: 0 }], b: {}, 'b/中文.md': strToU8('# 标题\n') };
    const zip = await openZip(zipSync(files));
    assert.deepEqual(zip.names, ['a/part_000000.csv', 'b/中文.md']);
    assert.equal(strFromU8(await zip.read('a/part_000000.csv') ?? new Uint8Array()), 'title,url\n');
    assert.equal(strFromU8(await zip.read('b/中文.md') ?? new Uint8Array()), '# 标题\n');
    assert.equal(await zip.read('c.txt'), null);
  });

  it('reads the zip64 directory of an archive with more members than a plain zip counts', async (t) => {
    const zip = asZip64(zipSync({ 'metadata_0_to_20.json': strToU8('[]'), 'content/x.html': strToU8('<p>x</p>') }));
    for (const source of await bothSources(t, zip)) {
      assert.deepEqual(await contentsOf(source), { 'metadata_0_to_20.json': '[]', 'content/x.html': '<p>x</p>' });
    }
  });

  it('reads every member of a plain zip whose entry count wrapped past 65,535', async (t) => {
    const count = 70_000;
    const files: Zippable = {};
    for (let i = 0; i < count; i++) files[`clips/${i}.json`] = [strToU8(String(i)), { level: 0 }];
    const zip = zipSync(files);
    assert.equal(viewOf(zip).getUint16(zip.length - END_SIZE + 10, true), count % 0x10000, 'fflate wrote a wrapped count');
    for (const source of await bothSources(t, zip)) {
      const members = await zipMembers(source);
      assert.equal(members.length, count);
      assert.equal(strFromU8(await readMember(source, members.at(-1)!)), String(count - 1));
    }
  });
});

describe('refusing a zip archive it cannot trust', () => {
  it('refuses a member whose bytes do not match its CRC', async (t) => {
    const zip = zipSync({ 'pictures/ab/crane.png': [strToU8('stored as it is'), { level: 0 }] });
    const at = Buffer.from(zip).indexOf('stored as it is');
    zip[at] = (zip[at] ?? 0) ^ 0xff;
    await refusedFromBoth(t, zip, 'BAD_INPUT', /^The zip archive is damaged or incomplete: "pictures\/ab\/crane.png" does not match its checksum$/);
  });

  it('refuses an archive cut short, or with bytes cut out of its middle', async (t) => {
    const zip = zipSync(FILES);
    const endMissing = /^The zip archive is damaged or incomplete: its end is missing: the file is cut short/;
    await refusedFromBoth(t, zip.subarray(0, zip.length - 10), 'BAD_INPUT', endMissing);
    await refusedFromBoth(t, zip.subarray(0, zip.length / 2), 'BAD_INPUT', endMissing);
    await refusedFromBoth(t, new Uint8Array(), 'BAD_INPUT', endMissing);
    const cutInside = new Uint8Array([...zip.subarray(0, 40), ...zip.subarray(50)]);
    await refusedFromBoth(t, cutInside, 'BAD_INPUT', /its table of contents is not where its end says/);
  });

  it('refuses an encrypted member, saying to export it again without a password', async (t) => {
    const zip = withFirstEntry(zipSync(FILES), (view, entry) => view.setUint16(entry + 8, view.getUint16(entry + 8, true) | 1, true));
    await refusedFromBoth(t, zip, 'UNSUPPORTED', /^"library.json" in the zip archive is encrypted; export it again without a password$/);
  });

  it('refuses a member larger than any file Clipdesk reads before inflating it', async (t) => {
    const zip = withFirstEntry(zipSync(FILES), (view, entry) => view.setUint32(entry + 24, 0x4000_0000, true));
    await refusedFromBoth(t, zip, 'BAD_INPUT', /"library.json" is implausibly large \(over 512 MB\)/);
  });
});
