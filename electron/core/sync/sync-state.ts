import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { checkedJsonFile } from '../store/checked-file.js';
import { writeFileWhole } from '../store/write-whole.js';
import { syncDir } from './sync-settings.js';

/**
 * `sync/state.json`: how far the library and the replica are in step. Written at the end of each
 * merge, under the write lock; a round cut short (a crash, a kill) leaves the previous state, and the
 * next round merges the same clips again, which changes nothing already done.
 */
const syncStateSchema = z.object({
  /** The server database the replica pairs with: another one means a new replica. */
  pairedWith: z.string(),
  /** The replica's update sequence the library has merged up to. */
  seq: z.union([z.number(), z.string()]),
  /** Each metadata shard's stamp when it was last merged (see ClipStore.shardStamps): a changed one is merged again. */
  shards: z.record(z.string(), z.string()),
  /** Clips whose text had not arrived at the last merge. */
  waiting: z.array(z.string()),
  lastSyncedAt: z.string().nullable(),
  /** Documents written to the replica and not yet sent to the server. */
  unsent: z.number().int().min(0),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export function newSyncState(pairedWith: string): SyncState {
  return { pairedWith, seq: 0, shards: {}, waiting: [], lastSyncedAt: null, unsent: 0 };
}

export class SyncStateFile {
  readonly #path: string;

  constructor(libraryDir: string) {
    this.#path = join(syncDir(libraryDir), 'state.json');
  }

  /** The state, or null when none is kept (never synced, or a damaged file: merging everything again is safe). */
  async read(): Promise<SyncState | null> {
    return checkedJsonFile(this.#path, syncStateSchema).read().catch(() => null);
  }

  async write(state: SyncState): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    await writeFileWhole(this.#path, JSON.stringify(state));
  }
}
