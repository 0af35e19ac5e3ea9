import type PouchDB from 'pouchdb-core';
import type { Annotation } from '../../api.js';
import { mergeAnnotationCopies } from './merge-records.js';
import type { Database } from './replica.js';
import type { z } from 'zod';
import { annotationSchema, clipRecordSchema } from '../store/schema.js';
import { annotationDocId, annotationDocRange, clipDocId } from './sync-docs.js';
import type { AnnotationDoc, ClipDoc, ClipFields } from './sync-docs.js';

type Doc = PouchDB.Doc;

/**
 * How documents are stored in the replica: as they are, or sealed (end-to-end encryption, where the
 * replica and the server hold only ids and ciphertext). Everything sync reads goes through `open`.
 */
export interface DocCodec {
  seal(doc: Doc): Doc;
  open(doc: Doc): Doc;
}

export const PLAIN_CODEC: DocCodec = { seal: (doc) => doc, open: (doc) => doc };

/** One leaf of a document's revision tree: a copy replication kept (CouchDB keeps conflicts instead of overwriting). */
export interface Leaf<T> {
  rev: string;
  deleted: boolean;
  value: T | null;
}

/** A clip's documents in the replica, opened: every leaf of its clip document, and its highlights merged. */
export interface ReplicaClip {
  clipLeaves: Array<Leaf<ClipFields>>;
  /**
   * Highlight documents by annotation id: the merged value, the leaves' revisions (to write over or
   * delete), and the copies that lost to it, edited at the same time elsewhere (a CouchDB conflict).
   */
  annotations: Map<string, { value: Annotation; revs: string[]; losers: Annotation[] }>;
}

/** Reading and writing one clip's documents in the replica, through the codec. */
export class ReplicaClips {
  readonly #db: Database;
  readonly #codec: DocCodec;

  constructor(db: Database, codec: DocCodec) {
    this.#db = db;
    this.#codec = codec;
  }

  async read(clipId: string): Promise<ReplicaClip> {
    const clipLeaves = (await this.#leaves(clipDocId(clipId))).map((leaf) => ({
      ...leaf,
      value: checked(clipFieldsSchema, (leaf.value as Partial<ClipDoc> | null)?.clip, (fields) => fields.id === clipId),
    }));
    const { rows } = await this.#db.allDocs(annotationDocRange(clipId));
    const annotations: ReplicaClip['annotations'] = new Map();
    for (const row of rows) {
      const leaves = (await this.#leaves(row.id)).filter((leaf) => !leaf.deleted && leaf.value);
      const copies = leaves.flatMap((leaf) => {
        const annotation = checked(annotationSchema, (leaf.value as Partial<AnnotationDoc>).annotation, (a) => a.clipId === clipId);
        return annotation && row.id === annotationDocId(clipId, annotation.id) ? [annotation] : [];
      });
      const value = mergeAnnotationCopies(copies);
      const losers = copies.filter((copy) => copy !== value);
      if (value) annotations.set(value.id, { value, revs: leaves.map((leaf) => leaf.rev), losers });
    }
    return { clipLeaves, annotations };
  }

  /** Every leaf of a document (none when it was never written), opened. */
  async #leaves(id: string): Promise<Array<Leaf<Doc>>> {
    const found = await this.#db.get(id, { open_revs: 'all' }).catch(() => []);
    return found.flatMap(({ ok }) => (ok ? [{ rev: ok._rev ?? '', deleted: ok._deleted === true, value: this.#opened(ok) }] : []));
  }

  /** A deletion may keep what it deleted (a clip's last stamps): opened like any document; a bare one holds nothing. */
  #opened(doc: Doc): Doc | null {
    const bare = Object.keys(doc).every((key) => key.startsWith('_'));
    return bare ? null : this.#codec.open(doc);
  }

  /** Whether a live (not deleted) document has this id. */
  async has(id: string): Promise<boolean> {
    return (await this.liveRevs([id])).has(id);
  }

  /** The winning revision of each of the ids that names a live document. */
  async liveRevs(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.#db.allDocs({ keys: [...ids] });
    return new Map(rows.filter((row) => !row.error && row.value.deleted !== true).map((row) => [row.id, row.value.rev]));
  }

  async attachment(id: string, name: string): Promise<Uint8Array | null> {
    const doc = await this.#db.get(id, { attachments: true, binary: true }).catch(() => null);
    const data = doc ? this.#codec.open(doc)._attachments?.[name]?.data : undefined;
    return typeof data === 'string' ? Buffer.from(data, 'base64') : (data ?? null);
  }

  /**
   * The documents that make `leaves` one again holding `doc`: written over the winner, the other
   * leaves deleted; `null` deletes them all. When every live leaf holds `doc` already, only the others
   * are deleted: two machines resolving the same conflict at once then write the same deletions (their
   * revisions are derived from their content), where two new writes would conflict again (a sealed
   * document differs at every seal).
   */
  resolve(id: string, leaves: ReadonlyArray<Leaf<unknown>>, doc: Omit<Doc, '_id'> | null, heldByAll = false): Doc[] {
    const live = leaves.filter((leaf) => !leaf.deleted);
    const [winner, ...losers] = [...live].sort((a, b) => compareRevs(b.rev, a.rev));
    const base = winner ?? [...leaves].sort((a, b) => compareRevs(b.rev, a.rev))[0];
    const removals = (doc ? losers : live).map((leaf) => ({ _id: id, _rev: leaf.rev, _deleted: true }));
    if (!doc || (heldByAll && winner)) return removals;
    return [this.#codec.seal({ ...doc, _id: id, ...(base ? { _rev: base.rev } : {}) }), ...removals];
  }

  /** A new document (or one written over a deleted one), sealed. */
  fresh(doc: Doc): Doc {
    return this.#codec.seal(doc);
  }

  async write(docs: Doc[]): Promise<void> {
    if (docs.length === 0) return;
    const results = await this.#db.bulkDocs(docs);
    const failed = results.find((result) => result.error);
    if (failed) throw new Error(`the sync replica refused ${failed.id ?? 'a document'}: ${failed.reason ?? String(failed.error)}`);
  }

  static clipDoc(fields: ClipFields): Omit<ClipDoc, '_id'> {
    return { type: 'clip', clip: fields };
  }

  static annotationDoc(annotation: Annotation): Omit<AnnotationDoc, '_id'> {
    return { type: 'annotation', annotation };
  }
}

/**
 * A document's content as the library's schema has it, or null: what the server sends is checked
 * like any file the library reads, and a document that is not one (damaged, or from a newer
 * Clipdesk) is left aside rather than written into the library.
 */
function checked<T>(schema: z.ZodType<T>, value: unknown, belongs: (parsed: T) => boolean): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(value);
  return parsed.success && belongs(parsed.data) ? parsed.data : null;
}

const clipFieldsSchema = clipRecordSchema.omit({ annotations: true, updatedAt: true });

/** CouchDB's winner order: the longer revision history, then the greater revision id. */
function compareRevs(a: string, b: string): number {
  const [na, ha] = splitRev(a);
  const [nb, hb] = splitRev(b);
  return na - nb || (ha < hb ? -1 : ha > hb ? 1 : 0);
}

function splitRev(rev: string): [number, string] {
  const dash = rev.indexOf('-');
  return [Number(rev.slice(0, dash)), rev.slice(dash + 1)];
}
