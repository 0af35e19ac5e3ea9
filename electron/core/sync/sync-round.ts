import type { PictureStore } from '../pictures/picture-store.js';
import type { ClipStore, CommitObserver } from '../store/clip-store.js';
import type { PurgeJournal } from './purge-journal.js';
import { reconcile } from './reconcile.js';
import type { ReconcileOutcome } from './reconcile.js';
import type { ReplicaClips } from './replica-clips.js';
import type { Database } from './replica.js';
import { syncFailure } from './sync-errors.js';
import { clipIdOfDoc } from './sync-docs.js';
import { newSyncState } from './sync-state.js';
import type { SyncState, SyncStateFile } from './sync-state.js';

/** Everything one round of sync works with. */
export interface RoundParts {
  store: ClipStore;
  pictures: PictureStore;
  mirror: CommitObserver;
  journal: PurgeJournal;
  stateFile: SyncStateFile;
  replica: Database;
  clips: ReplicaClips;
  remote: Database;
  /** The server database, without credentials: names it in errors, and pairs the state with it. */
  server: string;
}

export interface RoundReport {
  /** Documents sent to the server and received from it. */
  sent: number;
  received: number;
  /** Clips this library changed (added, edited, deleted) with what came in. */
  changedHere: number;
  /** Clips whose text is still on its way. */
  waiting: number;
}

/** Documents a replication moves a batch at a time: bodies and pictures are attachments, so batches stay small. */
const BATCH = 50;

/**
 * One round: this library's changes into the replica, the replica to the server and back (the
 * CouchDB protocol, resuming from its checkpoints), then what came in merged into the library; a
 * merge that resolved conflicts is sent back at once, so the server holds the resolution too.
 */
export async function syncRound(parts: RoundParts): Promise<RoundReport> {
  const before = await mergeWithReplica(parts);
  const sent = await replicate(parts, 'to');
  const received = await replicate(parts, 'from');
  const after = await mergeWithReplica(parts);
  const resent = after.wroteToReplica > 0 ? await replicate(parts, 'to') : 0;
  await parts.store.exclusive(async () => {
    const state = await currentState(parts);
    await parts.stateFile.write({ ...state, unsent: 0, lastSyncedAt: new Date().toISOString() });
  });
  return { sent: sent + resent, received, changedHere: before.changedLocally + after.changedLocally, waiting: after.waiting.length };
}

async function replicate(parts: RoundParts, direction: 'to' | 'from'): Promise<number> {
  try {
    const result = await parts.replica.replicate[direction](parts.remote, { batch_size: BATCH, batches_limit: 4 });
    return result.docs_written;
  } catch (error) {
    throw syncFailure(error, parts.server);
  }
}

/**
 * Under the write lock: merges every clip that changed on either side since the last merge (shards
 * written since, replica documents received since, clips deleted here, clips still waiting for
 * their text) and records how far both sides are now in step.
 */
export function mergeWithReplica(parts: RoundParts): Promise<ReconcileOutcome> {
  return parts.store.exclusive(async (writer) => {
    const state = await currentState(parts);
    const purged = await parts.journal.read();
    const ids = new Set([...state.waiting, ...purged]);
    for (const id of await changedInReplica(parts.replica, state.seq)) ids.add(id);
    for (const id of await changedInLibrary(parts.store, state.shards)) ids.add(id);
    const outcome = await reconcile(parts, writer, [...ids].sort(), purged);
    const { update_seq: seq } = await parts.replica.info();
    const shards = Object.fromEntries(parts.store.shardStamps());
    await parts.stateFile.write({ ...state, seq, shards, waiting: outcome.waiting, unsent: state.unsent + outcome.wroteToReplica });
    await parts.journal.clear();
    return outcome;
  });
}

async function currentState(parts: RoundParts): Promise<SyncState> {
  const state = await parts.stateFile.read();
  return state?.pairedWith === parts.server ? state : newSyncState(parts.server);
}

async function changedInReplica(replica: Database, since: number | string): Promise<Set<string>> {
  const { results } = await replica.changes({ since, style: 'all_docs' });
  return new Set(results.flatMap((change) => clipIdOfDoc(change.id) ?? []));
}

/** The clips of every shard written since it was last merged (by this process or another, or restored from a backup). */
async function changedInLibrary(store: ClipStore, merged: Readonly<Record<string, string>>): Promise<string[]> {
  const changed = [...store.shardStamps()].filter(([key, stamp]) => merged[key] !== stamp).map(([key]) => key);
  const records = await Promise.all(changed.map((key) => store.shardRecords(key)));
  return records.flat().map((record) => record.id);
}
