import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ClipdeskError } from '../errors.js';
import { describeInvalid } from '../validation.js';
import { bodyDoc, plainBodyDoc } from './library-dir.js';
import { bodySchema } from './schema.js';
import type { Body } from './schema.js';
import { encodeTextFirst, gunzipTextFirst, inflateTexts, isGzipAt, textPartOf } from './text-first-gzip.js';
import type { TextPart } from './text-first-gzip.js';
import { writeFileWhole } from './write-whole.js';

/**
 * A body file on disk: since library version 5 its text then the rest as JSON, gzipped so that the
 * text inflates alone (text-first-gzip.ts); gzipped JSON in versions 3 and 4, plain JSON before. Every
 * form is read. Gzip, not brotli: measured on the bench's bodies, brotli saves a further 9% but takes
 * 3x as long to decode, and every search hit decodes one; gzip's CRC also tells a damaged file from a
 * whole one, and `zcat` reads it. The HTML and the text of a body share their words, so one stream
 * over both stores the HTML for little more than its markup.
 */

/** The most a page's bodies are inflated into at once (the output buffer is made this size up front). */
const MAX_BATCH_OUTPUT = 32 * 1024 * 1024;
/** A gzip file's header and trailer: 18 bytes, so a file of no more holds nothing. */
const GZIP_FRAMING = 18;
/**
 * Reused by readBodyTextSync for every file that fits: a search reads one body a hit, and
 * readFileSync's stat and fresh buffer were a fifth of that read (about 10 of 50 µs).
 */
const scratch = Buffer.allocUnsafe(256 * 1024);
/** The deflated texts of a page's text-first bodies, side by side, for one inflate. */
const deflatedTexts = Buffer.allocUnsafe(256 * 1024);

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

export async function writeBodyFile(dir: string, id: string, body: Body): Promise<void> {
  await writeFileWhole(join(dir, bodyDoc(id, body.contentHash)), encodeBody(body), 0o666, false);
}

/** The body in `bytes` read from `path` (either form), checked; CORRUPT_LIBRARY naming the file when it is not one. */
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

/** The JSON of a body file of an older form, gzipped or plain (gunzipping checks the CRC). */
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
    throw new ClipdeskError('CORRUPT_LIBRARY', `${path} is not a whole text file (gzipped JSON)`, { cause });
  }
}

/** The paths a content version's body may have, the current form first (an older library's may still be met). */
export function bodyPaths(dir: string, id: string, contentHash: string): [string, string] {
  return [join(dir, bodyDoc(id, contentHash)), join(dir, plainBodyDoc(id, contentHash))];
}

/** The body at `path`, or null when there is no such file. */
export async function readBodyAt(path: string): Promise<Body | null> {
  const bytes = await readFile(path).catch(nullIfMissing);
  return bytes && decodeBody(path, bytes);
}

/** A content version's body in whichever form it is stored; null when it has none. */
export async function readBodyOf(dir: string, id: string, contentHash: string): Promise<{ path: string; body: Body | null }> {
  const [current, plain] = bodyPaths(dir, id, contentHash);
  const body = await readBodyAt(current);
  if (body) return { path: current, body };
  return { path: plain, body: await readBodyAt(plain) };
}

/** Just the text, synchronously (see ClipStore.readText); throws when neither form reads. */
export function readBodyTextSync(dir: string, id: string, contentHash: string): string {
  const [current, plain] = bodyPaths(dir, id, contentHash);
  let path = current;
  let bytes: Buffer;
  try {
    bytes = readIntoScratch(current);
  } catch {
    path = plain;
    bytes = readIntoScratch(plain);
  }
  const text = asWholeFile(path, () => textOf(bytes));
  if (typeof text !== 'string') throw new Error('no text');
  return text;
}

/** The text of a body file's bytes, in any form; throws when they are damaged. */
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

/** A content version of a clip, whose body a text is read from. */
export interface BodyVersion {
  id: string;
  contentHash: string;
}

/**
 * The texts of several bodies, in order, inflated together: most of a small body's inflate is the
 * fixed cost of a stream (about 13 of its 16 µs), and a search reads a page of hits at once.
 * - Text-first bodies (version 5 on): their texts' deflated bytes, laid side by side, are one stream
 *   (inflateTexts), and the HTML after each is not read into it.
 * - Older gzipped JSON: gzip files put one after another are one valid stream, and each one's trailer
 *   gives its length (which zlib checks, with its CRC), so the output splits back into bodies.
 * A body that does not read this way (plain JSON, damaged, missing, its text not last) is read alone
 * by `readAlone`, whose error then names it (readBodyTextSync's, unless the caller words its own or
 * puts something in the text's place).
 */
