import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { Library } from '../../electron/core/library.js';
import { collectAcks, overlapped, pendingAnnotations, pendingImports, pendingTags } from '../crash/acked.js';
import type { Acked } from '../crash/acked.js';
import { raceUrl } from '../crash/hammer-workload.js';
import { killHoldingLock } from '../crash/kill-policy.js';
import { closeLibrary } from '../crash/verify.js';
import { acksOf, startWriter, writerCommand } from '../crash/writer-process.js';
import type { WriterCommand, WriterProcess } from '../crash/writer-process.js';
import type { WriterConfig } from '../crash/protocol.js';
import { sampleText } from '../helpers/seed.js';
import { clipdesk } from '../helpers/run-cli.js';
import { tempDir, tempLibrary } from '../helpers/temp-library.js';

let command: WriterCommand;
before(async () => {
  command = await writerCommand();
});
after(() => command.dispose());

describe('several processes writing one library at once', () => {
  it('lose no tag, highlight or import when three writers hammer the same 20 clips', async (t) => {
    const { dir, ids, cleanup } = await librarySharing(20);
    const writers = ['a', 'b', 'c'].map((name, lane) =>
      startWriter(command, { mode: 'hammer', dir, name, lane, sharedIds: ids, rounds: 40 }),
    );
    stopAfter(t, writers, cleanup);
    await Promise.all(writers.map(finished));
    assert.ok(overlapped(writers), 'the three writers were writing at the same time');
    const acked = collectAcks(writers);
    assert.equal(acked.imports.size, 3 * 20);
    await assertNothingLost(dir, ids, acked);
  });

  it('keep writing when one of them is SIGKILLed while it holds library.lock, and lose nothing acknowledged', async (t) => {
    const { dir, ids, cleanup } = await librarySharing(20);
    t.after(cleanup);
    const forever = 1_000_000;
    const steady = ['a', 'b'].map((name, lane) =>
      startWriter(command, { mode: 'hammer', dir, name, lane, sharedIds: ids, rounds: forever }),
    );
    const victims: WriterProcess[] = [];
    const stalls: number[] = [];
    try {
      // Past their first import (extraction loads in seconds), so a stall after a kill is the lock's doing.
      await Promise.all(steady.map((writer) => untilLines(writer, (lines) => lines.filter((line) => line.t === 'ack').length >= 5)));
      for (let k = 0; k < 6; k++) {
        const victim = startWriter(command, {
          mode: 'hammer', dir, name: `victim${k}`, lane: 10 + k, sharedIds: ids, rounds: forever, imports: false,
        });
        victims.push(victim);
        const holding = await killHoldingLock(victim, dir, 1 + (k % 3), 60_000);
        await victim.exited;
        assert.ok(holding, `victim ${k} was killed while it held the lock (${victim.stderr()})`);
        stalls.push(await nextAckAfter(steady, performance.now()));
      }
    } finally {
      await stop(steady);
    }
    for (const writer of [...steady, ...victims]) assert.equal(writer.lines.find((line) => line.t === 'error'), undefined, writer.stderr());
    // A lock naming a dead pid is taken over at the next try; 5 s is when even an unreadable one would be.
    t.diagnostic(`6 writers killed holding the lock; the others' next write came after ${stalls.map(Math.round).join(', ')} ms`);
    assert.ok(Math.max(...stalls) < 5_000, `the others wrote again soon after each kill (waits: ${stalls.map(Math.round).join(', ')} ms)`);
    await assertNothingLost(dir, ids, collectAcks([...steady, ...victims]));
  });

  // Guards a fixed bug: a waiter that judged a lock stale unlinked it, and could so unlink the fresh lock
  // another waiter had just taken; both then wrote the shard (steno's shared temp file: rename ENOENT).
  it('take over a stale lock one at a time when three writers find it at the same moment', async (t) => {
    const { dir, ids, cleanup } = await librarySharing(1);
    const goDir = await tempDir(t, 'clipdesk-go-');
    const rounds = 25;
    const writers = await raceWriters(dir, goDir, rounds, ids[0]);
    stopAfter(t, writers, cleanup);
    const deadPid = await pidOfExitedProcess();
    for (let round = 0; round < rounds; round++) {
      // A lock left by a crashed writer: all three see it, decide it is stale, and take it over.
      await writeFile(join(dir, 'library.lock'), JSON.stringify({ pid: deadPid, host: hostname(), since: new Date().toISOString() }));
      await runRound(writers, goDir, round);
    }
    await Promise.all(writers.map(finished));
    const library = await Library.open(dir);
    const tags = (await library.get(ids[0] ?? '')).tags;
    await closeLibrary(library);
    const written = ['a', 'b', 'c'].flatMap((name) => Array.from({ length: rounds }, (_, r) => `${name}-${r}`));
    const lost = written.filter((tag) => !tags.includes(tag));
    assert.deepEqual(lost, [], 'no acknowledged tag was overwritten by a writer that shared the lock');
  });

  // Guards a fixed bug: the same-article check ran outside the write lock, so both imports created a clip.
  it('import the same page at the same moment as one clip, not as duplicates', async (t) => {
    const { dir, cleanup } = await librarySharing(1);
    const goDir = await tempDir(t, 'clipdesk-go-');
    const rounds = 10;
    const writers = await raceWriters(dir, goDir, rounds, undefined);
    stopAfter(t, writers, cleanup);
    for (let round = 0; round < rounds; round++) await runRound(writers, goDir, round);
    await Promise.all(writers.map(finished));
    const library = await Library.open(dir);
    const clips = library.list({ limit: 1000 }).clips;
    await closeLibrary(library);
    const copies = Array.from({ length: rounds }, (_, round) => clips.filter((clip) => clip.url === raceUrl(round)).length);
    assert.deepEqual(copies, Array.from({ length: rounds }, () => 1), 'one clip per page');
    const created = writers.flatMap((writer) => acksOf(writer)).filter((ack) => ack.result.outcome === 'created').length;
    assert.equal(created, rounds, 'one writer per round was told "created", the others "unchanged"');
  });

  it('see each other\'s writes from a long-running process: list, search, get and edit', async (t) => {
    const { dir, ids, cleanup } = await librarySharing(2);
    const library = await Library.open(dir);
    t.after(async () => {
      await closeLibrary(library);
      await cleanup();
    });
    // Warm every cache the long-running process might have.
    await library.get(ids[0] ?? '');
    await library.search('shared');
    const other = startWriter(command, { mode: 'hammer', dir, name: 'other', lane: 5, sharedIds: ids, rounds: 1 });
    await finished(other);
    const [[word, importedId] = ['', '']] = collectAcks([other]).imports;
    const shared = await library.get(ids[0] ?? '');
    assert.ok(shared.tags.includes('other-0'), 'a tag the other process added');
    assert.equal(shared.annotations.length, 1, 'a highlight the other process added');
    assert.equal(library.list().total, 3, 'a clip the other process imported is listed');
    assert.deepEqual((await library.search(word)).hits.map((hit) => hit.clip.id), [importedId], 'and found');
    await library.addTags(importedId, ['seen-here']);
    assert.deepEqual((await library.get(importedId)).tags, ['seen-here'], 'and can be edited here');
  });
});

