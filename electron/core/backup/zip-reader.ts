import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { inflateSync } from 'fflate';
import { ClipdeskError } from '../errors.js';

/** A member as the zip's central directory lists it. */
export interface ZipMember {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/** Random access to an archive's bytes: a file read where asked, or bytes already in memory. */
export interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_SIZE = 22;
/** A member larger than this is refused rather than inflated into memory: no Clipdesk file comes near it. */
const MAX_MEMBER_BYTES = 512 * 1024 * 1024;

/**
 * Reads a zip the way its central directory (at its end) describes it, member by member: a zip written
 * as a stream carries no sizes in its local headers, so reading from the front would have to guess
 * where each member ends. Zip64 archives are not read (Clipdesk never writes them).
 */
export async function openArchive(archive: string | Uint8Array): Promise<ByteSource> {
  if (typeof archive !== 'string') {
    return { size: archive.length, read: async (at, length) => archive.subarray(at, at + length), close: async () => undefined };
  }
  const handle = await open(archive, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (at, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, at);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** Every member the central directory lists, in its order; BAD_INPUT when the zip is cut short or malformed. */
export async function zipMembers(source: ByteSource): Promise<ZipMember[]> {
  const tailLength = Math.min(source.size, END_SIZE + 0xffff);
  const tail = view(await source.read(source.size - tailLength, tailLength));
  const end = findEnd(tail);
  const directorySize = tail.getUint32(end + 12, true);
  const directoryAt = tail.getUint32(end + 16, true);
  if (directoryAt + directorySize !== source.size - tailLength + end) throw broken('its table of contents is not where its end says');
  const directory = view(await source.read(directoryAt, directorySize));
  const members: ZipMember[] = [];
  for (let at = 0; at < directorySize;) {
    if (at + 46 > directorySize || directory.getUint32(at, true) !== DIRECTORY_ENTRY) throw broken('its table of contents is damaged');
    const nameLength = directory.getUint16(at + 28, true);
    const name = Buffer.from(directory.buffer, directory.byteOffset + at + 46, nameLength).toString('utf8');
    members.push({
      name,
      method: directory.getUint16(at + 10, true),
      crc: directory.getUint32(at + 16, true),
      compressedSize: directory.getUint32(at + 20, true),
      size: directory.getUint32(at + 24, true),
      offset: directory.getUint32(at + 42, true),
    });
    at += 46 + nameLength + directory.getUint16(at + 30, true) + directory.getUint16(at + 32, true);
  }
  return members;
}

/** A member's bytes, inflated and checked against its CRC-32: a changed byte anywhere is found here. */
export async function readMember(source: ByteSource, member: ZipMember): Promise<Uint8Array> {
  if (member.size > MAX_MEMBER_BYTES || member.compressedSize > MAX_MEMBER_BYTES) throw broken(`${member.name} is implausibly large`);
  const header = view(await source.read(member.offset, 30));
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_HEADER) throw broken(`${member.name} is not where the zip says`);
  const dataAt = member.offset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const stored = await source.read(dataAt, member.compressedSize);
  if (stored.length !== member.compressedSize) throw broken(`${member.name} is cut short`);
  const bytes = inflated(member, stored);
  if (bytes.length !== member.size || crc32(bytes) !== member.crc) throw broken(`${member.name} does not match its checksum`);
  return bytes;
}

function inflated(member: ZipMember, stored: Uint8Array): Uint8Array {
  if (member.method === 0) return stored;
  if (member.method !== 8) throw broken(`${member.name} is compressed in a way Clipdesk does not write (method ${member.method})`);
  try {
    return inflateSync(stored, { out: new Uint8Array(member.size) });
  } catch {
    throw broken(`${member.name} does not decompress`);
  }
}

/** The end-of-central-directory record: the last one whose comment runs exactly to the end of the file. */
function findEnd(tail: DataView): number {
  for (let at = tail.byteLength - END_SIZE; at >= 0; at--) {
    if (tail.getUint32(at, true) === END_OF_DIRECTORY && at + END_SIZE + tail.getUint16(at + 20, true) === tail.byteLength) return at;
  }
  throw broken('its end is missing: the file is cut short, or not a zip');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function broken(detail: string): ClipdeskError {
  return new ClipdeskError('BAD_INPUT', `the archive is damaged or incomplete: ${detail}`);
}
