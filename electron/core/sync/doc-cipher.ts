/**
 * End-to-end encryption of sync documents: a document is sealed before it goes to the server and opened
 * when it comes back, so the server holds ids and ciphertext only. Each seal draws a fresh nonce, so the
 * same document sealed twice differs; replication does not need them to match (revisions are what it
 * compares). A box is bound to its document's `_id` (and an attachment's to the id and its name), so the
 * server cannot move content to another id or name and have it open.
 *
 * What the server still sees, by design or because CouchDB needs it to replicate:
 * - every `_id`: a document's kind (clip, ann, body, pic), which annotations and bodies belong to which
 *   clip, and the content hashes in body and picture ids (someone who has a picture can confirm that the
 *   library holds it);
 * - `_rev`, `_deleted`, the revision tree and the other `_`-prefixed metadata CouchDB keeps: how often
 *   each document changed, and that it was deleted;
 * - sizes: a sealed document or attachment is its plaintext plus 40 bytes (nonce and tag, no padding), so
 *   the length of a note, a clip's text or a picture shows;
 * - timing: when each device replicates, which says when the user clips and reads;
 * - the key record (see sync-key.ts), enough to guess passphrases offline at scrypt's cost per guess.
 * What it can still do undetected here: withhold documents, delete them (a bare deletion has nothing to
 * authenticate), or serve an older sealed revision of the same id, or an older attachment under the same
 * id and name (a rollback; body and picture ids are content-addressed, so for them it changes nothing).
 */
import { z } from 'zod';
import { ClipdeskError } from '../errors.js';
import { describeInvalid } from '../validation.js';
import { KEY_BYTES, openBytes, sealBytes } from './aead.js';
import { KEY_RECORD_ID } from './sync-key.js';

/** An attachment as PouchDB holds it with its bytes: a Buffer (`binary: true`) or a base64 string. */
export interface PlainAttachment {
  content_type: string;
  data: Uint8Array | string;
}

/** A document of the local replica: the app's fields in the clear. */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _attachments?: Record<string, PlainAttachment>;
  [field: string]: unknown;
}

export interface SealedAttachment {
  content_type: 'application/octet-stream';
  data: Buffer;
}

/** A document as the server holds it. `sealed` is missing only on a bare deletion. */
export interface SealedDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  sealed?: string;
  _attachments?: Record<string, SealedAttachment>;
  [metadata: `_${string}`]: unknown;
}

/** What goes inside `sealed`: the fields, and each attachment's real content type. */
const contentSchema = z.object({
  fields: z.record(z.string(), z.unknown()),
  types: z.record(z.string(), z.string()),
});
type SealedContent = z.infer<typeof contentSchema>;

const bytesSchema = z.union([z.instanceof(Uint8Array), z.base64()]);
const attachmentsSchema = z.record(z.string(), z.object({ content_type: z.string(), data: bytesSchema }));
const sealedDocSchema = z.looseObject({
  _id: z.string().min(1),
  sealed: z.base64().optional(),
  _attachments: z.record(z.string(), z.object({ data: bytesSchema })).optional(),
});

export class DocCipher {
  readonly #key: Uint8Array;

