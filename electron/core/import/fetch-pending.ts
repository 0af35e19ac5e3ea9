/**
 * Works through the clips whose articles are still to be fetched (imports of addresses alone): a few
 * at once, never two at once from the same site and never faster than one request a site every
 * `perHostIntervalMs`, until none is due or `signal` stops it. Each attempt's outcome is written to the
 * clip itself (the queue lives in the library), so a run stopped by a crash or a pause resumes where it was.
 */

/** What the queue needs of the library. */
export interface PendingWork {
  /** Pending clips due now, the longest waiting first. */
  due(now: string, limit: number): string[];
  /** The site a pending clip's address is on; null when the clip is gone or no longer pending. */
  hostOf(id: string): Promise<string | null>;
  /** One attempt at a clip's article; its outcome is kept with the clip. */
  attempt(id: string): Promise<'fetched' | 'failed' | 'gone'>;
}

export interface FetchRun {
  fetched: number;
  failed: number;
}

export interface FetchPendingOptions {
  concurrency?: number;
  perHostIntervalMs?: number;
  signal?: AbortSignal;
  onProgress?: (run: FetchRun) => void;
}

/** A few pages at once: as a browser would open them, and gentle on a laptop's connection. */
const DEFAULT_CONCURRENCY = 4;
/** One request a second to each site: an import of a thousand links from one blog must not look like an attack on it. */
const DEFAULT_PER_HOST_INTERVAL_MS = 1000;
/** Clips looked up from the queue at a time. */
const LOOKUP = 200;

export async function fetchPending(work: PendingWork, options: FetchPendingOptions = {}): Promise<FetchRun> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const interval = options.perHostIntervalMs ?? DEFAULT_PER_HOST_INTERVAL_MS;
  const run: FetchRun = { fetched: 0, failed: 0 };
  const tried = new Set<string>();
  const hostFreeAt = new Map<string, number>();
  const busyHosts = new Set<string>();
  const active = new Set<Promise<void>>();
  let waiting: Array<{ id: string; host: string }> = [];

  const refill = async () => {
    const ids = work.due(new Date().toISOString(), LOOKUP).filter((id) => !tried.has(id));
    for (const id of ids) tried.add(id);
    const hosts = await Promise.all(ids.map(async (id) => ({ id, host: await work.hostOf(id) })));
    waiting.push(...hosts.filter((item): item is { id: string; host: string } => item.host !== null));
  };
  const start = (item: { id: string; host: string }) => {
    busyHosts.add(item.host);
    const task = work.attempt(item.id).then((outcome) => {
      if (outcome !== 'gone') run[outcome]++;
      options.onProgress?.({ ...run });
    }).finally(() => {
      busyHosts.delete(item.host);
      hostFreeAt.set(item.host, Date.now() + interval);
      active.delete(task);
    });
    active.add(task);
  };

  await refill();
  while (!options.signal?.aborted && (waiting.length > 0 || active.size > 0)) {
    const now = Date.now();
    const ready = active.size < concurrency
      ? waiting.find(({ host }) => !busyHosts.has(host) && (hostFreeAt.get(host) ?? 0) <= now)
      : undefined;
    if (ready) {
      waiting = waiting.filter((item) => item !== ready);
      start(ready);
      if (waiting.length === 0) await refill();
      continue;
    }
    await Promise.race([...active, sleep(nextFreeIn(waiting, hostFreeAt, busyHosts, now), options.signal)]);
    if (waiting.length === 0 && active.size === 0) await refill();
  }
  await Promise.all(active);
  return run;
}

/** How long until a waiting clip's site is free again (a short nap when only busy sites remain). */
function nextFreeIn(
  waiting: ReadonlyArray<{ host: string }>,
  freeAt: ReadonlyMap<string, number>,
  busy: ReadonlySet<string>,
  now: number,
): number {
  const times = waiting.filter(({ host }) => !busy.has(host)).map(({ host }) => (freeAt.get(host) ?? now) - now);
  return Math.max(10, Math.min(1000, ...times));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}
