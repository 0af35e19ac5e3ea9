import { readFileSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './rng.js';
import type { WriterProcess } from './writer-process.js';

/**
 * When to SIGKILL a writer:
 *   startup  at a random moment between spawn and the library being open (imports, migrations, lock)
 *   write    a random few microseconds-to-milliseconds after its k-th acknowledged write, so mid-write
 *   lock     once library.lock names it as owner after its k-th write, so while it holds the lock
 *   lock-create  the moment library.lock appears, before the owner is written into it (rare: each
 *            leaves an unreadable lock that stalls the next writer ~5 s, see write-lock.ts)
 */
/** A writer still alive this long after its start is hung (waiting on a lock it never gets): end it. */
export const HANG_MS = 60_000;

export const KILL_POLICIES = ['startup', 'write', 'lock', 'lock-create'] as const;
export type KillPolicy = (typeof KILL_POLICIES)[number];

export interface KillPlan {
  policy: KillPolicy;
  /** Acknowledged writes to let through first. */
  afterAcks: number;
  /** For `startup`: ms after spawn; for `write`: ms after the k-th ack. */
  delayMs: number;
}

export function planKill(rng: Rng, imports: boolean, readyMs: number): KillPlan {
  const policy = rng.weighted({ startup: 2, write: 5, lock: 3, 'lock-create': 0.15 });
  const afterAcks = rng.int(0, imports ? 25 : 12);
  if (policy === 'startup') return { policy, afterAcks: 0, delayMs: rng.next() * readyMs * 1.2 };
  return { policy, afterAcks, delayMs: rng.chance(0.3) ? 0 : rng.next() * 8 };
}

/** Arms the kill; returns a disarm for a writer that ended on its own. */
export function armKill(writer: WriterProcess, plan: KillPlan, dir: string): () => void {
  const kill = () => writer.child.kill('SIGKILL');
  const timers: NodeJS.Timeout[] = [];
  let watcher: FSWatcher | undefined;
  const onCount = (count: number, fire: () => void) => {
    let acks = 0;
    if (count === 0) return fire();
    writer.onLine((line) => {
      if (line.t === 'ack' && ++acks === count) fire();
    });
  };
  if (plan.policy === 'startup') timers.push(setTimeout(kill, plan.delayMs));
  if (plan.policy === 'write') onCount(plan.afterAcks, () => void timers.push(setTimeout(kill, plan.delayMs)));
  if (plan.policy === 'lock' || plan.policy === 'lock-create') {
    const path = join(dir, 'library.lock');
    const held = plan.policy === 'lock' ? () => lockNamesOwner(path, writer.pid) : () => lockExists(path);
    onCount(plan.afterAcks, () => {
      watcher = watch(dir, (_event, name) => {
        if (name === 'library.lock' && held()) kill();
      });
    });
  }
  // A writer never runs to its end in a crash run; if it hangs (a lock it cannot get), end it anyway.
  timers.push(setTimeout(kill, HANG_MS));
  return () => {
    for (const timer of timers) clearTimeout(timer);
    watcher?.close();
  };
}

/** Whether library.lock names `pid`; spins briefly while it is empty, as the owner is written just after creation. */
export function lockNamesOwner(path: string, pid: number): boolean {
  const until = performance.now() + 20;
  while (performance.now() < until) {
    const text = readLock(path);
    if (text === null) return false;
    if (text !== '') return text.includes(`"pid":${pid},`);
  }
  return false;
}

function lockExists(path: string): boolean {
  return readLock(path) !== null;
}

function readLock(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * SIGKILLs `writer` at a moment library.lock names it, after `afterAcks` acknowledged writes. With other
 * writers taking the lock in turn a watch event comes too late, so this polls, yielding every 20 ms so
 * the writer's lines are still read. Resolves true when killed holding the lock, false on timeout.
 */
export async function killHoldingLock(writer: WriterProcess, dir: string, afterAcks: number, timeoutMs = 20_000): Promise<boolean> {
  const path = join(dir, 'library.lock');
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && writer.child.exitCode === null) {
    const acks = writer.lines.filter((line) => line.t === 'ack').length;
    const sliceEnd = performance.now() + 20;
    while (acks >= afterAcks && performance.now() < sliceEnd) {
      if (lockNamesOwner(path, writer.pid)) return writer.child.kill('SIGKILL');
    }
    await new Promise((next) => setImmediate(next));
  }
  writer.child.kill('SIGKILL');
  return false;
}