  /** `key` is the 32 bytes from newKeyRecord or unlockKeyRecord; it is copied. */
  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array) || key.byteLength !== KEY_BYTES) {
      throw new ClipdeskError('BAD_INPUT', `a sync key is ${KEY_BYTES} bytes`);
    }
    this.#key = Uint8Array.from(key);
  }

  /**
   * `doc` as the server may hold it: every field but the CouchDB metadata sealed into `sealed`, each
   * attachment's bytes sealed on their own (so they stay attachments, which CouchDB stores and sends
   * apart from the JSON). A bare deletion is passed as it is: it carries nothing to hide.
   */
  seal(doc: SyncDoc): SealedDoc {
    if (typeof doc._id !== 'string' || doc._id === '') throw new ClipdeskError('BAD_INPUT', 'a sync document needs an _id');
    const { metadata, fields, attachments } = splitDoc(doc);
    if (doc._id === KEY_RECORD_ID) throw new ClipdeskError('BAD_INPUT', `${KEY_RECORD_ID} is kept in the clear, never sealed`);
    if (isBareDeletion(metadata, fields, attachments)) return { ...metadata, _id: doc._id };
    rejectStubs(doc);
    const checked = attachmentsSchema.safeParse(attachments ?? {});
    if (!checked.success) {
      throw new ClipdeskError('BAD_INPUT', `sync document ${doc._id}: ${describeInvalid(checked.error, '_attachments')}`);
    }
    const content: SealedContent = { fields, types: {} };
    const sealedAttachments: Record<string, SealedAttachment> = {};
    for (const [name, { content_type, data }] of Object.entries(checked.data)) {
      content.types[name] = content_type;
      const box = sealBytes(this.#key, toBytes(data), attachmentAad(doc._id, name));
      sealedAttachments[name] = { content_type: 'application/octet-stream', data: toBuffer(box) };
    }
    const sealed = toBuffer(sealBytes(this.#key, Buffer.from(JSON.stringify(content), 'utf8'), doc._id)).toString('base64');
    const result: SealedDoc = { ...metadata, _id: doc._id, sealed };
    if (attachments) result._attachments = sealedAttachments;
    return result;
  }

  /**
   * The document `doc` (as it came from the server, so checked here) was sealed from. CORRUPT_LIBRARY
   * when any part of it does not authenticate, is missing, was added, or arrives unencrypted: the
   * passphrase was already proven right by the key record's check, so a box that does not open was
   * changed on the server or sealed with another key, and asking the user for the passphrase again
   * would not help. Never returns anything that did not authenticate.
   */
  open(doc: unknown): SyncDoc {
    rejectStubs(doc);
    const parsed = sealedDocSchema.safeParse(doc);
    if (!parsed.success) throw corrupt(idOf(doc), `is not a sealed document (${describeInvalid(parsed.error)})`);
    const { _id: id, sealed } = parsed.data;
    const { metadata, fields, attachments } = splitDoc(parsed.data);
    if (sealed === undefined) {
      if (isBareDeletion(metadata, fields, attachments)) return { ...metadata, _id: id };
      throw corrupt(id, 'arrived unencrypted');
    }
    const clear = Object.keys(fields).find((name) => name !== 'sealed');
    if (clear !== undefined) throw corrupt(id, `has a field in the clear beside its sealed ones (${clear})`);
    const content = this.#openContent(id, sealed);
    const result: SyncDoc = { ...content.fields, ...metadata, _id: id };
    const opened = this.#openAttachments(id, content.types, parsed.data._attachments ?? {});
    if (opened) result._attachments = opened;
    return result;
  }

  #openContent(id: string, sealed: string): SealedContent {
    const plain = openBytes(this.#key, Buffer.from(sealed, 'base64'), id);
    if (!plain) throw corrupt(id, "does not decrypt with this library's key: it was changed on the server or sealed with another key");
    const content = contentSchema.safeParse(parseJson(Buffer.from(plain).toString('utf8')));
    if (!content.success) throw corrupt(id, `holds sealed content of an unknown shape (${describeInvalid(content.error)})`);
    return content.data;
  }

  /** Exactly the attachments the sealed content names, each authenticated under its own name. */
  #openAttachments(id: string, types: Record<string, string>, boxes: Record<string, { data: Uint8Array | string }>) {
    const names = Object.keys(types);
    const extra = Object.keys(boxes).find((name) => !Object.hasOwn(types, name));
    if (extra !== undefined) throw corrupt(id, `has an attachment it was not sealed with (${extra})`);
    if (names.length === 0) return undefined;
    const opened: Record<string, PlainAttachment> = {};
    for (const name of names) {
      const box = boxes[name];
      if (!box) throw corrupt(id, `is missing its attachment ${name}`);
      const data = openBytes(this.#key, toBytes(box.data), attachmentAad(id, name));
      if (!data) throw corrupt(id, `has an attachment (${name}) that does not decrypt: it was changed on the server or moved`);
      opened[name] = { content_type: types[name] ?? '', data: toBuffer(data) };
    }
    return opened;
  }
}

interface DocParts {
  metadata: Record<`_${string}`, unknown>;
  fields: Record<string, unknown>;
  attachments: Record<string, unknown> | undefined;
}

/**
 * CouchDB's own `_`-prefixed members (`_rev`, `_deleted`, `_revisions`, `_conflicts`, ...) stay in the
 * clear: the replicator reads them, and CouchDB refuses app fields with that prefix, so none is the app's.
 */
function splitDoc(doc: Record<string, unknown>): DocParts {
  const parts: DocParts = { metadata: {}, fields: {}, attachments: undefined };
  for (const [name, value] of Object.entries(doc)) {
    if (name === '_attachments') parts.attachments = value as Record<string, unknown> | undefined;
    else if (name.startsWith('_')) parts.metadata[name as `_${string}`] = value;
    else parts.fields[name] = value;
  }
  delete parts.metadata._id;
  return parts;
}

function isBareDeletion(metadata: DocParts['metadata'], fields: DocParts['fields'], attachments: DocParts['attachments']): boolean {
  return metadata._deleted === true && Object.keys(fields).length === 0 && Object.keys(attachments ?? {}).length === 0;
}

/** Stubs (`stub: true`, no bytes) cannot be sealed or opened: the caller must get attachments with their data. */
function rejectStubs(doc: unknown): void {
  const attachments: unknown = typeof doc === 'object' && doc !== null && '_attachments' in doc ? doc._attachments : undefined;
  if (typeof attachments !== 'object' || attachments === null) return;
  for (const [name, attachment] of Object.entries(attachments)) {
    if (typeof attachment === 'object' && attachment !== null && 'stub' in attachment && attachment.stub === true) {
      const problem = `attachment ${name} is a stub; get documents with { attachments: true }`;
      throw new ClipdeskError('BAD_INPUT', `sync document ${idOf(doc)}: ${problem}`);
    }
  }
}

/** Sealed JSON that does not parse: undefined, for the schema to turn away (only a bug of ours could make it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function attachmentAad(id: string, name: string): string {
  return `${id}\0${name}`;
}

function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'base64') : data;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function idOf(doc: unknown): string {
  return typeof doc === 'object' && doc !== null && '_id' in doc && typeof doc._id === 'string' ? doc._id : '(no id)';
}

function corrupt(id: string, problem: string): ClipdeskError {
  return new ClipdeskError('CORRUPT_LIBRARY', `sync document ${id} ${problem}`);
}
