import type { SyncConnectionReport, SyncSettingsInput, SyncSettingsView, SyncStatus } from '../sync-api.js';
import { syncSettingsInputSchema } from '../sync-api.js';
import { ClipdeskError, isClipdeskError } from './errors.js';
import type { PictureStore } from './pictures/picture-store.js';
import type { ClipStore, CommitObserver } from './store/clip-store.js';
import type { CredentialVault } from './sync/credential-vault.js';
import { LiveSync } from './sync/live-sync.js';
import type { PurgeJournal } from './sync/purge-journal.js';
import { remoteDatabase } from './sync/replica.js';
import { checkDatabaseName, describeServer } from './sync/server-address.js';
import { statusOf, syncFailure } from './sync/sync-errors.js';
import { newKeyRecord, unlockKeyRecord } from './sync/sync-key.js';
import { syncRound } from './sync/sync-round.js';
import type { RoundReport } from './sync/sync-round.js';
import { databaseAddress, keyRecordOn, openSession } from './sync/sync-session.js';
import type { SyncSession } from './sync/sync-session.js';
import { readSyncSettings, writeSyncSettings } from './sync/sync-settings.js';
import type { SyncSettings } from './sync/sync-settings.js';
import { SyncStateFile } from './sync/sync-state.js';
import { parseInput } from './validation.js';

export interface SyncParts {
  store: ClipStore;
  pictures: PictureStore;
  /** Keeps the catalog in step with what sync commits. */
  mirror: CommitObserver;
  journal: PurgeJournal;
  vault: CredentialVault;
  /** Resolves once the catalog lists every clip (a background rebuild): what a round commits must be mirrored into a whole list. */
  listed: () => Promise<void>;
}

/**
 * Sync of the library with a CouchDB server the user runs (see sync/ for how): its settings and
 * credentials, one round on request (the CLI), or rounds as changes come on either side (the app).
 */
export class LibrarySync {
  readonly #parts: SyncParts;
  readonly #stateFile: SyncStateFile;
  #session: SyncSession | null = null;
  #running: Promise<RoundReport> | null = null;
  #error: string | null = null;
  #changedHere = 0;
  /** Clips changed here since the last round began: the window's "changes to sync" (cheap to ask every few seconds). */
  readonly #changedSinceRound = new Set<string>();
  #live: LiveSync | null = null;
  #wantLive = false;
  #onRound: ((outcome: RoundReport | Error) => void) | null = null;

  constructor(parts: SyncParts) {
    this.#parts = parts;
    this.#stateFile = new SyncStateFile(parts.store.dir);
  }

