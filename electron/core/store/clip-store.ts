import { readdirSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { clipIdInShard } from '../clip-id.js';
import { ClipdeskError } from '../errors.js';
import { mapBounded } from '../map-bounded.js';
import { keepVersion, takeDailySnapshot } from './backups.js';
import { shardStamp } from './shard-stamp.js';
import { BodyDb } from './body-db.js';
import { moveBodyFilesIn } from './body-files.js';
import { checkedJsonFile, shardJsonFile } from './checked-file.js';
import { ClipTexts } from './clip-texts.js';
import { stampChanges } from './field-stamps.js';
import { BODIES_FILE, LOCK_FILE, MANIFEST_FILE, SHARD_FILE, shardDoc, shardKey } from './library-dir.js';
import { migrate } from './migrations.js';
import { readManifest, readShard } from './recovery.js';
import type { RecoveryReport } from './recovery.js';
import { SCHEMA_VERSION, manifestSchema } from './schema.js';
import type { ClipRecord, Manifest, Shard } from './schema.js';
import { SerialQueue } from './serial-queue.js';
import { ShardRoom } from './shard-room.js';
import { removeStrayTemps } from './stray-temps.js';
import { WriteLock } from './write-lock.js';

/**
 * The library on disk, with lowdb as the system of record:
 *   library.json            manifest: schemaVersion, creation date
 *   clips/<key>.json        metadata shards; a clip lives in the shard named by its id's first 3 hex
 *                           digits, and new clips fill a shard to about 16 KB before another is
 *                           started (shard-room.ts), so an edit rewrites that much, not all of it
 *   bodies.sqlite           plain text + sanitized HTML, gzipped, a row per content version (revisions share it)
 * Every change is stamped part by part with the time it was made (field-stamps.ts), so copies synced
 * between machines merge. Every change runs under an in-process queue and a cross-process lock, re-reads the shard it changes
 * (another process may have written it), and lands with an atomic rename. Nothing is kept in memory:
 * a record is read from its shard when asked for, and listing and search go to the catalog instead.
 */
export class ClipStore {
  readonly dir: string;
  /** Damaged documents recovered since the store was opened, for the hosts to tell the user (describeRecovery). */
  readonly recoveries: RecoveryReport[] = [];
  readonly #queue = new SerialQueue();
  readonly #lock: WriteLock;
  readonly #room = new ShardRoom(() => new Map([...this.#statShards()].map(([key, stats]) => [key, stats.size])));
  #texts: ClipTexts | undefined;
  #sweep: NodeJS.Timeout | undefined;

  private constructor(dir: string) {
    this.dir = dir;
    this.#lock = new WriteLock(join(dir, LOCK_FILE));
  }

  static async open(dir: string): Promise<ClipStore> {
    const store = new ClipStore(dir);
    await mkdir(join(dir, 'clips'), { recursive: true });
    await store.#lock.clearLeftovers();
    await store.#lock.withLock(async () => {
      // The texts are opened after the manifest: an older library's step to version 6 moves them in.
      await store.#openManifest();
      store.#texts = await store.#openTexts();
    });
    store.#sweep = sweepLater(dir);
    return store;
  }

  /** Closes the texts' file and cancels the pending sweep of stray temp files: a closed store leaves nothing running. */
  close(): void {
    clearTimeout(this.#sweep);
    this.#texts?.close();
    this.#texts = undefined;
  }

  /** The clips' texts (clip-texts.ts). */
  get texts(): ClipTexts {
    // A programming error, not the user's: nothing reads a store after closing it.
    if (!this.#texts) throw new Error(`the library at ${this.dir} is closed`);
    return this.#texts;
  }

  async shardRecords(key: string): Promise<ClipRecord[]> {
    return Object.values((await this.#readShard(key)).data.clips);
  }

  /**
   * Size and modification time of every shard file, by key. Derived data remembers the stamps it was
   * made from, so a shard changed behind its back (restored from a backup, a crash between two writes,
   * an older copy synced in) is noticed at the next open by a stat, without reading every shard.
   * Synchronous: a stat is a few microseconds, and through the thread pool the 4,096 of a big library
   * took 50-150 ms of every open instead of 17-40.
   */
  shardStamps(keys?: readonly string[]): Map<string, string> {
    return new Map([...this.#statShards(keys)].map(([key, stats]) => [key, shardStamp(stats)]));
  }

  /**
   * Ids for the new clips of one commit, one a call, each in the shard the room chooses (shard-room.ts).
   * Drawn under the write lock, in the task that commits them: the room counts them as written.
   */
  newClipIds(): () => string {
    const keys = this.#room.keys();
    return () => clipIdInShard(keys());
  }

  /** The stats of each named shard file that exists, or of every shard file. */
  #statShards(keys?: readonly string[]): Map<string, Stats> {
    const names = keys ? keys.map((key) => `${key}.json`) : readdirSync(join(this.dir, 'clips')).filter((name) => SHARD_FILE.test(name));
    const found = new Map<string, Stats>();
    for (const name of names) {
      const stats = statSync(join(this.dir, 'clips', name), { throwIfNoEntry: false });
      if (stats) found.set(name.slice(0, -'.json'.length), stats);
    }
    return found;
  }

  async get(id: string): Promise<ClipRecord | undefined> {
    // An id names a file: anything but the hex ids the library makes is simply not there.
    if (!CLIP_ID.test(id)) return undefined;
    return (await this.#readShard(shardKey(id))).data.clips[id];
  }

  /** The record, or NOT_FOUND with the id in the message. */
  async require(id: string): Promise<ClipRecord> {
    const record = await this.get(id);
    if (!record) throw new ClipdeskError('NOT_FOUND', `no clip with id ${id}`);
    return record;
  }

  /**
   * Runs a task under the library's write lock: a check and the writes that depend on it (is this page
   * already clipped? then update it, else add it) happen with no other writer in between.
   */
  exclusive<T>(task: (writer: StoreWriter) => Promise<T>): Promise<T> {
    return this.#queue.run(() => this.#lock.withLock(() => task({ commit: (...args) => this.#commitLocked(...args) })));
  }

  /** One write on its own: see StoreWriter.commit. */
  commit(...args: Parameters<StoreWriter['commit']>): Promise<Array<ClipRecord | undefined>> {
    return this.exclusive((writer) => writer.commit(...args));
  }

  async #commitLocked(
    ids: readonly string[],
    change: (record: ClipRecord | undefined, id: string) => ClipRecord | undefined,
    observer?: CommitObserver,
    keptBeforeRun?: KeptBeforeRun,
  ): Promise<Array<ClipRecord | undefined>> {
    const results = new Map<string, ClipRecord | undefined>();
    const now = new Date();
    // Taken once before the shards are written side by side: each keepVersion then finds today's snapshot.
    takeDailySnapshot(this.dir, now);
    await mapBounded([...groupByShard(ids)], SHARDS_AT_ONCE, async ([key, idsInShard]) => {
      const shard = await this.#readShard(key);
      for (const id of idsInShard) {
        const previous = shard.data.clips[id];
        const changed = change(previous, id);
        const next = changed && { ...changed, stamps: stampChanges(previous, changed, now) };
        if (next) shard.data.clips[id] = next;
        else delete shard.data.clips[id];
        results.set(id, next);
      }
      if (!keptBeforeRun?.has(key)) keepVersion(this.dir, shardDoc(key), now);
      keptBeforeRun?.add(key);
      await shard.write();
      this.#room.wrote(key, statSync(join(this.dir, shardDoc(key))).size, Object.keys(shard.data.clips).length);
    });
    const written = ids.map((id) => results.get(id));
    await observer?.wrote(ids.map((id, i) => ({ id, record: written[i] })));
    return written;
  }

  /** The texts' file; a damaged one is set aside (BodyDb.openOrSetAside) and the user told, as for a damaged shard. */
  async #openTexts(): Promise<ClipTexts> {
    const { bodies, setAside } = BodyDb.openOrSetAside(this.dir);
    if (setAside) {
      const problem = `${setAside.problem}; every clip's text is missing until it is clipped again or a backup archive is restored`;
      this.recoveries.push({
        doc: BODIES_FILE, problem, keptAt: setAside.keptAt, backup: null, fromDamaged: [], fromBackup: [], fromText: [], withoutText: [],
      });
    }
    await moveBodyFilesIn(this.dir, bodies);
    return new ClipTexts(bodies);
  }

  async #openManifest(): Promise<void> {
    const file = checkedJsonFile(join(this.dir, MANIFEST_FILE), manifestSchema);
    const { data: found, report } = await readManifest(this.dir);
    if (report) this.recoveries.push(report);
    const newManifest: Manifest = { app: 'clipdesk', schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() };
    const manifest = new Low<Manifest>(file, found ?? newManifest);
    if (found?.schemaVersion === SCHEMA_VERSION && !report) return;
    if (found) manifest.data.schemaVersion = await migrate(this.dir, found.schemaVersion);
    // A damaged manifest is already kept in damaged/; its backup slots are better spent on whole ones.
    if (!report) keepVersion(this.dir, MANIFEST_FILE);
    await manifest.write();
  }

  async #readShard(key: string): Promise<Low<Shard>> {
    const file = shardJsonFile(join(this.dir, 'clips', `${key}.json`));
    const shard = new Low<Shard>(file, { schemaVersion: SCHEMA_VERSION, clips: {} });
    const { data, report } = await readShard(this.dir, key);
    shard.data = data;
    // Every read of a shard still damaged on disk recovers it again; the user hears of it once.
    if (report && !this.recoveries.some((known) => known.doc === report.doc && known.keptAt === report.keptAt)) {
      this.recoveries.push(report);
    }
    return shard;
  }
}

const CLIP_ID = /^[0-9a-f]{3}[0-9a-f-]*$/;
/**
 * Shards a commit writes at the same time: a batch import touches hundreds, and each write waits on
 * the disk (a temp file, a rename, a backup link) far longer than on the CPU.
 */
const SHARDS_AT_ONCE = 8;
/** How long after opening the stray temp files are swept (see sweepLater). */
const SWEEP_DELAY_MS = 30_000;

/**
 * Removes the half-written files of killed writers (stray-temps.ts) once the library has been open a
 * while: the walk reads every folder name, which a start should not wait for, and a process that
 * ends first simply leaves them for the next.
 */
function sweepLater(dir: string): NodeJS.Timeout {
  return setTimeout(() => void removeStrayTemps(dir).catch(() => undefined), SWEEP_DELAY_MS).unref();
}

/** What a task run under the write lock may do. */
export interface StoreWriter {
  /**
   * Applies `change` to the freshest copy of each named clip and writes each touched shard once.
   * `change` returns the new record, or `undefined` to remove the clip. Returns the records as written.
   * The observer hears of the write under the same lock, to keep derived data (the catalog) in step
   * across processes. Each shard's version before the write is kept (backups.ts), once a run when
   * the commit is one of a run's.
   */
  commit(
    ids: readonly string[],
    change: (record: ClipRecord | undefined, id: string) => ClipRecord | undefined,
    observer?: CommitObserver,
    keptBeforeRun?: KeptBeforeRun,
  ): Promise<Array<ClipRecord | undefined>>;
}

/**
 * The shards (by key) whose version from before a run of commits is kept: a batch import commits
 * 500 clips at a time, and keeping each batch's half-way versions too would push the version from
 * before the import out of the three slots after three batches, at the cost of a link, two gzips and
 * four renames per shard and batch (a fifth of a batch's time at 100,000 clips, profiled).
 */
export type KeptBeforeRun = Set<string>;

export interface CommitObserver {
  wrote(written: ReadonlyArray<{ id: string; record: ClipRecord | undefined }>): Promise<void>;
}

/** One observer that tells each of `observers` in turn. */
export function observeAll(...observers: CommitObserver[]): CommitObserver {
  return {
    wrote: async (written) => {
      for (const observer of observers) await observer.wrote(written);
    },
  };
}

function groupByShard(ids: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = shardKey(id);
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return groups;
}
