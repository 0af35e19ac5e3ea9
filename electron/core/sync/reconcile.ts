import type PouchDB from 'pouchdb-core';
import { keptPictures } from '../../shared/content-pictures.js';
import type { PictureExtension } from '../../shared/picture-names.js';
import { pictureMediaType } from '../../shared/picture-names.js';
import { decodeBody } from '../store/body-codec.js';
import { contentHashesOf } from '../store/clip-texts.js';
import type { ClipStore, CommitObserver, StoreWriter } from '../store/clip-store.js';
import type { ClipRecord } from '../store/schema.js';
import type { PictureStore } from '../pictures/picture-store.js';
import { mapBounded } from '../map-bounded.js';
import { canonicalJson } from './canonical-json.js';
import { hasUnseenEdits, mergeRecords, withLostHighlights } from './merge-records.js';
import { ReplicaClips } from './replica-clips.js';
import type { Leaf, ReplicaClip } from './replica-clips.js';
import { BODY_ATTACHMENT, annotationDocId, bodyDocId, clipDocId, clipFieldsOf, pictureDocId, recordOfDocs } from './sync-docs.js';
import type { ClipFields } from './sync-docs.js';

type Doc = PouchDB.Doc;

/**
 * Brings the library and the sync replica in step for some clips, under the library's write lock:
 * for each, this machine's record and every copy the replica holds (conflicts included) merge into
 * one (merge-records.ts), which is written to both sides where it differs. Changes from elsewhere so
 * land in the library as ordinary commits (the catalog and backups follow), and this machine's
 * changes reach the replica, for replication to send. Each clip's texts and pictures are in place
 * before its record names them; a clip whose text has not arrived yet waits for a later round.
 */
export interface ReconcileParts {
  store: ClipStore;
  pictures: PictureStore;
  clips: ReplicaClips;
  /** Keeps the catalog in step with the commits (see ClipStore.commit). */
  mirror: CommitObserver;
}

export interface ReconcileOutcome {
  /** Clips written to the library (changed, added or deleted by what came in). */
  changedLocally: number;
  /** Documents written to the replica (to be sent). */
  wroteToReplica: number;
  /** Clips whose text has not arrived yet: merged again in a later round. */
  waiting: string[];
}

/** What to do for one clip. */
interface Plan {
  id: string;
  /** The record to commit, `null` to delete the clip here for good, `undefined` to leave the library as is. */
  record?: ClipRecord | null;
  /** Bodies and pictures to store here before the record names them. */
  bodies: Array<{ contentHash: string; bytes: Uint8Array }>;
  pictures: Array<{ name: string; bytes: Uint8Array }>;
  docs: Doc[];
  waiting: boolean;
}

const CLIPS_A_BATCH = 100;
const CLIPS_AT_ONCE = 8;

export async function reconcile(
  parts: ReconcileParts,
  writer: StoreWriter,
  ids: readonly string[],
  purgedHere: ReadonlySet<string>,
): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { changedLocally: 0, wroteToReplica: 0, waiting: [] };
  for (let at = 0; at < ids.length; at += CLIPS_A_BATCH) {
    const plans = await mapBounded(ids.slice(at, at + CLIPS_A_BATCH), CLIPS_AT_ONCE, (id) => planClip(parts, id, purgedHere.has(id)));
    await applyHere(parts, writer, plans);
    const docs = onceEach(plans.flatMap((plan) => plan.docs));
    await parts.clips.write(docs);
    outcome.changedLocally += plans.filter((plan) => plan.record !== undefined).length;
    outcome.wroteToReplica += docs.length;
    outcome.waiting.push(...plans.filter((plan) => plan.waiting).map((plan) => plan.id));
  }
  return outcome;
}

/** A picture several clips of a batch show is one new document, written once. */
function onceEach(docs: readonly Doc[]): Doc[] {
  const fresh = new Set<string>();
  return docs.filter((doc) => {
    if (doc._rev !== undefined) return true;
    if (fresh.has(doc._id)) return false;
    fresh.add(doc._id);
    return true;
  });
}

