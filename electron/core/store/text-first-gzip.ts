/**
 * The gzip form of a body file since library version 5: one gzip member holding the text, then the rest
 * of the body (JSON), so that a search can inflate a hit's text without its HTML.
 *
 * The text is deflated first and flushed to a byte boundary (not finished); the rest is deflated with
 * the text as its dictionary, which is what an inflater has just written when it reaches it. The two
 * parts are therefore one deflate stream (`zcat` prints the text, then the JSON), and the HTML, which
 * holds the text's words, still costs little more than its markup. An extra field of the gzip header
 * (RFC 1952, subfield "Cd") gives the length of the text's deflated bytes, the text's length and its
 * CRC-32, which a text read alone is checked by (a whole read is checked by the member's own CRC),
 * and the content's encoding.
 *
 * The content is UTF-8, or UTF-16LE when the text is shorter so (mostly Chinese or Japanese, 3 bytes
 * a character in UTF-8): on the corpora's Chinese articles UTF-16 deflates 8% smaller and, in Node 20,
 * decodes 30 times as fast (a 14 KB article: 75 -> 2.3 µs), which every search hit pays. English stays
 * UTF-8, which deflates 19% smaller there.
 */
import { constants, crc32, deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib';

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

/** The first two bytes of every gzip stream; a plain JSON body starts with `{`. */
const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzipAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === GZIP_MAGIC[0] && bytes[at + 1] === GZIP_MAGIC[1];
}

/** The 10 bytes every gzip header has, then the extra field: its length, the subfield's id and length, three numbers, the encoding. */
const HEADER = 29;
const FLAG_EXTRA = 0x04;
const EXTRA_LENGTH = HEADER - 12;
const SUBFIELD_ID = [0x43, 0x64];
/** The deflate window: a dictionary longer than this is only ever used by its end. */
const WINDOW = 32 * 1024;
/** CRC-32 and length of the whole content, after the deflate stream. */
const TRAILER = 8;
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
  const restBytes = Buffer.from(rest, encoding);
  const textPart = deflateRawSync(textBytes, { finishFlush: constants.Z_SYNC_FLUSH });
  const restPart = deflateRawSync(restBytes, textBytes.length > 0 ? { dictionary: textBytes.subarray(-WINDOW) } : {});
  const header = Buffer.alloc(HEADER);
  // Deflate, no time stamp, OS unknown: the same body always gives the same bytes.
  header.set([...GZIP_MAGIC, 8, FLAG_EXTRA, 0, 0, 0, 0, 0, 255]);
  header.writeUInt16LE(EXTRA_LENGTH, 10);
  header.set(SUBFIELD_ID, 12);
  header.writeUInt16LE(EXTRA_LENGTH - 4, 14);
  header.writeUInt32LE(textPart.length, 16);
  header.writeUInt32LE(textBytes.length, 20);
  header.writeUInt32LE(textCrc(textBytes, encoding), 24);
  header[28] = ENCODINGS.indexOf(encoding);
  const trailer = Buffer.alloc(TRAILER);
  trailer.writeUInt32LE(crc32(restBytes, crc32(textBytes)), 0);
  trailer.writeUInt32LE((textBytes.length + restBytes.length) % 2 ** 32, 4);
  return Buffer.concat([header, textPart, restPart, trailer]);
}

/** The text's place in a text-first body file of `length` bytes at `at` in `bytes`; undefined for any other form. */
export function textPartOf(bytes: Buffer, at = 0, length = bytes.length - at): TextPart | undefined {
  const gzipWithExtra = length >= HEADER + TRAILER && isGzipAt(bytes, at) && bytes[at + 3] === FLAG_EXTRA;
  if (!gzipWithExtra || bytes.readUInt16LE(at + 10) !== EXTRA_LENGTH) return undefined;
  if (bytes[at + 12] !== SUBFIELD_ID[0] || bytes[at + 13] !== SUBFIELD_ID[1]) return undefined;
  const deflated = bytes.readUInt32LE(at + 16);
  const size = bytes.readUInt32LE(at + 20);
  const encoding = ENCODINGS[bytes[at + 28] ?? -1];
  if (!encoding || HEADER + deflated > length - TRAILER || size > deflated * MAX_DEFLATE_RATIO) return undefined;
  return { start: HEADER, deflated, size, crc: bytes.readUInt32LE(at + 24), encoding };
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
