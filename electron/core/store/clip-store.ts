import { readFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ClipdeskError } from '../errors.js';
import { checkedJsonFile } from './checked-file.js';
import { migrate } from './migrations.js';
import { SCHEMA_VERSION, bodySchema, manifestSchema, shardSchema } from './schema.js';
import type { Body, ClipRecord, Manifest, Shard } from './schema.js';
import { SerialQueue } from './serial-queue.js';
import { WriteLock } from './write-lock.js';

/**
 * The library on disk, with lowdb as the system of record:
 *   library.json            manifest: schemaVersion, creation date
 *   clips/<key>.json        metadata shards; a clip lives in the shard named by its id's first 3 hex
 *                           digits, so one edit rewrites ~1/4096 of the metadata, not all of it
 *   bodies/<id>.<hash>.json sanitized HTML + plain text, one file per content version (revisions share it)
 * Every change runs under an in-process queue and a cross-process lock, re-reads the shard it changes
 * (another process may have written it), and lands with an atomic rename.
 */
export class ClipStore {
  readonly dir: string;
  readonly #records = new Map<string, ClipRecord>();
  /** Ids by sameness key (see `findSame`), so an import does not scan every clip. */
  readonly #bySameness = new Map<string, Set<string>>();
  readonly #queue = new SerialQueue();
  readonly #lock: WriteLock;

  private constructor(dir: string) {
    this.dir = dir;
    this.#lock = new WriteLock(join(dir, 'library.lock'));
  }

  static async open(dir: string): Promise<ClipStore> {
    const store = new ClipStore(dir);
    await mkdir(join(dir, 'clips'), { recursive: true });
    await mkdir(join(dir, 'bodies'), { recursive: true });
    await store.#lock.withLock(() => store.#openManifest());
    await store.#loadShards();
    return store;
  }

  get size(): number {
    return this.#records.size;
  }

  records(): IterableIterator<ClipRecord> {
    return this.#records.values();
  }

  get(id: string): ClipRecord | undefined {
    return this.#records.get(id);
  }

  /**
   * The clip an import of this article would duplicate: the one with the same canonical URL, or, when
   * the article has none, one without a canonical URL and with the same text (content hash).
   */
  findSame(canonicalUrl: string | null, contentHash: string): ClipRecord | undefined {
    const [id] = this.#bySameness.get(samenessKey(canonicalUrl, contentHash)) ?? [];
    return id === undefined ? undefined : this.#records.get(id);
  }

  /** The record, or NOT_FOUND with the id in the message. */
  require(id: string): ClipRecord {
    const record = this.#records.get(id);
    if (!record) throw new ClipdeskError('NOT_FOUND', `no clip with id ${id}`);
    return record;
  }

  /**
   * Applies `change` to the freshest copy of each named clip and writes each touched shard once.
   * `change` returns the new record, or `undefined` to remove the clip. Returns the records as written.
   */
  commit(ids: readonly string[], change: (record: ClipRecord | undefined, id: string) => ClipRecord | undefined): Promise<Array<ClipRecord | undefined>> {
    return this.#queue.run(() => this.#lock.withLock(async () => {
      const results = new Map<string, ClipRecord | undefined>();
      for (const [key, idsInShard] of groupByShard(ids)) {
        const shard = await this.#readShard(key);
        for (const id of idsInShard) {
          const next = change(shard.data.clips[id], id);
          if (next) shard.data.clips[id] = next;
          else delete shard.data.clips[id];
          results.set(id, next);
        }
        await shard.write();
        this.#absorb(shard.data, idsInShard);
      }
      return ids.map((id) => results.get(id));
    }));
  }

  async writeBody(id: string, body: Body): Promise<void> {
    const file = new Low(checkedJsonFile(this.bodyPath(id, body.contentHash), bodySchema), body);
    await file.write();
  }

  async readBody(id: string, contentHash: string): Promise<Body> {
    const path = this.bodyPath(id, contentHash);
    const body = await checkedJsonFile(path, bodySchema).read();
    if (!body) throw new ClipdeskError('CORRUPT_LIBRARY', `the text of clip ${id} is missing (${path})`);
    return body;
  }

  /** For rebuilding the search index's phrase checks, which run synchronously. */
  readBodySync(id: string, contentHash: string): Body {
    return bodySchema.parse(JSON.parse(readFileSync(this.bodyPath(id, contentHash), 'utf8')));
  }

  bodyPath(id: string, contentHash: string): string {
    return join(this.dir, 'bodies', `${id}.${contentHash}.json`);
  }

  async #openManifest(): Promise<void> {
    const file = checkedJsonFile(join(this.dir, 'library.json'), manifestSchema);
    const found = await file.read();
    const manifest = new Low<Manifest>(file, found ?? { app: 'clipdesk', schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() });
    if (found?.schemaVersion === SCHEMA_VERSION) return;
    if (found) manifest.data.schemaVersion = await migrate(this.dir, found.schemaVersion);
    await manifest.write();
  }

  async #loadShards(): Promise<void> {
    const names = (await readdir(join(this.dir, 'clips'))).filter((name) => SHARD_FILE.test(name));
    for (const name of names) {
      const shard = await this.#readShard(name.slice(0, -'.json'.length));
      this.#absorb(shard.data, Object.keys(shard.data.clips));
    }
  }

  async #readShard(key: string): Promise<Low<Shard>> {
    const shard = new Low<Shard>(checkedJsonFile(join(this.dir, 'clips', `${key}.json`), shardSchema), { schemaVersion: SCHEMA_VERSION, clips: {} });
    await shard.read();
    return shard;
  }

  #absorb(shard: Shard, ids: readonly string[]): void {
    for (const id of ids) {
      const before = this.#records.get(id);
      const same = before && this.#bySameness.get(samenessOf(before));
      if (same?.delete(id) && same.size === 0) this.#bySameness.delete(samenessOf(before!));
      const record = shard.clips[id];
      if (record) {
        this.#records.set(id, record);
        const key = samenessOf(record);
        this.#bySameness.set(key, (this.#bySameness.get(key) ?? new Set()).add(id));
      } else {
        this.#records.delete(id);
      }
    }
  }
}

function samenessKey(canonicalUrl: string | null, contentHash: string): string {
  return canonicalUrl ? `url ${canonicalUrl}` : `hash ${contentHash}`;
}

function samenessOf(record: ClipRecord): string {
  return samenessKey(record.canonicalUrl, record.contentHash);
}

const SHARD_FILE = /^[0-9a-f]{3}\.json$/;

export function shardKey(id: string): string {
  return id.slice(0, 3);
}

function groupByShard(ids: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = shardKey(id);
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return groups;
}
