/**
 * `npm run bench:sync [-- --clips N] [--json]` (default 10,000 clips of ~900 words from
 * ../shared/corpora, each with a highlight): what sync costs two machines through a real
 * CouchDB-protocol server on 127.0.0.1 (the tests' express-pouchdb, in its own process).
 *   first sync: the laptop sends its whole library, the desktop (empty) receives it;
 *   one tag edit afterwards: the laptop sends it, the desktop receives it.
 * Time, and bytes on the wire as the server counted them (headers included). Baselines measured in
 * the same run: PouchDB replicating the same documents from the laptop's replica into a second
 * database on the same server with nothing of Clipdesk around it (what the protocol itself costs), and
 * a round with nothing to sync. Progress goes to stderr, results to stdout.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPouch } from '../../electron/core/sync/replica.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { startCouchServer } from '../helpers/couch-server.js';
import type { CouchServer } from '../helpers/couch-server.js';
import { DATABASE, SYNC_PASSWORD, SYNC_USER, syncedLibrary } from '../helpers/sync-pair.js';
import { tempDir } from '../helpers/temp-library.js';
import { generateClips, seedText } from './corpus.js';
import { machine, printResults, timeIt } from './report.js';
import type { BenchResult } from './report.js';

const { values } = parseArgs({ options: { clips: { type: 'string', default: '10000' }, json: { type: 'boolean' } } });
const count = Number(values.clips);
const progress = (message: string) => console.error(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${message}`);

await using scope = new CleanupScope();
const couchDir = await tempDir(scope, 'clipdesk-sync-bench-couch-');
const server = await startCouchServer({ dir: couchDir, user: SYNC_USER, password: SYNC_PASSWORD }, scope);
const laptop = await syncedLibrary(scope, await tempDir(scope, 'clipdesk-sync-bench-laptop-'), server);
const desktop = await syncedLibrary(scope, await tempDir(scope, 'clipdesk-sync-bench-desktop-'), server);

progress(`clipping ${count} generated clips on the laptop`);
const clips = [...generateClips(count)];
const saved = await laptop.importMany(clips.map((clip) => ({ kind: 'text' as const, text: seedText(clip), tags: clip.tags })));
let textChars = 0;
for (const result of saved) {
  if (!('clip' in result)) throw new Error(`a generated clip failed: ${result.reason}`);
  const { text } = await laptop.get(result.clip.id);
  textChars += text.length;
  await laptop.annotate(result.clip.id, { quote: text.split(/\s+/).find((word) => word.length > 6) ?? text.slice(0, 8) });
}
const firstId = laptop.list({ limit: 1 }).clips[0]?.id ?? '';

const results: BenchResult[] = [];
progress('first sync: the laptop sends its library');
const send = await measured(server, () => laptop.sync.syncNow());
progress('first sync: the desktop receives it');
const receive = await measured(server, () => desktop.sync.syncNow());
if (desktop.list({ limit: 100_000 }).total !== count) throw new Error('the desktop did not receive every clip');

progress('baseline: plain PouchDB replication of the same documents');
const Pouch = await loadPouch();
const replica = new Pouch(join(await tempDir(scope, 'clipdesk-sync-bench-plain-'), 'plain'), { adapter: 'leveldb' });
const serverDatabase = new Pouch(`${server.url}/${DATABASE}`, { adapter: 'http', auth: { username: SYNC_USER, password: SYNC_PASSWORD } });
const plainPull = await measured(server, () => replica.replicate.from(serverDatabase, { batch_size: 50, batches_limit: 4 }));
await replica.close();
await serverDatabase.close();

progress('one tag edit afterwards');
// The first round after a first sync also walks the documents that came in (replication checks they
// are on the server already); both machines have had it before a person edits anything.
await desktop.sync.syncNow();
await laptop.sync.syncNow();
const idle = await measured(server, () => desktop.sync.syncNow());
await laptop.addTags(firstId, ['bench-edit']);
const editSend = await measured(server, () => laptop.sync.syncNow());
const editReceive = await measured(server, () => desktop.sync.syncNow());
if (!(await desktop.get(firstId)).tags.includes('bench-edit')) throw new Error('the tag edit did not arrive');

const perClip = (bytes: number) => `${Math.round(bytes / count).toLocaleString('en')} B a clip`;
const plain = { baseline: 'plain PouchDB replication of the same documents', baselineValue: plainPull.ms };
results.push(
  { metric: 'first_sync.send_ms', value: send.ms, unit: 'ms', note: `${count} clips, ${(textChars / 1e6).toFixed(1)} M characters` },
  { metric: 'first_sync.send_bytes', value: send.bytes.received, unit: 'B', note: perClip(send.bytes.received) },
  { metric: 'first_sync.receive_ms', value: receive.ms, unit: 'ms', ...plain, ratio: receive.ms / plainPull.ms },
  {
    metric: 'first_sync.receive_bytes', value: receive.bytes.sent, unit: 'B', baseline: plain.baseline,
    baselineValue: plainPull.bytes.sent, ratio: receive.bytes.sent / plainPull.bytes.sent, note: perClip(receive.bytes.sent),
  },
  { metric: 'idle_round_ms', value: idle.ms, unit: 'ms', note: `${idle.bytes.received + idle.bytes.sent} B both ways` },
  ...editFigures('send', editSend, idle),
  ...editFigures('receive', editReceive, idle),
);
printResults({ clips: count, machine: machine(), results }, Boolean(values.json));

function editFigures(side: string, edit: Measured, base: Measured): BenchResult[] {
  const bytes = edit.bytes.received + edit.bytes.sent;
  return [
    {
      metric: `tag_edit.${side}_ms`, value: edit.ms, unit: 'ms',
      baseline: 'a round with nothing to sync', baselineValue: base.ms, ratio: edit.ms / base.ms,
    },
    { metric: `tag_edit.${side}_bytes`, value: bytes, unit: 'B', note: 'both ways, headers included' },
  ];
}

interface Measured {
  ms: number;
  /** Bytes the server received (uploads) and sent (downloads) meanwhile. */
  bytes: { received: number; sent: number };
}

async function measured(couch: CouchServer, task: () => Promise<unknown>): Promise<Measured> {
  const before = await couch.traffic();
  const ms = await timeIt(task);
  const after = await couch.traffic();
  return { ms, bytes: { received: after.received - before.received, sent: after.sent - before.sent } };
}
