/**
 * Where the sync password and the encryption key are kept, apart from the settings. The app keeps
 * them sealed by the OS keychain (electron/shell/safe-storage-vault.ts); the CLI, which has no
 * keychain, keeps them in `<library>/sync/credentials.json`, readable by its owner only. Both are
 * this one file vault: a sealer decides how the JSON looks on disk.
 */
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ClipdeskError, isClipdeskError } from '../errors.js';
import { writeFileWhole } from '../store/write-whole.js';
import { parseInput } from '../validation.js';
import { syncDir } from './sync-settings.js';

export interface SyncSecrets {
  /** '' when the server takes no password. */
  password: string;
  /** The end-to-end encryption key in base64, or null when the clips are not encrypted. */
  key: string | null;
}

export interface CredentialVault {
  /** The kept secrets; null when none were kept. */
  read(): Promise<SyncSecrets | null>;
  write(secrets: SyncSecrets): Promise<void>;
  /** Forgets them (nothing kept is not an error). */
  clear(): Promise<void>;
  /** Where they are kept, in words for the settings dialog ("the OS keychain", "a file only you can read"). */
  where(): Promise<string>;
}

/** Turns the secrets' JSON into the bytes kept on disk and back. */
export interface SecretSealer {
  seal(text: string): Promise<Uint8Array>;
  open(sealed: Uint8Array): Promise<string>;
}

/** The JSON as it is: the file's mode (0600) is all that guards it. */
export const plainSealer: SecretSealer = {
  seal: async (text) => Buffer.from(text, 'utf8'),
  open: async (sealed) => Buffer.from(sealed).toString('utf8'),
};

const secretsSchema = z.strictObject({
  password: z.string().max(1000),
  key: z.string().max(1000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64').nullable(),
});

/** Where the CLI keeps a library's secrets. */
export function credentialsPath(libraryDir: string): string {
  return join(syncDir(libraryDir), 'credentials.json');
}

/**
 * A vault in one file, written whole (temp file and rename) with mode 0600 from its first byte.
 * A file found readable by others (copied in, restored from a backup) is narrowed back to 0600.
 */
export function fileVault(path: string, sealer: SecretSealer = plainSealer): CredentialVault {
  return {
    read: () => readSecrets(path, sealer),
    write: (secrets) => writeSecrets(path, sealer, secrets),
    clear: () => rm(path, { force: true }),
    where: async () => (sealer === plainSealer ? 'a file only you can read' : 'the OS keychain'),
  };
}

async function readSecrets(path: string, sealer: SecretSealer): Promise<SyncSecrets | null> {
  let sealed: Buffer;
  try {
    await keepPrivate(path);
    sealed = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseSecrets(path, await openSealed(path, sealer, sealed));
}

async function writeSecrets(path: string, sealer: SecretSealer, secrets: SyncSecrets): Promise<void> {
  const kept = parseInput(secretsSchema, { password: secrets.password, key: secrets.key }, 'sync credentials');
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileWhole(path, await sealer.seal(JSON.stringify(kept)), 0o600);
  // The mode given at creation passes through the umask; this one does not.
  await chmod(path, 0o600);
}

/** POSIX modes only: on Windows the file's ACL (the user's profile folder) guards it. */
async function keepPrivate(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) await chmod(path, 0o600);
}

async function openSealed(path: string, sealer: SecretSealer, sealed: Uint8Array): Promise<string> {
  try {
    return await sealer.open(sealed);
  } catch (error) {
    if (isClipdeskError(error)) throw error;
    throw damaged(path, error);
  }
}

/** The file's text never goes into an error: it holds the password. */
function parseSecrets(path: string, text: string): SyncSecrets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(path); // not as the cause: JSON.parse quotes the text it stopped at
  }
  const parsed = secretsSchema.safeParse(json);
  if (!parsed.success) throw damaged(path);
  return parsed.data;
}

function damaged(path: string, cause?: unknown): ClipdeskError {
  return new ClipdeskError('CORRUPT_LIBRARY', `the kept sync password (${path}) cannot be read: enter the password `
    + '(and the passphrase, if the clips are encrypted) in the sync settings again', { cause });
}