export function readBodyTextsSync<Alone = string>(
  dir: string,
  versions: readonly BodyVersion[],
  readAlone: (version: BodyVersion) => string | Alone = (version) => readBodyTextSync(dir, version.id, version.contentHash),
): Array<string | Alone> {
  const texts = new Array<string | undefined>(versions.length);
  const gzipped: Array<{ index: number; size: number }> = [];
  const textFirst: Array<{ index: number; part: TextPart }> = [];
  let length = 0;
  let deflatedLength = 0;
  versions.forEach(({ id, contentHash }, index) => {
    const read = readGzipAt(join(dir, bodyDoc(id, contentHash)), length);
    if (read === undefined) return;
    const part = textPartOf(scratch, length, read);
    if (part === undefined) {
      gzipped.push({ index, size: scratch.readUInt32LE(length + read - 4) });
      length += read;
    } else if (deflatedLength + part.deflated <= deflatedTexts.length) {
      // Only the text's bytes are kept; the rest of the file is written over by the next one.
      deflatedLength += scratch.copy(deflatedTexts, deflatedLength, length + part.start, length + part.start + part.deflated);
      textFirst.push({ index, part });
    }
  });
  fillTextFirst(texts, textFirst, deflatedLength);
  fillGzipped(texts, gzipped, length);
  return versions.map((version, index) => texts[index] ?? readAlone(version));
}

/** The texts of the text-first bodies whose deflated texts are the first `length` bytes of `deflatedTexts`. */
function fillTextFirst(texts: Array<string | undefined>, bodies: ReadonlyArray<{ index: number; part: TextPart }>, length: number): void {
  const parts = bodies.map(({ part }) => part);
  // A damaged header can claim any size: past the bound, the texts are read one by one.
  if (parts.length === 0 || parts.reduce((sum, part) => sum + part.size, 0) > MAX_BATCH_OUTPUT) return;
  const inflated = inflateTexts(deflatedTexts.subarray(0, length), parts);
  bodies.forEach(({ index }, i) => {
    texts[index] = inflated[i];
  });
}

/** The texts of the gzipped JSON bodies that are the first `length` bytes of `scratch`. */
function fillGzipped(texts: Array<string | undefined>, bodies: ReadonlyArray<{ index: number; size: number }>, length: number): void {
  const json = gunzipBatch(length, bodies.reduce((sum, { size }) => sum + size, 0));
  if (!json) return;
  let from = 0;
  for (const { index, size } of bodies) {
    texts[index] = closingText(json.subarray(from, from + size));
    from += size;
  }
}

/** The first `length` bytes of `scratch` gunzipped, when they are whole gzip files of `size` bytes together. */
function gunzipBatch(length: number, size: number): Buffer | undefined {
  // A damaged trailer can claim any size: past the bound, the texts are read one by one.
  if (length === 0 || size > MAX_BATCH_OUTPUT) return undefined;
  try {
    // One output buffer of the known size, instead of 16 KB chunks joined; more output than that is an error.
    const json = gunzipSync(scratch.subarray(0, length), { chunkSize: Math.max(size, 64), maxOutputLength: Math.max(size, 1) });
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

/**
 * Reads a gzip file into `scratch` at `at`, returning its length; undefined when it is missing, not gzip
 * or may not fit. One read, not reads until one returns nothing: on a local disk a read returning less
 * than asked has reached the file's end, and the read that returns nothing was a fifth of the time.
 * Should some file system return less before the end, the files would not gunzip and each is read alone.
 */
function readGzipAt(path: string, at: number): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  let length: number;
  try {
    length = readSync(fd, scratch, at, scratch.length - at, 0);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  const fits = at + length < scratch.length && length > GZIP_FRAMING;
  return fits && isGzipAt(scratch, at) ? length : undefined;
}

/** The file's bytes, in `scratch` when they fit (valid until the next call), else read whole. */
function readIntoScratch(path: string): Buffer {
  const fd = openSync(path, 'r');
  let length = 0;
  try {
    let read: number;
    do {
      read = readSync(fd, scratch, length, scratch.length - length, length);
      length += read;
    } while (read > 0 && length < scratch.length);
  } finally {
    closeSync(fd);
  }
  return length < scratch.length ? scratch.subarray(0, length) : readFileSync(path);
}

function nullIfMissing(error: NodeJS.ErrnoException): null {
  if (error.code !== 'ENOENT') throw error;
  return null;
}
