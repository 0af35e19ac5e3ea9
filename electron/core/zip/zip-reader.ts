/**
 * Reads a zip member by member, as its central directory (zip-directory.ts) lists it, from a file or from
 * bytes in memory (byte-source.ts): import formats look their members up by name, a restore walks them all.
 * fflate inflates; every member is checked against its size and CRC-32 before it is handed back.
 */
import { crc32 } from 'node:zlib';
import { inflateSync } from 'fflate';
import { ClipdeskError } from '../errors.js';
import { openByteSource } from './byte-source.js';
import type { ByteSource } from './byte-source.js';
import { zipDamaged, zipMembers } from './zip-directory.js';
import type { ZipMember } from './zip-directory.js';

/** An archive in memory with its members by name, as import formats look them up. */
export interface ZipArchive {
  /** The members' names in the directory's order, folders left out. */
  names: string[];
  /** A member's bytes, or null when the archive has no member of that name. */
  read(name: string): Promise<Uint8Array | null>;
}

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
/** A member larger than this is refused rather than inflated into memory: no file Clipdesk reads comes near it. */
const MAX_MEMBER_BYTES = 512 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** The directory is read once and kept by name: exports hold tens of thousands of members (Omnivore: an HTML file per article). */
export async function openZip(bytes: Uint8Array): Promise<ZipArchive> {
  const source = await openByteSource(bytes);
  const members = new Map<string, ZipMember>();
  for (const member of await zipMembers(source)) if (!member.name.endsWith('/')) members.set(member.name, member);
  return {
    names: [...members.keys()],
    read: async (name) => {
      const member = members.get(name);
      return member ? readMember(source, member) : null;
    },
  };
}

/** A member's bytes, inflated and checked against its CRC-32: a changed byte anywhere is found here. */
export async function readMember(source: ByteSource, member: ZipMember): Promise<Uint8Array> {
  const { name } = member;
  if (member.encrypted) {
    throw new ClipdeskError('UNSUPPORTED', `"${name}" in the zip archive is encrypted; export it again without a password`);
  }
  if (member.method !== 0 && member.method !== 8) {
    throw new ClipdeskError('UNSUPPORTED', `"${name}" in the zip archive is compressed with method ${member.method}`);
  }
  if (member.size > MAX_MEMBER_BYTES || member.compressedSize > MAX_MEMBER_BYTES) {
    throw zipDamaged(`"${name}" is implausibly large (over ${MAX_MEMBER_BYTES / 1024 / 1024} MB)`);
  }
  const header = await source.read(member.offset, LOCAL_HEADER_SIZE);
  const fields = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < LOCAL_HEADER_SIZE || fields.getUint32(0, true) !== LOCAL_HEADER) {
    throw zipDamaged(`"${name}" is not where the table of contents says`);
  }
  const dataAt = member.offset + LOCAL_HEADER_SIZE + fields.getUint16(26, true) + fields.getUint16(28, true);
  const stored = await source.read(dataAt, member.compressedSize);
  if (stored.length !== member.compressedSize) throw zipDamaged(`"${name}" is cut short`);
  const bytes = member.method === 0 ? stored : inflated(name, stored, member.size);
  if (bytes.length !== member.size || crc32(bytes) !== member.crc) throw zipDamaged(`"${name}" does not match its checksum`);
  return bytes;
}

function inflated(name: string, stored: Uint8Array, size: number): Uint8Array {
  try {
    return inflateSync(stored, { out: new Uint8Array(size) });
  } catch (error) {
    throw zipDamaged(`"${name}" does not decompress`, error);
  }
}
