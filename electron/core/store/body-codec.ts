import { gunzipSync, gzipSync } from 'node:zlib';
import { ClipdeskError } from '../errors.js';
import { describeInvalid } from '../validation.js';
import { bodySchema } from './schema.js';
import type { Body } from './schema.js';
import { isGzipAt } from './gzip-parts.js';
import { encodeTextFirst, gunzipTextFirst, inflateTexts, textPartOf } from './text-first-gzip.js';
import type { TextPart } from './text-first-gzip.js';

/**
 * A body's stored bytes (a row of bodies.sqlite, body-db.ts; a file of its own before library version
 * 6): since version 5 its text then the rest as JSON, gzipped so that the text inflates alone
 * (text-first-gzip.ts); gzipped JSON in versions 3 and 4, plain JSON before. Every form is read.
 * Gzip, not brotli: measured on the bench's bodies, brotli saves a further 9% but takes 3x as long to
 * decode, and every search hit decodes one; gzip's CRC also tells a damaged body from a whole one,
 * and `zcat` reads it (once written out, e.g. by `sqlite3`'s writefile()). The HTML and the text of
 * a body share their words, so one stream over both stores the HTML for little more than its markup.
 */

/** The most a page's bodies are inflated into at once (the output buffer is made this size up front). */
const MAX_BATCH_OUTPUT = 32 * 1024 * 1024;
/** A gzip member's header and trailer: 18 bytes, so a body of no more holds nothing. */
const GZIP_FRAMING = 18;

/** The text first, where a search inflates it without the HTML; the JSON after it on a line of its own, for `zcat`. */
export function encodeBody(body: Body): Buffer {
  const { contentHash, content, text } = body;
  return encodeTextFirst(text, `\n${JSON.stringify({ contentHash, content })}`);
}

/**
 * The body as gzipped JSON, the form every Clipdesk since library version 3 reads: what sync sends,
 * so that machines a version apart still sync (the receiver stores it in its own form).
 */
export function encodeSharedBody(body: Body): Buffer {
  const { contentHash, content, text } = body;
  return gzipSync(JSON.stringify({ contentHash, content, text }));
}

/** The body in `bytes` read from `path` (any form), checked; CORRUPT_LIBRARY naming where it was read when it is not one. */
export function decodeBody(path: string, bytes: Uint8Array): Body {
  const parsed = bodySchema.safeParse(parseBodyJson(path, bytes));
  if (!parsed.success) {
    const problem = describeInvalid(parsed.error, 'top level');
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} does not have the shape of a Clipdesk file at ${problem}`);
  }
  return parsed.data;
}

function parseBodyJson(path: string, bytes: Uint8Array): unknown {
  return asWholeFile(path, () => {
    const part = textPartOf(asBuffer(bytes));
    if (!part) return JSON.parse(jsonOf(bytes).toString('utf8'));
    const { text, rest } = gunzipTextFirst(bytes, part);
    return { ...(JSON.parse(rest) as Record<string, unknown>), text };
  });
}

/** The JSON of a body of an older form, gzipped or plain (gunzipping checks the CRC). */
function jsonOf(bytes: Uint8Array): Buffer {
  return isGzipAt(bytes, 0) ? gunzipSync(bytes) : asBuffer(bytes);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function asWholeFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} is not a whole text (gzipped JSON)`, { cause });
  }
}

/** The text of a body's bytes (any form) read from `path`; CORRUPT_LIBRARY naming it when they are damaged. */
export function textOfBytes(path: string, bytes: Buffer): string {
  const text = asWholeFile(path, () => textOf(bytes));
  if (typeof text !== 'string') throw new ClipdeskError('CORRUPT_LIBRARY', `${path} holds no text`);
  return text;
}

function textOf(bytes: Buffer): unknown {
  const part = textPartOf(bytes);
  if (part) {
    const [text] = inflateTexts(bytes.subarray(part.start, part.start + part.deflated), [part]);
    if (text === undefined) throw new Error('its text does not inflate to the length and checksum its header gives');
    return text;
  }
  const json = jsonOf(bytes);
  return closingText(json) ?? (JSON.parse(json.toString('utf8')) as { text?: unknown }).text;
}