describe('a second Clipdesk process while another holds the write lock', () => {
  it('waits for the lock, then writes', async (t) => {
    const { dir, ids, cleanup } = await librarySharing(1);
    const goDir = await tempDir(t, 'clipdesk-go-');
    // An app instance with the library open, about to tag a clip when told to.
    const [waiting] = await raceWriters(dir, goDir, 1, ids[0], ['second']);
    assert.ok(waiting);
    const holder = await holdLock(dir);
    t.after(() => holder.kill('SIGKILL'));
    stopAfter(t, [waiting], cleanup);
    const heldMs = 2_000;
    const released = sleep(heldMs).then(() => unlink(join(dir, 'library.lock')));
    const told = performance.now();
    await runRound([waiting], goDir, 0);
    await released;
    assert.ok(performance.now() - told >= heldMs, 'the tag was written only after the lock was released');
    await finished(waiting);
    const library = await Library.open(dir);
    assert.deepEqual((await library.get(ids[0] ?? '')).tags, ['second-0']);
    await closeLibrary(library);
  });

  it('gives up from the command line with a clear message, writing nothing, when the lock stays held', async (t) => {
    const { dir, ids, cleanup } = await librarySharing(1);
    t.after(cleanup);
    const holder = await holdLock(dir);
    try {
      const run = await clipdesk(dir, ['tag', ids[0] ?? '', '+never']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^clipdesk: another Clipdesk process is writing to this library .*try again/m);
    } finally {
      holder.kill('SIGKILL');
    }
    const library = await Library.open(dir);
    assert.deepEqual((await library.get(ids[0] ?? '')).tags, []);
    await closeLibrary(library);
  });
});

/** A fresh library with `count` clips, closed again, so only child processes hold it open. */
async function librarySharing(count: number): Promise<{ dir: string; ids: string[]; cleanup: () => Promise<void> }> {
  const { dir, library, cleanup } = await tempLibrary();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await library.import({ kind: 'text', text: sampleText(i, 'shared') })).clip.id);
  await closeLibrary(library);
  return { dir, ids, cleanup };
}

