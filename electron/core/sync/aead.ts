/**
 * The one authenticated cipher sync uses: XChaCha20-Poly1305 with a fresh random 24-byte nonce per seal.
 * Its nonce is long enough that random nonces never collide in practice, so no counter has to be kept
 * in step between devices. A sealed box is `nonce || ciphertext || tag`; it opens only with the same key
 * and the same associated data (the document's id), so a box moved to another id does not open.
 */
import { randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';

export const KEY_BYTES = 32;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const encoder = new TextEncoder();

/** `plaintext` sealed under `key`, bound to `associated` (a string, as every caller binds ids and names). */
export function sealBytes(key: Uint8Array, plaintext: Uint8Array, associated: string): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const box = xchacha20poly1305(key, nonce, encoder.encode(associated)).encrypt(plaintext);
  const sealed = new Uint8Array(NONCE_BYTES + box.byteLength);
  sealed.set(nonce, 0);
  sealed.set(box, NONCE_BYTES);
  return sealed;
}

/**
 * The plaintext of a box made by `sealBytes`, or null when it does not authenticate (wrong key, other
 * associated data, a changed or cut byte). Null rather than a throw: what a failure means (a wrong
 * passphrase, a damaged document) is for the caller to say.
 */
export function openBytes(key: Uint8Array, sealed: Uint8Array, associated: string): Uint8Array | null {
  if (sealed.byteLength < NONCE_BYTES + TAG_BYTES) return null;
  const nonce = sealed.subarray(0, NONCE_BYTES);
  try {
    return xchacha20poly1305(key, nonce, encoder.encode(associated)).decrypt(sealed.subarray(NONCE_BYTES));
  } catch {
    return null;
  }
}
