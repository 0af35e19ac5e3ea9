/**
 * Where the library syncs to: `<library>/sync/settings.json`, the settings a person may see
 * (server, database, user, whether the clips are encrypted, whether sync is on). Never a password
 * or a key: those live in a CredentialVault, so this file can be shown, copied and backed up freely.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ClipdeskError, isClipdeskError } from '../errors.js';
import { checkedJsonFile } from '../store/checked-file.js';
import { writeFileWhole } from '../store/write-whole.js';
import { parseInput } from '../validation.js';
import { checkDatabaseName, normalizeServerUrl } from './server-address.js';

const SETTINGS_VERSION = 1;

/** Only these keys are read and written: anything else a caller hands over (a password) is dropped. */
const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  url: z.string().min(1).max(2000),
  database: z.string().min(1).max(238),
  user: z.string().max(200),
  encrypted: z.boolean(),
  enabled: z.boolean(),
});

export interface SyncSettings {
  /** The server, checked by checkServerUrl and kept without a trailing slash. */
  url: string;
  database: string;
  /** '' when the server takes no user. */
  user: string;
  /** The clips are end-to-end encrypted; the key is in the vault. */
  encrypted: boolean;
  /** Off: kept, but nothing syncs. */
  enabled: boolean;
}

/** The folder of a library's sync files (settings, credentials, the replica). */
export function syncDir(libraryDir: string): string {
  return join(libraryDir, 'sync');
}

export function syncSettingsPath(libraryDir: string): string {
  return join(syncDir(libraryDir), 'settings.json');
}

/** The kept settings; null when sync was never set up. A damaged file is CORRUPT_LIBRARY, left as it is. */
export async function readSyncSettings(libraryDir: string): Promise<SyncSettings | null> {
  const path = syncSettingsPath(libraryDir);
  try {
    const kept = await checkedJsonFile(path, settingsSchema).read();
    return kept && withoutVersion(kept);
  } catch (error) {
    if (!isClipdeskError(error) || error.code !== 'CORRUPT_LIBRARY') throw error;
    throw new ClipdeskError('CORRUPT_LIBRARY', `${error.message}. The sync settings are damaged: set up sync again to replace them `
      + '(the clips are not affected)', { cause: error });
  }
}

/**
 * Checks the server address and database name (BAD_INPUT in words otherwise) and replaces the file
 * whole. Returns the settings as kept (the address normalized).
 */
export async function writeSyncSettings(libraryDir: string, settings: SyncSettings): Promise<SyncSettings> {
  const kept = parseInput(settingsSchema, {
    version: SETTINGS_VERSION,
    url: normalizeServerUrl(settings.url),
    database: checkDatabaseName(settings.database),
    user: settings.user,
    encrypted: settings.encrypted,
    enabled: settings.enabled,
  }, 'sync settings');
  await mkdir(syncDir(libraryDir), { recursive: true });
  await writeFileWhole(syncSettingsPath(libraryDir), `${JSON.stringify(kept, null, 2)}\n`);
  return withoutVersion(kept);
}

function withoutVersion({ url, database, user, encrypted, enabled }: z.infer<typeof settingsSchema>): SyncSettings {
  return { url, database, user, encrypted, enabled };
}
