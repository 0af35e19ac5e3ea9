import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { ClipdeskError } from '../errors.js';

/** The most bytes a zip without Zip64 records can address; fflate does not write those records. */
const PLAIN_ZIP_LIMIT = 0xffff_ffff;

/**
 * A zip file written a member at a time with fflate's streaming Zip: each member is compressed and
 * written before the next is read, so memory holds one member, never the archive.
 */
export class ZipWriter {
  readonly #handle: FileHandle;
  readonly #zip: Zip;
  #chunks: Uint8Array[] = [];
  #failure: Error | null = null;
  #written = 0;

  private constructor(handle: FileHandle) {
    this.#handle = handle;
    // Both member kinds below work synchronously: a member's chunks are all here once push() returns.
    this.#zip = new Zip((error, chunk) => {
      if (error) this.#failure = error;
      else this.#chunks.push(chunk);
    });
  }

  /** A new file at `path` (never one already there). */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'wx'));
  }

  /** Adds a member; `compress` false stores bytes that are compressed already, such as pictures. */
  async add(name: string, data: string | Uint8Array, compress = true): Promise<void> {
    const member = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.#zip.add(member);
    member.push(typeof data === 'string' ? strToU8(data) : data, true);
    await this.#flush();
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    this.#zip.end();
    await this.#flush();
    await this.#handle.sync();
    await this.#handle.close();
  }

  /** Closes the file unfinished; the caller removes it. */
  async abandon(): Promise<void> {
    this.#zip.terminate();
    await this.#handle.close().catch(() => undefined);
  }

  async #flush(): Promise<void> {
    if (this.#failure) throw this.#failure;
    const bytes = Buffer.concat(this.#chunks);
    this.#chunks = [];
    this.#written += bytes.length;
    if (this.#written > PLAIN_ZIP_LIMIT) {
      throw new ClipdeskError('TOO_LARGE', 'the backup would be larger than 4 GB, the most a zip file without Zip64 can hold');
    }
    await this.#handle.write(bytes);
  }
}