async function finished(writer: WriterProcess): Promise<void> {
  const { code, signal } = await writer.exited;
  const error = writer.lines.find((line) => line.t === 'error');
  assert.equal(code, 0, `writer ended with ${signal ?? code}: ${error ? JSON.stringify(error) : writer.stderr()}`);
}

/**
 * Every acknowledged tag, highlight and import is in the reopened library; nothing is there that no
 * writer wrote (an op begun by a killed writer may or may not have landed); search finds the imports.
 */
async function assertNothingLost(dir: string, sharedIds: readonly string[], acked: Acked): Promise<void> {
  const library = await Library.open(dir);
  try {
    for (const id of sharedIds) {
      const clip = await library.get(id);
      const tags = acked.tags.get(id) ?? new Set<string>();
      const mayHave = new Set([...tags, ...pendingTags(acked, id)]);
      assert.deepEqual([...tags].filter((tag) => !clip.tags.includes(tag)), [], `acknowledged tags of clip ${id} are all there`);
      assert.deepEqual(clip.tags.filter((tag) => !mayHave.has(tag)), [], `clip ${id} has no tag nobody wrote`);
      const highlights = new Set(clip.annotations.map((annotation) => annotation.id));
      const wanted = acked.annotations.get(id) ?? new Set<string>();
      const missing = [...wanted].filter((annotation) => !highlights.has(annotation));
      assert.deepEqual(missing, [], `acknowledged highlights of clip ${id} are all there`);
      assert.ok(highlights.size <= wanted.size + pendingAnnotations(acked, id), `clip ${id} has no highlight nobody wrote`);
    }
    const total = library.list({ limit: 1 }).total;
    const least = sharedIds.length + acked.imports.size;
    assert.ok(total >= least && total <= least + pendingImports(acked), `${total} clips listed, ${least} acknowledged`);
    for (const [word, id] of acked.imports) {
      assert.deepEqual((await library.search(word)).hits.map((hit) => hit.clip.id), [id], `search finds the import marked ${word}`);
    }
  } finally {
    await closeLibrary(library);
  }
}

/** Ends writers still running after a failed assertion, so the test run does not hang on them. */
async function stop(writers: readonly WriterProcess[]): Promise<void> {
  for (const writer of writers) writer.child.kill('SIGKILL');
  await Promise.all(writers.map((writer) => writer.exited));
}

/** When the test ends: stops `writers`, then removes their library (not before: they could still be writing to it). */
function stopAfter(t: TestContext, writers: readonly WriterProcess[], cleanup: () => Promise<void>): void {
  t.after(async () => {
    await stop(writers);
    await cleanup();
  });
}

/** How long after `from` until any of the writers acknowledged a write (capped at 30 s). */
async function nextAckAfter(writers: readonly WriterProcess[], from: number): Promise<number> {
  const acked = () => writers.some((writer) => writer.arrivals.some((at, i) => at > from && writer.lines[i]?.t === 'ack'));
  while (!acked() && performance.now() - from < 30_000) await sleep(2);
  return performance.now() - from;
}

/** Writers waiting for go files; resolves once all have the library open. */
async function raceWriters(
  dir: string,
  goDir: string,
  rounds: number,
  clipId: string | undefined,
  names = ['a', 'b', 'c'],
): Promise<WriterProcess[]> {
  const writers = names.map((name) => startWriter(command, { mode: 'race', dir, name, clipId, rounds, goDir } satisfies WriterConfig));
  try {
    await Promise.all(writers.map((writer) => untilLines(writer, (lines) => lines.some((line) => line.t === 'ready'))));
  } catch (error) {
    await stop(writers);
    throw error;
  }
  return writers;
}

/** Lets every writer go at once and waits until each has acknowledged its write of the round. */
async function runRound(writers: readonly WriterProcess[], goDir: string, round: number): Promise<void> {
  await writeFile(join(goDir, `go-${round}`), '');
  await Promise.all(writers.map((writer) => untilLines(writer, (lines) => lines.filter((line) => line.t === 'ack').length > round)));
}

async function untilLines(writer: WriterProcess, done: (lines: WriterProcess['lines']) => boolean): Promise<void> {
  while (!done(writer.lines)) {
    if (writer.child.exitCode !== null) await finished(writer);
    await sleep(2);
  }
}

/** A pid no process has any more (exited and reaped). */
async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((exited) => child.on('exit', exited));
  return child.pid ?? 999_999;
}

/** A live process that owns library.lock, as a Clipdesk process in the middle of a long write would. */
async function holdLock(dir: string): Promise<ReturnType<typeof spawn>> {
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  await writeFile(join(dir, 'library.lock'), JSON.stringify({ pid: holder.pid, host: hostname(), since: new Date().toISOString() }));
  return holder;
}

