/**
 * The items of a JSON export one at a time. Exports with article bodies (Wallabag) run to hundreds
 * of megabytes, so the bytes are scanned for where each item of the wanted array begins and ends
 * (UTF-8 never puts a structural ASCII byte inside a character) and each item alone is parsed. An
 * item that is not valid JSON is reported by its number; the items after it are still read.
 */
import { ClipdeskError } from '../../errors.js';

/** An item of the array, or why it cannot be read (a reason for the report). */
export type JsonItem = { index: number; value: unknown } | { index: number; error: string };

/**
 * Every item of the array at `path` ('*' stands for every element of an array on the way; [] is the
 * root). A file cut short ends with an error item where the cut is, after the items before it.
 */
export function* jsonItems(bytes: Uint8Array, path: readonly string[]): Generator<JsonItem> {
  const spans = spansAt(bytes, path);
  for (let index = 1; ; index++) {
    let next: IteratorResult<Span>;
    try {
      next = spans.next();
    } catch (error) {
      if (!(error instanceof UnreadableJson)) throw error;
      yield { index, error: `the file cannot be read from here on: ${error.why}` };
      return;
    }
    if (next.done) return;
    try {
      yield { index, value: JSON.parse(utf8.decode(bytes.subarray(next.value.start, next.value.end))) };
    } catch (error) {
      yield { index, error: `it is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/** How many items the arrays at `path` hold, without parsing them (in a file cut short, those before the cut). */
export function countJsonItems(bytes: Uint8Array, path: readonly string[]): number {
  let count = 0;
  try {
    for (const span of spansAt(bytes, path)) if (span) count++;
  } catch {
    // the items after the cut are reported when the file is read
  }
  return count;
}

/**
 * What the document is at its root: an array, or an object and its keys (for telling exports apart;
 * in a file cut short, the keys before the cut).
 */
export function jsonRoot(bytes: Uint8Array): { kind: 'array' } | { kind: 'object'; keys: string[] } {
  const start = skipSpace(bytes, bomEnd(bytes));
  if (bytes[start] === OPEN_ARRAY) return { kind: 'array' };
  if (bytes[start] !== OPEN_OBJECT) throw notJson(bytes, start);
  const keys: string[] = [];
  try {
    for (const member of members(bytes, start)) keys.push(member.key);
  } catch (error) {
    if (keys.length === 0) throw error;
  }
  return { kind: 'object', keys };
}

/** The first item of the array at `path`, or undefined when it is empty or missing. */
export function firstJsonItem(bytes: Uint8Array, path: readonly string[]): unknown {
  const first = jsonItems(bytes, path).next();
  return first.done || 'error' in first.value ? undefined : first.value.value;
}

interface Span {
  start: number;
  end: number;
}

function* spansAt(bytes: Uint8Array, path: readonly string[]): Generator<Span> {
  for (const start of arraysAt(bytes, path)) yield* elements(bytes, start);
}

const utf8 = new TextDecoder();
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Where each array at `path` starts; a key the document lacks leads nowhere. */
function arraysAt(bytes: Uint8Array, path: readonly string[]): number[] {
  let starts = [skipSpace(bytes, bomEnd(bytes))];
  for (const step of path) {
    starts = starts.flatMap((start) => {
      if (step === '*') return bytes[start] === OPEN_ARRAY ? [...elements(bytes, start)].map((span) => span.start) : [];
      if (bytes[start] !== OPEN_OBJECT) return [];
      for (const member of members(bytes, start)) if (member.key === step) return [member.start];
      return [];
    });
  }
  return starts.filter((start) => bytes[start] === OPEN_ARRAY);
}

function* elements(bytes: Uint8Array, open: number): Generator<Span> {
  let at = skipSpace(bytes, open + 1);
  if (bytes[at] === CLOSE_ARRAY) return;
  for (;;) {
    const end = valueEnd(bytes, at);
    yield { start: at, end };
    at = skipSpace(bytes, end);
    if (bytes[at] === CLOSE_ARRAY) return;
    if (bytes[at] !== COMMA) throw notJson(bytes, at);
    at = skipSpace(bytes, at + 1);
  }
}

function* members(bytes: Uint8Array, open: number): Generator<{ key: string; start: number }> {
  let at = skipSpace(bytes, open + 1);
  if (bytes[at] === CLOSE_OBJECT) return;
  for (;;) {
    if (bytes[at] !== QUOTE) throw notJson(bytes, at);
    const keyEnd = stringEnd(bytes, at);
    const colon = skipSpace(bytes, keyEnd);
    if (bytes[colon] !== COLON) throw notJson(bytes, colon);
    const start = skipSpace(bytes, colon + 1);
    yield { key: JSON.parse(utf8.decode(bytes.subarray(at, keyEnd))) as string, start };
    at = skipSpace(bytes, valueEnd(bytes, start));
    if (bytes[at] === CLOSE_OBJECT) return;
    if (bytes[at] !== COMMA) throw notJson(bytes, at);
    at = skipSpace(bytes, at + 1);
  }
}

/** Where the value starting at `start` ends: brackets are counted, strings skipped, scalars run to a delimiter. */
function valueEnd(bytes: Uint8Array, start: number): number {
  const first = bytes[start];
  if (first === QUOTE) return stringEnd(bytes, start);
  if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) return scalarEnd(bytes, start);
  let depth = 0;
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === QUOTE) at = stringEnd(bytes, at) - 1;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++;
    else if ((byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) && --depth === 0) return at + 1;
  }
  throw notJson(bytes, bytes.length);
}

function stringEnd(bytes: Uint8Array, open: number): number {
  for (let at = open + 1; at < bytes.length; at++) {
    if (bytes[at] === BACKSLASH) at++;
    else if (bytes[at] === QUOTE) return at + 1;
  }
  throw notJson(bytes, bytes.length);
}

function scalarEnd(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length && ![COMMA, CLOSE_ARRAY, CLOSE_OBJECT, 0x20, 0x0a, 0x0d, 0x09].includes(bytes[at] ?? 0)) at++;
  if (at === start) throw notJson(bytes, start);
  return at;
}

function skipSpace(bytes: Uint8Array, from: number): number {
  let at = from;
  while (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09) at++;
  return at;
}

function bomEnd(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** The JSON cannot be scanned past `at`: the end of a file cut short, or a byte no JSON has there. */
class UnreadableJson extends ClipdeskError {
  constructor(readonly why: string) {
    super('BAD_INPUT', `The file looks like JSON but cannot be read: ${why}.`);
  }
}

function notJson(bytes: Uint8Array, at: number): UnreadableJson {
  return new UnreadableJson(at >= bytes.length ? 'it is cut short' : `something unexpected stands at byte ${at.toLocaleString('en-US')}`);
}
