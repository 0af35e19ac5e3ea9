/**
 * One gzip member holding several parts that can be inflated on their own, first ones first: the form
 * of a body (text-first-gzip.ts: the text, then its HTML) and of a document's recent versions
 * (recent-versions.ts: the newest, then the older ones).
 *
 * Each part is deflated in turn and flushed to a byte boundary (not finished), each after the first
 * with the parts before it as its dictionary, which is what an inflater has just written when it
 * reaches it. So the parts are one deflate stream (`zcat` prints them one after another), a part that
 * repeats the ones before it costs little more than its differences, and the bytes up to the end of
 * any part inflate alone to the parts so far. Where each part ends is the caller's to record, in an
 * extra field of the gzip header (RFC 1952) under a subfield of its own.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** The first two bytes of every gzip stream; a plain JSON file starts with `{`. */
const GZIP_MAGIC = [0x1f, 0x8b];
/** The 10 bytes every gzip header has, then the extra field's length and the subfield's id and length. */
const FIXED_HEADER = 10;
const SUBFIELD_AT = FIXED_HEADER + 2;
const SUBFIELD_HEADER = 4;
const FLAG_EXTRA = 0x04;
/** The deflate window: a dictionary longer than this is only ever used by its end. */
const WINDOW = 32 * 1024;
/** CRC-32 and length of the whole content, after the deflate stream. */
export const TRAILER = 8;

export function isGzipAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === GZIP_MAGIC[0] && bytes[at + 1] === GZIP_MAGIC[1];
}

/** Each part's deflated bytes: laid one after another they are one raw deflate stream, finished by the last. */
export function deflateInTurn(parts: readonly Buffer[], level: number = constants.Z_DEFAULT_COMPRESSION): Buffer[] {
  let before = Buffer.alloc(0);
  return parts.map((part, i) => {
    const finishFlush = i === parts.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
    const deflated = deflateRawSync(part, { finishFlush, level, ...(before.length > 0 ? { dictionary: before.subarray(-WINDOW) } : {}) });
    before = Buffer.concat([before.subarray(-WINDOW), part]);
    return deflated;
  });
}

/** The gzip member of `parts` and their deflated bytes, its header's extra field `payload` under `subfield` (two letters). */
export function gzipMember(subfield: string, payload: Buffer, parts: readonly Buffer[], deflated: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(SUBFIELD_AT + SUBFIELD_HEADER);
  // Deflate, no time stamp, OS unknown: the same parts always give the same bytes.
  header.set([...GZIP_MAGIC, 8, FLAG_EXTRA, 0, 0, 0, 0, 0, 255]);
  header.writeUInt16LE(SUBFIELD_HEADER + payload.length, FIXED_HEADER);
  header.write(subfield, SUBFIELD_AT, 'latin1');
  header.writeUInt16LE(payload.length, SUBFIELD_AT + 2);
  const trailer = Buffer.alloc(TRAILER);
  trailer.writeUInt32LE(parts.reduce((crc, part) => crc32(part, crc), 0), 0);
  trailer.writeUInt32LE(parts.reduce((sum, part) => sum + part.length, 0) % 2 ** 32, 4);
  return Buffer.concat([header, payload, ...deflated, trailer]);
}

/**
 * The payload of the extra field `subfield` in the gzip member of `length` bytes at `at`, and where its
 * deflate stream starts; undefined for a member without it (another form, or damage).
 */
export function extraPayload(
  bytes: Buffer, subfield: string, at = 0, length = bytes.length - at,
): { payload: Buffer; start: number } | undefined {
  const withExtra = length >= SUBFIELD_AT + SUBFIELD_HEADER + TRAILER && isGzipAt(bytes, at) && bytes[at + 3] === FLAG_EXTRA;
  const named = bytes[at + SUBFIELD_AT] === subfield.charCodeAt(0) && bytes[at + SUBFIELD_AT + 1] === subfield.charCodeAt(1);
  if (!withExtra || !named) return undefined;
  const size = bytes.readUInt16LE(at + SUBFIELD_AT + 2);
  const start = SUBFIELD_AT + SUBFIELD_HEADER + size;
  if (bytes.readUInt16LE(at + FIXED_HEADER) !== SUBFIELD_HEADER + size || start > length - TRAILER) return undefined;
  return { payload: bytes.subarray(at + start - size, at + start), start };
}