async function planClip(parts: ReconcileParts, id: string, purgedHere: boolean): Promise<Plan> {
  const plan: Plan = { id, bodies: [], pictures: [], docs: [], waiting: false };
  const local = await parts.store.get(id);
  const remote = await parts.clips.read(id);
  const live = remote.clipLeaves.filter((leaf) => !leaf.deleted && leaf.value);
  if (!local) {
    if (purgedHere) plan.docs = await deletionDocs(parts.clips, id, remote);
    else if (live.length > 0) await planMerge(parts, plan, undefined, remote);
    return plan;
  }
  const tombstone = remote.clipLeaves.find((leaf) => leaf.deleted);
  if (live.length === 0 && tombstone && !keepsAfterDeletion(local, tombstone)) {
    plan.record = null;
    return plan;
  }
  await planMerge(parts, plan, local, remote);
  return plan;
}

/**
 * Deleted for good elsewhere: the clip goes here too, unless it was changed here in a way the
 * machine that deleted it had not seen (edit versus delete: the edit wins, and the clip comes back).
 */
function keepsAfterDeletion(local: ClipRecord, tombstone: Leaf<ClipFields>): boolean {
  const last = tombstone.value;
  if (!last) return local.deletedAt === null;
  return hasUnseenEdits(local, last.stamps);
}

async function planMerge(parts: ReconcileParts, plan: Plan, local: ClipRecord | undefined, remote: ReplicaClip): Promise<void> {
  const annotations = [...remote.annotations.values()].map(({ value }) => value);
  const copies = remote.clipLeaves.flatMap((leaf) => (leaf.value && !leaf.deleted ? [recordOfDocs(leaf.value, annotations)] : []));
  const merged = withLostHighlights(mergeRecords(local ? [local, ...copies] : copies), [...remote.annotations.values()]);
  for (const contentHash of contentHashesOf(merged)) {
    const docId = bodyDocId(plan.id, contentHash);
    const here = await parts.store.texts.bodyBytes(plan.id, contentHash);
    const there = here ? null : await parts.clips.attachment(docId, BODY_ATTACHMENT);
    if (here && !(await parts.clips.has(docId))) plan.docs.push(bodyDoc(parts.clips, plan.id, contentHash, here));
    if (there) plan.bodies.push({ contentHash, bytes: there });
    plan.waiting ||= !here && !there;
  }
  if (plan.waiting) {
    plan.docs = [];
    plan.bodies = [];
    return;
  }
  await planPictures(parts, plan, merged);
  if (!local || canonicalJson({ ...merged, updatedAt: '' }) !== canonicalJson({ ...local, updatedAt: '' })) plan.record = merged;
  plan.docs.push(...clipDocs(parts.clips, merged, remote));
}

/** The clip's current text's pictures, each sent or fetched where one side lacks it; one missing on both is shown by address. */
async function planPictures(parts: ReconcileParts, plan: Plan, record: ClipRecord): Promise<void> {
  const arriving = plan.bodies.find((body) => body.contentHash === record.contentHash);
  const bytes = arriving?.bytes ?? (await parts.store.texts.bodyBytes(record.id, record.contentHash));
  if (!bytes) return;
  for (const name of keptPictures(decodeBody(record.id, bytes).content)) {
    const here = await parts.pictures.get(name);
    const there = await parts.clips.has(pictureDocId(name));
    if (here && !there) plan.docs.push(pictureDoc(parts.clips, name, here));
    if (here || !there) continue;
    const fetched = await parts.clips.attachment(pictureDocId(name), name);
    if (fetched) plan.pictures.push({ name, bytes: fetched });
  }
}