/**
 * The texts of several bodies' bytes, in order, inflated together: most of a small body's inflate is
 * the fixed cost of a stream (about 13 of its 16 µs), and a search reads a page of hits at once.
 * - Text-first bodies (version 5 on): their texts' deflated bytes, laid side by side, are one stream
 *   (inflateTexts), and the HTML after each is not inflated.
 * - Older gzipped JSON: gzip members put one after another are one valid stream, and each one's trailer
 *   gives its length (which zlib checks, with its CRC), so the output splits back into bodies.
 * A body that does not read this way (plain JSON, damaged, missing, its text not last) is undefined
 * here: the caller reads it alone (textOfBytes), whose error then names it.
 */
export function textsOfBytes(bodies: ReadonlyArray<Buffer | undefined>): Array<string | undefined> {
  const texts = new Array<string | undefined>(bodies.length);
  const gzipped: Array<{ index: number; bytes: Buffer; size: number }> = [];
  const textFirst: Array<{ index: number; bytes: Buffer; part: TextPart }> = [];
  bodies.forEach((bytes, index) => {
    if (!bytes || bytes.length <= GZIP_FRAMING || !isGzipAt(bytes, 0)) return;
    const part = textPartOf(bytes);
    if (part) textFirst.push({ index, bytes: bytes.subarray(part.start, part.start + part.deflated), part });
    else gzipped.push({ index, bytes, size: bytes.readUInt32LE(bytes.length - 4) });
  });
  fillTextFirst(texts, textFirst);
  fillGzipped(texts, gzipped);
  return texts;
}

/** The texts of the text-first bodies, from their texts' deflated bytes. */
function fillTextFirst(texts: Array<string | undefined>, bodies: ReadonlyArray<{ index: number; bytes: Buffer; part: TextPart }>): void {
  const parts = bodies.map(({ part }) => part);
  // A damaged header can claim any size: past the bound, the texts are read one by one.
  if (parts.length === 0 || parts.reduce((sum, part) => sum + part.size, 0) > MAX_BATCH_OUTPUT) return;
  const inflated = inflateTexts(Buffer.concat(bodies.map(({ bytes }) => bytes)), parts);
  bodies.forEach(({ index }, i) => {
    texts[index] = inflated[i];
  });
}

/** The texts of the gzipped JSON bodies. */
function fillGzipped(texts: Array<string | undefined>, bodies: ReadonlyArray<{ index: number; bytes: Buffer; size: number }>): void {
  const json = gunzipBatch(Buffer.concat(bodies.map(({ bytes }) => bytes)), bodies.reduce((sum, { size }) => sum + size, 0));
  if (!json) return;
  let from = 0;
  for (const { index, size } of bodies) {
    texts[index] = closingText(json.subarray(from, from + size));
    from += size;
  }
}

/** Whole gzip members, one after another, gunzipped when together they hold `size` bytes. */
function gunzipBatch(members: Buffer, size: number): Buffer | undefined {
  // A damaged trailer can claim any size: past the bound, the texts are read one by one.
  if (members.length === 0 || size > MAX_BATCH_OUTPUT) return undefined;
  try {
    // One output buffer of the known size, instead of 16 KB chunks joined; more output than that is an error.
    const json = gunzipSync(members, { chunkSize: Math.max(size, 64), maxOutputLength: Math.max(size, 1) });
    return json.length === size ? json : undefined;
  } catch {
    return undefined;
  }
}

const TEXT_KEY = Buffer.from(',"text":');

/**
 * The text closing a body's JSON, as versions 3 and 4 wrote it, parsed alone: a search reads one body a
 * hit, and parsing the HTML beside it doubled the garbage a search leaves, whose collection paused
 * the slowest searches. Inside a JSON string every quote is escaped, so `,"text":` can only be the
 * key; when the text is not last (a body written otherwise), the slice is not one string and the
 * caller parses the whole body.
 */
function closingText(json: Buffer): string | undefined {
  const key = json.lastIndexOf(TEXT_KEY);
  if (key === -1 || json[json.length - 1] !== 0x7d /* } */) return undefined;
  try {
    const text: unknown = JSON.parse(json.toString('utf8', key + TEXT_KEY.length, json.length - 1));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}
