import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Library } from '../../electron/core/library.js';
import { processExists } from '../../electron/core/store/owner-file.js';
import { markersIn } from './articles.js';
import { applyOp, differences, findableMarkers, stateOf } from './model.js';
import type { LibraryState } from './model.js';
import type { Op } from './protocol.js';

/** What one reopen-and-check of a library found. */
export interface Verdict {
  problems: string[];
  /** The library as it now is (equal to the expected state, give or take the unacknowledged op). */
  state: LibraryState;
  /** Whether the op the writer began but never acknowledged turned out to have landed. */
  pendingLanded: boolean | null;
  lock: LockLeft;
  openMs: number;
  verifyMs: number;
  tempFiles: number;
  searches: number;
  /** Clips whose search/list entry reopening had to bring up to date (0 when the library has no such report). */
  catalogRepaired: number;
}

/** The lock file a killed writer left: none, one naming a dead pid, or an empty one (killed mid-create). */
export type LockLeft = 'none' | 'dead-pid' | 'live-pid' | 'empty';

/**
 * Reopens the library as a fresh process would and checks it against what the writer acknowledged:
 * it opens; each clip's record and body agree; the clips are exactly the expected ones (the one
 * unacknowledged op may or may not have landed, atomically); and the search index agrees with the store.
 * `markers` holds every marker word ever written, so words that should be gone are searched too.
 */
export async function verifyLibrary(
  dir: string,
  expected: LibraryState,
  pending: Op | undefined,
  markers: ReadonlySet<string>,
): Promise<Verdict> {
  const lock = await lockLeft(dir);
  const started = performance.now();
  const library = await Library.open(dir);
  const openMs = performance.now() - started;
  try {
    const { state, problems, quoted } = await readState(library);
    const resolved = resolvePending(expected, pending, state);
    problems.push(...resolved.problems);
    const search = await checkSearch(library, state, markers, quoted);
    problems.push(...search.problems);
    // Writes land by rename, so a kill never damages a file: any recovery on reopen is a bug.
    problems.push(...noticesOf(library).map((notice) => `reopening reported: ${notice}`));
    const tempFiles = await countTempFiles(dir);
    const catalogRepaired = (library as { opened?: { catalogRepaired?: number } }).opened?.catalogRepaired ?? 0;
    const verifyMs = performance.now() - started;
    return { problems, state, pendingLanded: resolved.landed, lock, openMs, verifyMs, tempFiles, searches: search.count, catalogRepaired };
  } finally {
    await closeLibrary(library);
  }
}

/**
 * Every clip, trashed ones too, with a check that its body is there and is the text its record names;
 * and the marker words the highlights of live clips quote, by clip (see checkSearch).
 */
async function readState(library: Library): Promise<{ state: LibraryState; problems: string[]; quoted: Map<string, string> }> {
  const state: LibraryState = new Map();
  const problems: string[] = [];
  const quoted = new Map<string, string>();
  const summaries = [...library.list({ limit: 100_000 }).clips, ...library.list({ trashed: true, limit: 100_000 }).clips];
  for (const summary of summaries) {
    try {
      const clip = await library.get(summary.id);
      state.set(clip.id, stateOf(clip));
      if (clip.deletedAt === null) {
        for (const { target } of clip.annotations) for (const word of markersIn(target.selector[0].exact)) quoted.set(word, clip.id);
      }
      const marker = markersIn(clip.title)[0];
      if (marker && !clip.text.includes(marker)) problems.push(`clip ${clip.id}: its body is not the text of its record "${clip.title}"`);
    } catch (error) {
      problems.push(`clip ${summary.id} cannot be read: ${(error as Error).message}`);
    }
  }
  return { state, problems, quoted };
}

/** Matches the library against the expected state without, then with, the unacknowledged op. */
function resolvePending(
  expected: LibraryState,
  pending: Op | undefined,
  found: LibraryState,
): { problems: string[]; landed: boolean | null } {
  const without = differences(expected, found);
  if (without.length === 0) return { problems: [], landed: pending ? false : null };
  const landed = pending ? landedState(expected, pending, found) : undefined;
  if (landed && differences(landed, found).length === 0) return { problems: [], landed: true };
  return { problems: without, landed: null };
}

