import type { Clip } from '../../electron/api.js';
import { markersIn } from './articles.js';
import type { Op, OpResult } from './protocol.js';

/** The part of a clip the crash test checks: everything a write in the workload can change. */
export interface ClipState {
  id: string;
  title: string;
  tags: string[];
  note: string;
  starred: boolean;
  deleted: boolean;
  revisions: number;
  /** Highlight id -> its note. */
  annotations: Record<string, string>;
}

/** Clip id -> state: what the library must hold, or what it was found to hold. */
export type LibraryState = Map<string, ClipState>;

export function stateOf(clip: Clip): ClipState {
  return {
    id: clip.id, title: clip.title, tags: clip.tags, note: clip.note, starred: clip.starred,
    deleted: clip.deletedAt !== null, revisions: clip.revisions,
    annotations: Object.fromEntries(clip.annotations.map((a) => [a.id, a.note])),
  };
}

/** The expected library after an acknowledged operation; throws when the op names a clip it does not know. */
export function applyOp(state: LibraryState, op: Op, result: OpResult): LibraryState {
  const next = new Map(state);
  if (op.kind === 'emptyTrash') {
    for (const [id, clip] of next) if (clip.deleted) next.delete(id);
    return next;
  }
  if (op.kind === 'import') return applyImport(next, result);
  const clip = next.get(op.id);
  if (!clip) throw new Error(`${op.kind} acknowledged on clip ${op.id}, which the model does not hold`);
  next.set(op.id, editClip(clip, op, result));
  return next;
}

function applyImport(state: LibraryState, result: OpResult): LibraryState {
  const { id, outcome, title = '' } = result;
  if (!id || !outcome) throw new Error('an import was acknowledged without its clip');
  const before = state.get(id);
  if (outcome === 'created' || !before) {
    state.set(id, { id, title, tags: [], note: '', starred: false, deleted: false, revisions: 0, annotations: {} });
  } else if (outcome === 'updated') {
    state.set(id, { ...before, title, deleted: false, revisions: before.revisions + 1 });
  } else {
    state.set(id, { ...before, deleted: false });
  }
  return state;
}

function editClip(clip: ClipState, op: Exclude<Op, { kind: 'import' | 'emptyTrash' }>, result: OpResult): ClipState {
  switch (op.kind) {
    case 'addTags': return { ...clip, tags: withTags(clip.tags, op.tags) };
    case 'removeTags': return { ...clip, tags: clip.tags.filter((tag) => !op.tags.some((gone) => sameTag(gone, tag))) };
    case 'annotate': return { ...clip, annotations: { ...clip.annotations, [result.annotationId ?? '?']: op.note } };
    case 'deleteAnnotation': {
      const annotations = { ...clip.annotations };
      delete annotations[op.annotationId];
      return { ...clip, annotations };
    }
    case 'note': return { ...clip, note: op.note };
    case 'star': return { ...clip, starred: op.starred };
    case 'trash': return { ...clip, deleted: true };
    case 'restore': return { ...clip, deleted: false };
  }
}

/** Tags are case-insensitive and keep their first spelling (electron/core/tags.ts promises this). */
function sameTag(a: string, b: string): boolean {
  return a.normalize('NFKC').trim().toLocaleLowerCase() === b.normalize('NFKC').trim().toLocaleLowerCase();
}

function withTags(tags: readonly string[], added: readonly string[]): string[] {
  const result = [...tags];
  for (const name of added) if (!result.some((tag) => sameTag(tag, name))) result.push(name);
  return result;
}

/** Every difference between what must be and what is, one line each; empty when they agree. */
export function differences(expected: LibraryState, found: LibraryState): string[] {
  const problems: string[] = [];
  for (const [id, want] of expected) {
    const have = found.get(id);
    if (!have) problems.push(`clip ${id} "${want.title}" is missing`);
    else problems.push(...fieldDifferences(want, have));
  }
  for (const id of found.keys()) if (!expected.has(id)) problems.push(`clip ${id} "${found.get(id)?.title}" was never acknowledged`);
  return problems;
}

function fieldDifferences(want: ClipState, have: ClipState): string[] {
  const fields = ['title', 'tags', 'note', 'starred', 'deleted', 'revisions', 'annotations'] as const;
  return fields
    .filter((field) => canonical(want[field]) !== canonical(have[field]))
    .map((field) => `clip ${want.id} ${field}: expected ${canonical(want[field])}, found ${canonical(have[field])}`);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (value && typeof value === 'object') return JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(value);
}

/** The marker words a search must find this clip by: its title (and text), note, tags, highlight notes. */
export function findableMarkers(clip: ClipState): string[] {
  return markersIn([clip.title, clip.note, ...clip.tags, ...Object.values(clip.annotations)].join(' '));
}
