import { ClipdeskError } from '../errors.js';
import { decodeBody, encodeBody, encodeSharedBody, textOfBytes, textsOfBytes } from './body-codec.js';
import type { BodyDb, BodyKey } from './body-db.js';
import { bodyRow } from './library-dir.js';
import type { Body, ClipRecord } from './schema.js';

/**
 * The clips' texts: a row of bodies.sqlite per content version of a clip (body-db.ts), its current
 * text and its revisions', in the bytes body-codec.ts makes (the text first, then the HTML, gzipped).
 * The store opens it with the library (ClipStore.texts); a text is written before the record that
 * names it, and deleted only once no record does (the trash emptied, a clip gone in a sync).
 */
export class ClipTexts {
  /** Texts a read found missing or damaged (readTexts), by where they are stored (bodyRow), with their clips' ids. */
  readonly unreadableTexts = new Map<string, string>();
  readonly #db: BodyDb;

  constructor(db: BodyDb) {
    this.#db = db;
  }

  close(): void {
    this.#db.close();
  }

  async writeBody(id: string, body: Body): Promise<void> {
    await this.writeBodies([{ id, body }]);
  }

  /** Stores several clips' texts in one commit (a batch import's). */
  async writeBodies(bodies: ReadonlyArray<{ id: string; body: Body }>): Promise<void> {
    const savedAt = Date.now();
    this.#db.put(bodies.map(({ id, body }) => ({ id, contentHash: body.contentHash, savedAt, bytes: encodeBody(body) })));
  }

  async readBody(id: string, contentHash: string): Promise<Body> {
    const body = this.#bodyOrNull(id, contentHash);
    if (!body) throw missingText(id, contentHash);
    return body;
  }

  /** A content version's body as sync sends it (encodeSharedBody), or null when the library has none. */
  async bodyBytes(id: string, contentHash: string): Promise<Uint8Array | null> {
    const body = this.#bodyOrNull(id, contentHash);
    return body && encodeSharedBody(body);
  }

  #bodyOrNull(id: string, contentHash: string): Body | null {
    const bytes = this.#db.get(id, contentHash);
    return bytes ? decodeBody(bodyRow(id, contentHash), bytes) : null;
  }

  /** Stores a body received as bytes (see bodyBytes), after checking they are one and of this version. */
  async writeBodyBytes(id: string, contentHash: string, bytes: Uint8Array): Promise<void> {
    const body = decodeBody(`${id}.${contentHash}`, bytes);
    if (body.contentHash !== contentHash) {
      throw new ClipdeskError('CORRUPT_LIBRARY', `the text received for clip ${id} is not version ${contentHash}`);
    }
    await this.writeBody(id, body);
  }

  /**
   * Just the text of a clip, read synchronously: a search builds a page of snippets per keystroke, and
   * async reads' thread-pool round trips cost more than the reads themselves.
   */
  readText(id: string, contentHash: string): string {
    const bytes = this.#db.get(id, contentHash);
    if (!bytes) throw missingText(id, contentHash);
    return textOfBytes(bodyRow(id, contentHash), bytes);
  }

  /**
   * The texts of several clips' versions, in order, read together (a page of search hits). One that
   * does not read is undefined, and where it is stored is noted in unreadableTexts: one damaged text
   * must not stop every search that finds its clip.
   */
  readTexts(versions: readonly BodyKey[]): Array<string | undefined> {
    // A text on damaged pages is read again alone below, whose error is noted.
    const bytes = versions.map(({ id, contentHash }) => {
      try {
        return this.#db.get(id, contentHash);
      } catch {
        return undefined;
      }
    });
    const texts = textsOfBytes(bytes);
    return versions.map(({ id, contentHash }, i) => {
      if (texts[i] !== undefined) return texts[i];
      try {
        return this.readText(id, contentHash);
      } catch {
        this.unreadableTexts.set(bodyRow(id, contentHash), id);
        return undefined;
      }
    });
  }

  /** Deletes the text of every version of a clip gone for good (its current one and its revisions'). */
  async deleteBodies(record: ClipRecord): Promise<void> {
    this.#db.delete(contentHashesOf(record).map((contentHash) => ({ id: record.id, contentHash })));
  }
}

/** The content versions a record names, each once: its current text and its revisions' (bodies.sqlite has a row for each). */
export function contentHashesOf(record: { contentHash: string; revisions: ReadonlyArray<{ contentHash: string }> }): string[] {
  return [...new Set([record.contentHash, ...record.revisions.map((revision) => revision.contentHash)])];
}

function missingText(id: string, contentHash: string): ClipdeskError {
  return new ClipdeskError('CORRUPT_LIBRARY', `the text of clip ${id} is missing (${bodyRow(id, contentHash)})`);
}