/** The expected state had `op` landed, with what only the library knows (new ids) read from it. */
function landedState(expected: LibraryState, op: Op, found: LibraryState): LibraryState | undefined {
  switch (op.kind) {
    case 'import': {
      const clip = [...found.values()].find((c) => markersIn(c.title).includes(op.word));
      if (!clip) return undefined;
      const before = expected.get(clip.id);
      const outcome = !before ? 'created' : markersIn(before.title).includes(op.word) ? 'unchanged' : 'updated';
      return applyOp(expected, op, { id: clip.id, outcome, title: clip.title });
    }
    case 'annotate': {
      const known = expected.get(op.id)?.annotations ?? {};
      const added = Object.keys(found.get(op.id)?.annotations ?? {}).filter((id) => !(id in known));
      return added.length === 1 ? applyOp(expected, op, { annotationId: added[0] }) : undefined;
    }
    case 'emptyTrash': {
      // Trashed clips go shard by shard, so a kill may leave some of them: each either stays or goes.
      const next = new Map(expected);
      for (const [id, clip] of expected) if (clip.deleted && !found.has(id)) next.delete(id);
      return next;
    }
    default: return applyOp(expected, op, {});
  }
}

/**
 * The index agrees with the store: every live clip is found by each of its marker words, and by
 * nothing else; a marker of a trashed clip, a replaced text or a removed tag or note finds nothing;
 * a word in every article finds exactly the live clips; list() counts them too. Highlights are
 * searched by the words they quote, which an orphaned highlight keeps after its clip's text was
 * replaced: such a word (`quoted`) finds the clip that quotes it.
 */
async function checkSearch(
  library: Library,
  state: LibraryState,
  markers: ReadonlySet<string>,
  quoted: ReadonlyMap<string, string>,
): Promise<{ problems: string[]; count: number }> {
  const problems: string[] = [];
  const live = [...state.values()].filter((clip) => !clip.deleted);
  const marked = live.flatMap((clip) => findableMarkers(clip).map((word) => [word, clip.id] as const));
  const findable = new Map([...quoted, ...marked]);
  let count = 0;
  const search = (query: string) => (count++, library.search(query, { limit: 5 }));
  for (const [word, id] of findable) {
    const found = await search(word);
    if (found.total !== 1 || found.hits[0]?.clip.id !== id) {
      const foundIds = found.hits.map((h) => h.clip.id).join(', ') || 'nothing';
      problems.push(`search "${word}" should find clip ${id} alone, found ${foundIds}`);
    }
  }
  for (const word of markers) {
    if (findable.has(word)) continue;
    const found = await search(word);
    if (found.total !== 0) {
      const foundIds = found.hits.map((h) => h.clip.id).join(', ');
      problems.push(`search "${word}" should find nothing (trashed or replaced), found ${foundIds}`);
    }
  }
  const everyArticle = (await search('crashcorpus')).total;
  if (everyArticle !== live.length) {
    problems.push(`search "crashcorpus" found ${everyArticle} clips, the store has ${live.length} live ones`);
  }
  const listed = library.list({ limit: 1 }).total;
  if (listed !== live.length) problems.push(`list() counts ${listed} clips, the store has ${live.length} live ones`);
  return { problems, count };
}

async function lockLeft(dir: string): Promise<LockLeft> {
  const text = await readFile(join(dir, 'library.lock'), 'utf8').catch(() => null);
  if (text === null) return 'none';
  const pid = parsePid(text);
  if (pid === undefined) return 'empty';
  return processExists(pid) ? 'live-pid' : 'dead-pid';
}

function parsePid(text: string): number | undefined {
  try {
    const { pid } = JSON.parse(text) as { pid?: unknown };
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined; // created, then killed before its owner was written into it
  }
}

/** Temp files a killed atomic write leaves beside its target (steno's `.<name>.tmp`), anywhere in the library. */
async function countTempFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((path) => /(^|\/)\.[^/]+\.tmp$/.test(path)).length;
}

/** The facade's health notices (damaged files recovered, clips lost), where it has notices(). */
function noticesOf(library: Library): string[] {
  return (library as { notices?: () => string[] }).notices?.() ?? [];
}

/** Closes a library where the facade has close() (it holds the SQLite catalog open). */
export async function closeLibrary(library: Library): Promise<void> {
  await (library as { close?: () => unknown }).close?.();
}
