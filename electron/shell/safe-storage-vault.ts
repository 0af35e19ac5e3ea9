/**
 * The app's credential vault: the sync password and key sealed by the OS keychain (Electron's
 * safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux), kept in
 * a file of their own with mode 0600. Where no keychain guards them (Linux's `basic_text` backend
 * seals with a password built into Chromium), it refuses rather than claim a protection it lacks.
 */
import { safeStorage } from 'electron';
import { ClipdeskError, fileVault } from '../core/index.js';
import type { CredentialVault, SecretSealer } from '../core/index.js';

/** Call after the app's `ready` event: safeStorage has no keychain before it. */
export function safeStorageVault(path: string): CredentialVault {
  let reseal = false;
  const sealer: SecretSealer = {
    seal: async (text) => {
      await requireKeychain();
      return safeStorage.encryptStringAsync(text);
    },
    open: async (sealed) => {
      await requireKeychain();
      const { result, shouldReEncrypt } = await unseal(Buffer.from(sealed));
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

async function requireKeychain(): Promise<void> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const builtInKey = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (available && !builtInKey) return;
  throw new ClipdeskError('UNSUPPORTED', 'The OS keychain is not available, so Clipdesk cannot keep the sync password safely: '
    + 'unlock or set up the keychain (Keychain on macOS, GNOME Keyring or KWallet on Linux) and try again');
}

async function unseal(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
  try {
    return await safeStorage.decryptStringAsync(sealed);
  } catch (cause) {
    throw new ClipdeskError('CORRUPT_LIBRARY', 'The kept sync password cannot be unlocked with this computer\'s keychain '
      + '(it was kept by another user or computer, or the keychain was reset): enter it again in the sync settings', { cause });
  }
}