  async settings(): Promise<SyncSettingsView | null> {
    const settings = await readSyncSettings(this.#parts.store.dir);
    if (!settings) return null;
    const secrets = await this.#parts.vault.read();
    const { url, database, user, encrypted, enabled } = settings;
    const passwordKeptIn = await this.#parts.vault.where();
    return { url, database, user, encrypted, enabled, hasPassword: Boolean(secrets?.password), passwordKeptIn };
  }

  /**
   * Checks the server with the new settings (it must answer, and take the credentials), sets up or
   * unlocks encryption, then keeps the settings (the secrets in the vault). A database that is
   * encrypted needs its passphrase; one that holds clips in the clear cannot be turned encrypted.
   */
  async saveSettings(input: SyncSettingsInput): Promise<SyncStatus> {
    const given = parseInput(syncSettingsInputSchema, input, 'sync settings');
    const kept = await readSyncSettings(this.#parts.store.dir);
    const secrets = await this.#parts.vault.read();
    const password = given.password ?? secrets?.password ?? '';
    const settings: SyncSettings = {
      url: given.url, database: checkDatabaseName(given.database), user: given.user, encrypted: false, enabled: given.enabled,
    };
    const sameDatabase = kept?.url === settings.url && kept.database === settings.database;
    const key = await this.#unlock(settings, password, given.passphrase, sameDatabase && kept.encrypted ? secrets?.key ?? null : null);
    await this.close();
    // The secrets first: a vault that cannot keep them (no OS keychain) leaves no settings without a password.
    await this.#parts.vault.write({ password, key });
    await writeSyncSettings(this.#parts.store.dir, { ...settings, encrypted: key !== null });
    this.#error = null;
    await this.#restartLive();
    return this.status();
  }

  /** Whether the server answers to these settings, in words; SYNC_FAILED saying why not. */
  async testConnection(input: SyncSettingsInput): Promise<SyncConnectionReport> {
    const given = parseInput(syncSettingsInputSchema, input, 'sync settings');
    const password = given.password ?? (await this.#parts.vault.read())?.password ?? '';
    const server = describeServer(given.url, given.database);
    const remote = await remoteDatabase({ address: databaseAddress(given), user: given.user, password });
    try {
      const info = await remote.info().catch((error: unknown) => { throw syncFailure(error, server); });
      const encrypted = (await keyRecordOn(remote, server)) !== null;
      const count = `${info.doc_count.toLocaleString('en')} document${info.doc_count === 1 ? '' : 's'}`;
      return { message: `${server} answered: the database holds ${count}${encrypted ? ', end-to-end encrypted' : ''}` };
    } finally {
      await remote.close();
    }
  }

  async status(): Promise<SyncStatus> {
    const settings = await readSyncSettings(this.#parts.store.dir).catch(() => null);
    const state = await this.#stateFile.read();
    const server = settings ? describeServer(settings.url, settings.database) : null;
    const paired = state?.pairedWith === server ? state : null;
    return {
      state: !settings?.enabled ? 'off' : this.#running ? 'syncing' : this.#error ? 'error' : 'idle',
      server,
      encrypted: settings?.encrypted ?? false,
      lastSyncedAt: paired?.lastSyncedAt ?? null,
      pending: (paired?.unsent ?? 0) + this.#changedSinceRound.size + (paired?.waiting.length ?? 0),
      error: this.#error,
      changedHere: this.#changedHere,
    };
  }

  /** One round now (or the one running). NOT_FOUND when sync is not set up. */
  syncNow(): Promise<RoundReport> {
    this.#running ??= this.#round().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #round(): Promise<RoundReport> {
    try {
      await this.#parts.listed();
      this.#session ??= await this.#openSession();
      this.#changedSinceRound.clear();
      const report = await syncRound({ ...this.#parts, ...this.#session, stateFile: this.#stateFile });
      this.#error = null;
      this.#changedHere += report.changedHere;
      return report;
    } catch (error) {
      this.#error = isClipdeskError(error) ? error.message : 'sync failed unexpectedly (see the log)';
      // A session that failed may hold a server that went away: the next round opens a new one.
      await this.#closeSession();
      throw error;
    }
  }

  async #openSession(): Promise<SyncSession> {
    const settings = await readSyncSettings(this.#parts.store.dir);
    if (!settings) {
      const how = 'clipdesk sync --url …, or Sync Settings in the app';
      throw new ClipdeskError('NOT_FOUND', `sync is not set up for this library: give the server first (${how})`);
    }
    if (!settings.enabled) throw new ClipdeskError('NOT_FOUND', 'sync is turned off for this library');
    return openSession(this.#parts.store.dir, settings, this.#parts.vault);
  }

  /**
   * From now on, while sync is set up and on, rounds run as changes come on either side and every
   * few minutes (an app that stays open). Settings saved later start or stop it.
   */
  async startLive(onRound?: (outcome: RoundReport | Error) => void): Promise<void> {
    this.#wantLive = true;
    this.#onRound = onRound ?? null;
    await this.#restartLive();
  }

  async #restartLive(): Promise<void> {
    this.#live?.stop();
    this.#live = null;
    const settings = await readSyncSettings(this.#parts.store.dir).catch(() => null);
    if (!this.#wantLive || !settings?.enabled) return;
    const round = async () => {
      const outcome = await this.syncNow().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      this.#onRound?.(outcome);
      if (outcome instanceof Error) throw outcome;
    };
    this.#live = new LiveSync(round, () => this.#session?.remote ?? null);
    this.#live.start();
  }

  /**
   * Clips were changed here: a live sync runs a round soon, and the status counts them as pending
   * until then. (Another process's changes are found by the next round, not counted before it.)
   */
  nudge(ids: readonly string[]): void {
    for (const id of ids) this.#changedSinceRound.add(id);
    this.#live?.nudge();
  }

  async close(): Promise<void> {
    await this.#running?.catch(() => undefined);
    await this.#closeSession();
  }

  async stop(): Promise<void> {
    this.#wantLive = false;
    this.#live?.stop();
    this.#live = null;
    await this.close();
  }

  async #closeSession(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    await session?.close().catch(() => undefined);
  }

  /**
   * The encryption key for the database: the one kept (same database, already unlocked), the one
   * the passphrase unlocks (BAD_PASSPHRASE if it does not), or a new one for an empty database; null
   * for a database in the clear.
   */
  async #unlock(settings: SyncSettings, password: string, passphrase: string | undefined, keptKey: string | null): Promise<string | null> {
    const server = describeServer(settings.url, settings.database);
    const remote = await remoteDatabase({ address: databaseAddress(settings), user: settings.user, password });
    try {
      const info = await remote.info().catch((error: unknown) => { throw syncFailure(error, server); });
      const record = await keyRecordOn(remote, server);
      if (record && passphrase) return Buffer.from(await unlockKeyRecord(record, passphrase)).toString('base64');
      if (record && keptKey) return keptKey;
      if (record) throw new ClipdeskError('BAD_PASSPHRASE', `the clips on ${server} are end-to-end encrypted: give their passphrase`);
      if (!passphrase) return null;
      if (info.doc_count > 0) {
        throw new ClipdeskError('BAD_INPUT', `${server} already holds clips that are not encrypted: use a new database for encrypted sync`);
      }
      const { record: made, key } = await newKeyRecord(passphrase);
      await remote.put({ ...made }).catch((error: unknown) => {
        if (statusOf(error) !== 409) throw syncFailure(error, server);
        throw new ClipdeskError('SYNC_FAILED', `${server} got a passphrase from another machine just now; try again`);
      });
      return Buffer.from(key).toString('base64');
    } finally {
      await remote.close();
    }
  }
}
