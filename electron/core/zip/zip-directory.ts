import { ClipdeskError } from '../errors.js';
import type { ByteSource } from './byte-source.js';

/** A member as the zip's central directory lists it. */
export interface ZipMember {
  name: string;
  method: number;
  encrypted: boolean;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/** Where the central directory lies, and where it must end: at the (zip64) end record that follows it. */
interface Extent {
  offset: number;
  size: number;
  endsAt: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_SIZE = 22;
const LOCATOR_SIZE = 20;
const ZIP64_END_SIZE = 56;
const MAX_COMMENT = 0xffff;
/** Set in a 32-bit field whose value stands in the zip64 records. */
const IN_ZIP64 = 0xffffffff;

/**
 * Every member the central directory lists, in its order, folders included. The directory is read once,
 * from the end, because a zip written as a stream carries no sizes in its local headers. Entries are
 * walked by the directory's size, not counted: past 65,535 members a plain end record's count wraps.
 */
export async function zipMembers(source: ByteSource): Promise<ZipMember[]> {
  const tailAt = Math.max(0, source.size - END_SIZE - MAX_COMMENT - LOCATOR_SIZE);
  const tail = view(await source.read(tailAt, source.size - tailAt));
  const end = findEnd(tail);
  const extent = hasLocator(tail, end) ? await zip64Extent(source, tail, end) : plainExtent(tail, end, tailAt);
  if (extent.offset + extent.size !== extent.endsAt) throw zipDamaged('its table of contents is not where its end says');
  return entries(view(await source.read(extent.offset, extent.size)));
}

/** The end record: the last one whose comment runs exactly to the end of the file. */
function findEnd(tail: DataView): number {
  for (let at = tail.byteLength - END_SIZE; at >= 0; at--) {
    if (tail.getUint32(at, true) === END_OF_DIRECTORY && at + END_SIZE + tail.getUint16(at + 20, true) === tail.byteLength) return at;
  }
  throw zipDamaged('its end is missing: the file is cut short (an unfinished download?), or not a zip');
}

function hasLocator(tail: DataView, end: number): boolean {
  return end >= LOCATOR_SIZE && tail.getUint32(end - LOCATOR_SIZE, true) === ZIP64_LOCATOR;
}

function plainExtent(tail: DataView, end: number, tailAt: number): Extent {
  const size = tail.getUint32(end + 12, true);
  const offset = tail.getUint32(end + 16, true);
  if (size === IN_ZIP64 || offset === IN_ZIP64) throw zipDamaged('its zip64 end record is missing');
  return { offset, size, endsAt: tailAt + end };
}

async function zip64Extent(source: ByteSource, tail: DataView, end: number): Promise<Extent> {
  const endsAt = Number(tail.getBigUint64(end - LOCATOR_SIZE + 8, true));
  const record = view(await source.read(endsAt, ZIP64_END_SIZE));
  if (record.byteLength < ZIP64_END_SIZE || record.getUint32(0, true) !== ZIP64_END) throw zipDamaged('its zip64 end record is missing');
  return { size: Number(record.getBigUint64(40, true)), offset: Number(record.getBigUint64(48, true)), endsAt };
}

function entries(directory: DataView): ZipMember[] {
  const members: ZipMember[] = [];
  for (let at = 0; at < directory.byteLength;) {
    const nameAt = at + 46;
    if (nameAt > directory.byteLength || directory.getUint32(at, true) !== DIRECTORY_ENTRY) throw tableDamaged();
    const nameLength = directory.getUint16(at + 28, true);
    const extraLength = directory.getUint16(at + 30, true);
    const next = nameAt + nameLength + extraLength + directory.getUint16(at + 32, true);
    if (next > directory.byteLength) throw tableDamaged();
    const member = {
      name: Buffer.from(directory.buffer, directory.byteOffset + nameAt, nameLength).toString('utf8'),
      method: directory.getUint16(at + 10, true),
      encrypted: (directory.getUint16(at + 8, true) & 1) === 1,
      crc: directory.getUint32(at + 16, true),
      compressedSize: directory.getUint32(at + 20, true),
      size: directory.getUint32(at + 24, true),
      offset: directory.getUint32(at + 42, true),
    };
    members.push(withZip64Fields(directory, nameAt + nameLength, extraLength, member));
    at = next;
  }
  return members;
}

/** Sizes and offsets past 4 GB stand in the zip64 extra field, in this order, for the fields set to 0xffffffff. */
function withZip64Fields(directory: DataView, extraAt: number, extraLength: number, member: ZipMember): ZipMember {
  const extraEnd = extraAt + extraLength;
  for (let at = extraAt; at + 4 <= extraEnd; at += 4 + directory.getUint16(at + 2, true)) {
    if (directory.getUint16(at, true) !== 0x0001) continue;
    let field = at + 4;
    const next = (value: number): number => {
      if (value !== IN_ZIP64) return value;
      if (field + 8 > extraEnd) throw zipDamaged(`the zip64 sizes of "${member.name}" are cut short`);
      return Number(directory.getBigUint64((field += 8) - 8, true));
    };
    const size = next(member.size);
    const compressedSize = next(member.compressedSize);
    return { ...member, size, compressedSize, offset: next(member.offset) };
  }
  return member;
}

function tableDamaged(): ClipdeskError {
  return zipDamaged('its table of contents is damaged');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function zipDamaged(detail: string, cause?: unknown): ClipdeskError {
  return new ClipdeskError('BAD_INPUT', `The zip archive is damaged or incomplete: ${detail}`, { cause });
}
