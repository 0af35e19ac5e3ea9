/**
 * Two real libraries ("laptop" and "desktop", each in its own temp folder) set up to sync through a
 * real CouchDB-protocol server on 127.0.0.1 (couch-server.ts), as two machines of one person would.
 */
import { Library } from '../../electron/core/library.js';
import type { ClipRecord } from '../../electron/core/store/schema.js';
import type { TestScope } from './cleanup-scope.js';
import { startCouchServer } from './couch-server.js';
import type { CouchServer } from './couch-server.js';
import { tempDir } from './temp-library.js';

export const SYNC_USER = 'reader';
export const SYNC_PASSWORD = 'correct horse battery staple';
export const DATABASE = 'clipdesk';

export interface SyncPair {
  server: CouchServer;
  laptop: Library;
  desktop: Library;
  /** Rounds on both until neither changes anything (as two machines syncing now and then would). */
  settle(): Promise<void>;
}

/** Opens (or opens again) a library in `dir` set up for the pair's server. */
export async function syncedLibrary(scope: TestScope, dir: string, server: CouchServer, passphrase?: string): Promise<Library> {
  const library = await Library.open(dir);
  scope.after(() => library.close());
  await library.sync.saveSettings({ url: server.url, database: DATABASE, user: SYNC_USER, password: SYNC_PASSWORD, passphrase });
  return library;
}

export async function syncPair(scope: TestScope, options: { passphrase?: string } = {}): Promise<SyncPair> {
  const server = await startCouchServer({ dir: await tempDir(scope, 'clipdesk-couch-'), user: SYNC_USER, password: SYNC_PASSWORD }, scope);
  const laptop = await syncedLibrary(scope, await tempDir(scope, 'clipdesk-laptop-'), server, options.passphrase);
  const desktop = await syncedLibrary(scope, await tempDir(scope, 'clipdesk-desktop-'), server, options.passphrase);
  return { server, laptop, desktop, settle: () => settle(laptop, desktop) };
}

/** Syncs both libraries in turn until a whole pass moves nothing (at most a few passes). */
export async function settle(...libraries: Library[]): Promise<void> {
  for (let pass = 0; pass < 6; pass++) {
    let moved = 0;
    for (const library of libraries) {
      const report = await library.sync.syncNow();
      moved += report.sent + report.received + report.changedHere;
    }
    if (moved === 0) return;
  }
  throw new Error('sync did not settle in 6 passes');
}

/** Every clip of a library as sync compares them: the record, field by field, with its texts. */
export async function everything(library: Library): Promise<Map<string, unknown>> {
  const clips = new Map<string, unknown>();
  const listed = [...library.list({ limit: 100_000 }).clips, ...library.list({ limit: 100_000, trashed: true }).clips];
  for (const { id } of listed.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const clip = await library.get(id);
    clips.set(id, { ...clip, updatedAt: undefined });
  }
  return clips;
}

export type { ClipRecord };

/** `count` short clips (English and Chinese, ten tags among them), in one batch. */
export async function fillLibrary(library: Library, count: number, prefix = 'Article'): Promise<void> {
  const inputs = Array.from({ length: count }, (_, i) => ({
    kind: 'text' as const,
    text: `${prefix} ${i}: the harbour authority counted ${i * 7} ships; 港口第${i}号泊位恢复作业。`,
    tags: [`desk-${i % 10}`],
  }));
  await library.importMany(inputs);
}
