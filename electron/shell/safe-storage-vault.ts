/**
 * The app's credential vault: the sync password and key sealed by the OS keychain (Electron's
 * safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux), kept in
 * a file of their own with mode 0600. Where no keychain guards them (Linux's `basic_text` backend
 * seals with a password built into Chromium, which protects nothing), they are kept as the CLI keeps
 * them, in a file only the user can read, and the settings dialog says so rather than claim more.
 */
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { ClipdeskError, credentialsPath, fileVault, syncDir } from '../core/index.js';
import type { CredentialVault, SecretSealer } from '../core/index.js';

/** Call after the app's `ready` event: safeStorage has no keychain before it. */
export function appVault(libraryDir: string): CredentialVault {
  const sealed = safeStorageVault(join(syncDir(libraryDir), 'credentials.safe'));
  const plain = fileVault(credentialsPath(libraryDir));
  const current = async () => ((await keychainUsable()) ? sealed : plain);
  return {
    read: async () => (await current()).read(),
    write: async (secrets) => {
      const vault = await current();
      await vault.write(secrets);
      // Kept in one place only: a keychain that became available retires the plain file, and the other way round.
      await (vault === sealed ? plain : sealed).clear();
    },
    clear: async () => {
      await sealed.clear();
      await plain.clear();
    },
    where: async () => (await current()).where(),
  };
}

function safeStorageVault(path: string): CredentialVault {
  let reseal = false;
  const sealer: SecretSealer = {
    seal: (text) => safeStorage.encryptStringAsync(text),
    open: async (sealedBytes) => {
      const { result, shouldReEncrypt } = await unseal(Buffer.from(sealedBytes));
      reseal = shouldReEncrypt;
      return result;
    },
  };
  const vault = fileVault(path, sealer);
  return {
    ...vault,
    // The keychain rotated its key: seal again with the new one while the secrets are at hand.
    read: async () => {
      const secrets = await vault.read();
      if (secrets && reseal) await vault.write(secrets);
      reseal = false;
      return secrets;
    },
  };
}

async function keychainUsable(): Promise<boolean> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const builtInKey = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return available && !builtInKey;
}

async function unseal(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
  try {
    return await safeStorage.decryptStringAsync(sealed);
  } catch (cause) {
    throw new ClipdeskError('CORRUPT_LIBRARY', 'The kept sync password cannot be unlocked with this computer\'s keychain '
      + '(it was kept by another user or computer, or the keychain was reset): enter it again in the sync settings', { cause });
  }
}
