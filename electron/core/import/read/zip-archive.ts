/**
 * A zip archive held in memory, read one member at a time. fflate inflates; the index is read here
 * from the central directory once, because exports hold tens of thousands of members (Omnivore: an
 * HTML file per article) and fflate's own unzip rescans the whole directory for every lookup.
 */
import { inflateSync } from 'fflate';
import { ClipdeskError } from '../../errors.js';

export interface ZipArchive {
  /** The members' names in the directory's order, folders left out. */
  names: string[];
  /** A member's bytes, or null when the archive has no member of that name. */
  read(name: string): Uint8Array | null;
}

interface Member {
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
const utf8 = new TextDecoder();

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const members = withinBounds(() => readDirectory(view));
  return {
    names: [...members.keys()],
    read: (name) => {
      const member = members.get(name);
      return member ? withinBounds(() => inflateMember(bytes, view, name, member)) : null;
    },
  };
}

/** A cut-short archive sends offsets past its end, where DataView throws a RangeError. */
function withinBounds<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof RangeError ? damaged('it is cut short', error) : error;
  }
}

function readDirectory(view: DataView): Map<string, Member> {
  const { count, offset } = directoryLocation(view);
  const members = new Map<string, Member>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw damaged('its directory is cut short');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const name = utf8.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength));
    const member = {
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    };
    if (!name.endsWith('/')) members.set(name, withZip64Sizes(view, at + 46 + nameLength, extraLength, member));
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return members;
}

function directoryLocation(view: DataView): { count: number; offset: number } {
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count !== 0xffff && offset !== 0xffffffff) return { count, offset };
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw damaged('its zip64 directory is missing');
  const zip64End = Number(view.getBigUint64(locator + 8, true));
  if (view.getUint32(zip64End, true) !== ZIP64_END) throw damaged('its zip64 directory is missing');
  return { count: Number(view.getBigUint64(zip64End + 32, true)), offset: Number(view.getBigUint64(zip64End + 48, true)) };
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw damaged('it has no directory (an unfinished download?)');
}

/** Sizes and offsets past 4 GB stand in the zip64 extra field, in this order, for the fields set to 0xffffffff. */
function withZip64Sizes(view: DataView, extraStart: number, extraLength: number, member: Member): Member {
  for (let at = extraStart; at + 4 <= extraStart + extraLength; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue;
    let field = at + 4;
    const next = (): number => Number(view.getBigUint64((field += 8) - 8, true));
    const size = member.size === 0xffffffff ? next() : member.size;
    const compressedSize = member.compressedSize === 0xffffffff ? next() : member.compressedSize;
    const headerOffset = member.headerOffset === 0xffffffff ? next() : member.headerOffset;
    return { ...member, size, compressedSize, headerOffset };
  }
  return member;
}

function inflateMember(bytes: Uint8Array, view: DataView, name: string, member: Member): Uint8Array {
  if (member.encrypted) {
    throw new ClipdeskError('UNSUPPORTED', `"${name}" in the zip archive is encrypted; export it again without a password`);
  }
  const at = member.headerOffset;
  if (view.getUint32(at, true) !== LOCAL_HEADER) throw damaged(`"${name}" is not where its directory says`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + member.compressedSize);
  if (member.method === 0) return data;
  if (member.method !== 8) {
    throw new ClipdeskError('UNSUPPORTED', `"${name}" in the zip archive is compressed with method ${member.method}`);
  }
  try {
    return inflateSync(data, { out: new Uint8Array(member.size) });
  } catch (error) {
    throw damaged(`"${name}" cannot be inflated`, error);
  }
}

function damaged(why: string, cause?: unknown): ClipdeskError {
  return new ClipdeskError('BAD_INPUT', `The zip archive is damaged: ${why}.`, { cause });
}
