/** `clipdesk sync`: sets up sync with a CouchDB server, then syncs once or until stopped. */
import type { Library, RoundReport } from '../core/index.js';
import type { Commands, Output } from './command.js';
import { say } from './command.js';
import type { Flags } from './options.js';
import { secretFrom } from './prompt.js';

export const syncCommands = {
  sync: (library, _args, flags) => syncWithServer(library, flags),
} satisfies Commands;

const DEFAULT_DATABASE = 'clipdesk';

/**
 * With `--url` (the database's address, e.g. https://couch.example.org/clipdesk) the settings are
 * checked against the server and kept, so a plain `clipdesk sync` uses them again. The password
 * comes from CLIPDESK_SYNC_PASSWORD or a prompt, the end-to-end passphrase (`--encrypt`) from
 * CLIPDESK_SYNC_PASSPHRASE or a prompt; both are kept in a file only this user can read.
 */
async function syncWithServer(library: Library, flags: Flags): Promise<Output | undefined> {
  if (flags.url !== undefined) await setUp(library, flags);
  if (flags.once) return describeRound(await library.sync.syncNow(), (await library.sync.status()).server ?? '');
  const stopped = new Promise<void>((resolve) => process.once('SIGINT', resolve));
  const { server } = await library.sync.status();
  say(`syncing this library with ${server ?? 'its server'} as changes come (stop with Ctrl+C)`);
  await library.sync.startLive((outcome) => {
    say(outcome instanceof Error ? `sync failed: ${outcome.message}` : describeRound(outcome, server ?? '').text);
  });
  // Rounds wait on timers that do not hold the process open by themselves.
  const keepAlive = setInterval(() => undefined, 60_000);
  await stopped;
  clearInterval(keepAlive);
  return undefined;
}

async function setUp(library: Library, flags: Flags): Promise<void> {
  const { url, database } = splitDatabaseUrl(flags.url ?? '');
  const user = flags.user ?? '';
  const password = user ? await secretFrom('CLIPDESK_SYNC_PASSWORD', `password for ${user} on ${url}: `) : '';
  const passphrase = flags.encrypt ? await secretFrom('CLIPDESK_SYNC_PASSPHRASE', 'end-to-end encryption passphrase: ') : undefined;
  await library.sync.saveSettings({ url, database, user, password, passphrase });
}

/** https://host/db → the server and the database; an address with no path names the default database. */
function splitDatabaseUrl(address: string): { url: string; database: string } {
  // An address that does not parse is left whole, for the settings' own check to explain.
  if (!URL.canParse(address)) return { url: address, database: DEFAULT_DATABASE };
  const parsed = new URL(address);
  const segments = parsed.pathname.split('/').filter(Boolean);
  const database = segments.pop();
  if (!database) return { url: address, database: DEFAULT_DATABASE };
  parsed.pathname = segments.join('/');
  return { url: parsed.href.replace(/\/$/, ''), database: decodeURIComponent(database) };
}

function describeRound(report: RoundReport, server: string): Output {
  const waiting = report.waiting > 0 ? `; ${report.waiting} clip(s) wait for their text` : '';
  const text = `synced with ${server}: sent ${report.sent}, received ${report.received} document(s); `
    + `${report.changedHere} clip(s) changed here${waiting}`;
  return { data: report, text };
}
