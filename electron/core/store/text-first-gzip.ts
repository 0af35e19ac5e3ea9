/**
 * The gzip form of a body file since library version 5: one gzip member holding the text, then the rest
 * of the body (JSON), so that a search can inflate a hit's text without its HTML.
 *
 * The text and the rest are two parts of one member (gzip-parts.ts): the HTML, deflated with the text
 * as its dictionary, costs little more than its markup, and the text's deflated bytes inflate alone.
 * The header's subfield "Cd" gives the length of the text's deflated bytes, the text's length and its
 * CRC-32, which a text read alone is checked by (a whole read is checked by the member's own CRC),
 * and the content's encoding.
 *
 * The content is UTF-8, or UTF-16LE when the text is shorter so (mostly Chinese or Japanese, 3 bytes
 * a character in UTF-8): on the corpora's Chinese articles UTF-16 deflates 8% smaller and, in Node 20,
 * decodes 30 times as fast (a 14 KB article: 75 -> 2.3 µs), which every search hit pays. English stays
 * UTF-8, which deflates 19% smaller there.
 */
import { constants, crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import { TRAILER, deflateInTurn, extraPayload, gzipMember } from './gzip-parts.js';

/** Where a body's text lies in its file, and what it inflates to. */
export interface TextPart {
  /** The offset of the text's deflated bytes in the file, and how many there are. */
  start: number;
  deflated: number;
  /** The text's length in bytes, and their CRC-32. */
  size: number;
  crc: number;
  /** How the content's characters are stored. */
  encoding: ContentEncoding;
}

type ContentEncoding = (typeof ENCODINGS)[number];
/** In the order of the header's encoding byte. */
const ENCODINGS = ['utf8', 'utf16le'] as const;

/** The extra field's subfield, and its payload: three numbers, the encoding. */
const SUBFIELD = 'Cd';
const PAYLOAD = 13;
/** Deflate writes at most 258 bytes for 2 bits: a text claiming more than this per deflated byte is damage. */
const MAX_DEFLATE_RATIO = 1032;

/** The CRC-32 of a text's bytes, started from its encoding's number: a damaged encoding byte fails it too. */
function textCrc(bytes: Uint8Array, encoding: ContentEncoding): number {
  return crc32(bytes, ENCODINGS.indexOf(encoding));
}

/** The file's bytes for `text` followed by `rest`. */
export function encodeTextFirst(text: string, rest: string): Buffer {
  const encoding = Buffer.byteLength(text, 'utf8') > 2 * text.length ? 'utf16le' : 'utf8';
  const textBytes = Buffer.from(text, encoding);
  // The rest in the same encoding, so that the HTML's words are the dictionary's bytes.
  const parts = [textBytes, Buffer.from(rest, encoding)];
  const deflated = deflateInTurn(parts);
  const payload = Buffer.alloc(PAYLOAD);
  payload.writeUInt32LE(deflated[0]!.length, 0);
  payload.writeUInt32LE(textBytes.length, 4);
  payload.writeUInt32LE(textCrc(textBytes, encoding), 8);
  payload[12] = ENCODINGS.indexOf(encoding);
  return gzipMember(SUBFIELD, payload, parts, deflated);
}

/** The text's place in a text-first body file of `length` bytes at `at` in `bytes`; undefined for any other form. */
export function textPartOf(bytes: Buffer, at = 0, length = bytes.length - at): TextPart | undefined {
  const extra = extraPayload(bytes, SUBFIELD, at, length);
  if (extra?.payload.length !== PAYLOAD) return undefined;
  const { payload, start } = extra;
  const deflated = payload.readUInt32LE(0);
  const size = payload.readUInt32LE(4);
  const encoding = ENCODINGS[payload[12] ?? -1];
  if (!encoding || start + deflated > length - TRAILER || size > deflated * MAX_DEFLATE_RATIO) return undefined;
  return { start, deflated, size, crc: payload.readUInt32LE(8), encoding };
}

/** The whole content (the member's CRC checked), split into the text and the rest. Throws when the file is damaged. */
export function gunzipTextFirst(bytes: Uint8Array, part: TextPart): { text: string; rest: string } {
  const content = gunzipSync(bytes);
  if (content.length < part.size) throw new Error(`the text should be ${part.size} bytes, and the file holds ${content.length}`);
  return { text: content.toString(part.encoding, 0, part.size), rest: content.toString(part.encoding, part.size) };
}

/**
 * The texts of deflated text parts laid one after another in `deflated` (as the parts say, in order),
 * inflated in one call: a sync-flushed part leaves the stream at a byte boundary with nothing pending,
 * so the next part continues it. Each text is checked by its length and CRC; undefined for one that
 * fails, and for all when the bytes do not inflate (the caller then reads each file alone).
 */
export function inflateTexts(deflated: Buffer, parts: readonly TextPart[]): Array<string | undefined> {
  const size = parts.reduce((sum, part) => sum + part.size, 0);
  let content: Buffer;
  try {
    // One output buffer of the known size; more output than the parts claim is an error, not a larger buffer.
    const oneBuffer = { chunkSize: Math.max(size, 64), maxOutputLength: Math.max(size, 1) };
    content = inflateRawSync(deflated, { finishFlush: constants.Z_SYNC_FLUSH, ...oneBuffer });
  } catch {
    return parts.map(() => undefined);
  }
  if (content.length !== size) return parts.map(() => undefined);
  let from = 0;
  return parts.map((part) => {
    const text = content.subarray(from, (from += part.size));
    return textCrc(text, part.encoding) === part.crc ? text.toString(part.encoding) : undefined;
  });
}
