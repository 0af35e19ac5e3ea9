import type { ReactiveControllerHost } from 'lit';
import type { SyncSettingsInput, SyncSettingsView, SyncStatus } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import type { LibraryData } from './library-data.js';
import { Poller } from './poller.js';

/** Asking how sync stands reads two small files: every few seconds costs nothing and keeps "Synced 1 minute ago" true. */
const POLL_MS = 3000;

/** What the dialog is doing: testing the connection, saving, or running a round. */
export type SyncWork = 'test' | 'save' | 'sync' | null;

/** How a failure of each piece of work begins, in the dialog. */
const FAILED: Record<Exclude<SyncWork, null>, string> = { test: 'No connection', save: 'Not saved', sync: 'Sync failed' };

/**
 * Sync as the window shows it: the status in the indicator (asked for every few seconds), the settings
 * dialog (test, save, sync now), and the window's data fetched again when a round changed clips here
 * (`changedHere` grew), whoever ran the round: the app's live sync, or Sync now.
 */
export class SyncController {
  status: SyncStatus | null = null;
  open = false;
  settings: SyncSettingsView | null = null;
  work: SyncWork = null;
  /** What the last test or round found, in words. */
  message = '';
  error = '';
  /** `changedHere` when last seen; null until the first status (what the window loaded is current). */
  #seenChanged: number | null = null;
  #asking = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly data: LibraryData, private readonly saved: () => void) {
    new Poller(host, POLL_MS, () => void this.refresh());
    void this.refresh();
  }

  /** Asks how sync stands (one question at a time: a slow answer is not asked again on top). */
  async refresh(): Promise<void> {
    if (this.#asking) return;
    this.#asking = true;
    try {
      this.#take(await this.data.sync.syncStatus());
    } catch {
      // The window says elsewhere when the library cannot be reached; the indicator keeps what it knew.
    } finally {
      this.#asking = false;
    }
  }

  /** Opens the dialog once the kept settings are read, so the form starts from them. */
  async openDialog(): Promise<void> {
    let settings: SyncSettingsView | null = null;
    let error = '';
    try {
      settings = await this.data.sync.syncSettings();
    } catch (failure) {
      error = `Could not read the sync settings: ${errorMessage(failure)}`;
    }
    this.#set({ open: true, settings, error, message: '', work: null });
  }

  close(): void {
    this.#set({ open: false, message: '', error: '' });
  }

  async test(input: SyncSettingsInput): Promise<void> {
    await this.#do('test', async () => {
      this.#set({ message: (await this.data.sync.testSyncConnection(input)).message });
    });
  }

  /** Keeps the settings (the core checks the server first); then the dialog closes and, when on, a round starts. */
  async save(input: SyncSettingsInput): Promise<void> {
    const done = await this.#do('save', async () => {
      this.#take(await this.data.sync.saveSyncSettings(input));
    });
    if (!done) return;
    this.close();
    this.saved();
    if (input.enabled !== false) void this.syncNow();
  }

  /** A round now; its failure shows in the indicator (the status's error) and, when open, in the dialog. */
  async syncNow(): Promise<void> {
    if (this.status) this.#take({ ...this.status, state: 'syncing' });
    const done = await this.#do('sync', async () => {
      this.#take(await this.data.sync.syncNow());
    });
    if (done && this.open) this.#set({ message: 'Synced.' });
    if (!done) await this.refresh();
  }

  /** Runs one piece of dialog work, its failure said in words; whether it went well. */
  async #do(work: Exclude<SyncWork, null>, run: () => Promise<void>): Promise<boolean> {
    this.#set({ work, error: '', message: '' });
    try {
      await run();
      return true;
    } catch (failure) {
      this.#set({ error: `${FAILED[work]}: ${errorMessage(failure)}` });
      return false;
    } finally {
      this.#set({ work: null });
    }
  }

  /** A new status; when sync changed clips here since the last one, everything the window shows is fetched again. */
  #take(status: SyncStatus): void {
    const seen = this.#seenChanged;
    if (seen !== null && status.changedHere > seen) this.data.refetchAfter('external');
    this.#seenChanged = status.changedHere;
    this.#set({ status });
  }

  #set(change: Partial<Pick<SyncController, 'status' | 'open' | 'settings' | 'work' | 'message' | 'error'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