/** The clip document and highlight documents that make the replica hold `record`, conflicts resolved. */
function clipDocs(replica: ReplicaClips, record: ClipRecord, remote: ReplicaClip): Doc[] {
  const fields = clipFieldsOf(record);
  const live = remote.clipLeaves.filter((leaf) => !leaf.deleted);
  const clipHeld = live.length > 0 && live.every((leaf) => canonicalJson(leaf.value) === canonicalJson(fields));
  const docs = replica.resolve(clipDocId(record.id), clipHeld ? live : remote.clipLeaves, ReplicaClips.clipDoc(fields), clipHeld);
  const kept = new Set(record.annotations.map((annotation) => annotation.id));
  for (const annotation of record.annotations) {
    const there = remote.annotations.get(annotation.id);
    const leaves = (there?.revs ?? []).map((rev) => ({ rev, deleted: false, value: null }));
    // Every leaf a valid copy holding it already (a leaf that is not a highlight is written over, never kept).
    const copies = there ? [there.value, ...there.losers] : [];
    const held = copies.length === leaves.length && copies.every((copy) => canonicalJson(copy) === canonicalJson(annotation));
    docs.push(...replica.resolve(annotationDocId(record.id, annotation.id), leaves, ReplicaClips.annotationDoc(annotation), held));
  }
  for (const [annotationId, { revs }] of remote.annotations) {
    if (kept.has(annotationId)) continue;
    const leaves = revs.map((rev) => ({ rev, deleted: false, value: null }));
    docs.push(...replica.resolve(annotationDocId(record.id, annotationId), leaves, null));
  }
  return docs;
}

/**
 * Deleted here for good: its documents go from the replica, texts included (pictures may be other
 * clips'). Should another machine have changed it meanwhile, that machine sends the texts again.
 */
async function deletionDocs(replica: ReplicaClips, id: string, remote: ReplicaClip): Promise<Doc[]> {
  const last = remote.clipLeaves.find((leaf) => !leaf.deleted && leaf.value)?.value;
  // The deletion keeps the stamps it saw, so a machine that changed the clip meanwhile can tell (keepsAfterDeletion).
  const docs = remote.clipLeaves.filter((leaf) => !leaf.deleted).map((leaf) => ({
    ...replica.fresh({ _id: clipDocId(id), type: 'clip', ...(last ? { clip: last } : {}) }),
    _rev: leaf.rev,
    _deleted: true,
  }));
  for (const [annotationId, { revs }] of remote.annotations) {
    docs.push(...revs.map((rev) => ({ _id: annotationDocId(id, annotationId), _rev: rev, _deleted: true })));
  }
  const bodies = last ? contentHashesOf(last).map((hash) => bodyDocId(id, hash)) : [];
  for (const [bodyId, rev] of await replica.liveRevs(bodies)) docs.push({ _id: bodyId, _rev: rev, _deleted: true });
  return docs;
}

function bodyDoc(replica: ReplicaClips, id: string, contentHash: string, bytes: Uint8Array): Doc {
  return replica.fresh({
    _id: bodyDocId(id, contentHash),
    type: 'body',
    _attachments: { [BODY_ATTACHMENT]: { content_type: 'application/gzip', data: Buffer.from(bytes) } },
  });
}

function pictureDoc(replica: ReplicaClips, name: string, bytes: Uint8Array): Doc {
  return replica.fresh({
    _id: pictureDocId(name),
    type: 'picture',
    _attachments: { [name]: { content_type: pictureMediaType(name) ?? 'application/octet-stream', data: Buffer.from(bytes) } },
  });
}

/** Texts and pictures first, then one commit for the batch, then the texts of clips deleted for good. */
async function applyHere(parts: ReconcileParts, writer: StoreWriter, plans: readonly Plan[]): Promise<void> {
  for (const plan of plans) {
    for (const { contentHash, bytes } of plan.bodies) await parts.store.texts.writeBodyBytes(plan.id, contentHash, bytes);
    for (const { name, bytes } of plan.pictures) {
      const stored = await parts.pictures.put(bytes, name.slice(name.lastIndexOf('.') + 1) as PictureExtension);
      if (stored !== name) throw new Error(`the picture received as ${name} has other bytes`);
    }
  }
  const changes = new Map(plans.filter((plan) => plan.record !== undefined).map((plan) => [plan.id, plan.record ?? undefined]));
  if (changes.size === 0) return;
  const gone = await Promise.all([...changes].filter(([, record]) => !record).map(([id]) => parts.store.get(id)));
  await writer.commit([...changes.keys()], (_fresh, id) => changes.get(id), parts.mirror);
  for (const record of gone) if (record) await parts.store.texts.deleteBodies(record);
}
