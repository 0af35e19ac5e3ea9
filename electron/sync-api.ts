/**
 * The part of the host contract (api.ts) that is about sync: the settings the window edits and the
 * status it shows. Kept apart because it is a whole concern of its own; api.ts re-exports it.
 */
import { z } from 'zod';

/** Where the library syncs to, as the settings dialog and `clipdesk sync` give it. */
export const syncSettingsInputSchema = z.object({
  /** The server, e.g. https://couch.example.org (https, or http to this machine only). */
  url: z.string().min(1).max(2000),
  /** The database on that server; created on first sync when the user may. */
  database: z.string().min(1).max(200),
  user: z.string().max(200).default(''),
  /** Left out: keep the password already kept. */
  password: z.string().max(1000).optional(),
  /** Set to turn end-to-end encryption on (every machine must use the same one); left out: keep as is. */
  passphrase: z.string().max(1000).optional(),
  /** Off: the settings are kept, but nothing syncs. */
  enabled: z.boolean().default(true),
});
export type SyncSettingsInput = z.input<typeof syncSettingsInputSchema>;

/** The kept settings, as the dialog shows them: never the password or the key. */
export interface SyncSettingsView {
  url: string;
  database: string;
  user: string;
  hasPassword: boolean;
  /** Where the password and key are kept, in words: "the OS keychain", or "a file only you can read". */
  passwordKeptIn: string;
  encrypted: boolean;
  enabled: boolean;
}

export type SyncState = 'off' | 'idle' | 'syncing' | 'error';

/** What the sync indicator shows. */
export interface SyncStatus {
  state: SyncState;
  /** The server and database, without credentials; null when sync is not set up. */
  server: string | null;
  encrypted: boolean;
  /** When the last round that reached the server ended (ISO 8601). */
  lastSyncedAt: string | null;
  /** Local changes (clips, highlights, texts, pictures) not yet on the server. */
  pending: number;
  /** What went wrong in the last round, in words; null when it went well. */
  error: string | null;
  /** Clips sync changed in this library since it was opened: when it grows, the window shows them anew. */
  changedHere: number;
}

/** What a connection test found: the server answered and the database can be used. */
export interface SyncConnectionReport {
  /** In words, e.g. "CouchDB 3.4.2 answered; database clipdesk has 1,204 documents". */
  message: string;
}
