/**
 * The sync key and the record that lets every device derive it. The key comes from the user's passphrase
 * through scrypt, which is memory-hard: at the default N = 2^17, r = 8 each guess costs 128 MiB and about
 * half a second, so someone holding the server's copy of the record cannot try passphrases cheaply on
 * GPUs. The record sits on the server in the clear (it must be read before there is a key) as
 * `clipdesk:key`, and carries its own scrypt parameters, so they can be raised later and devices still
 * derive the key from what the record says; and a check (a known text sealed with the key) so a wrong
 * passphrase is told apart before any document is decrypted or applied.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { ClipdeskError } from '../errors.js';
import { describeInvalid } from '../validation.js';
import { KEY_BYTES, openBytes, sealBytes } from './aead.js';

export const KEY_RECORD_ID = 'clipdesk:key';
export const DEFAULT_SCRYPT_N = 2 ** 17;
const DEFAULT_SCRYPT_R = 8;
const DEFAULT_SCRYPT_P = 1;
const SALT_BYTES = 16;
const CHECK_TEXT = 'Clipdesk sync key check, version 1';
/** The most a record read from the server may make a device allocate (N = 2^20 at r = 8). */
const MAX_SCRYPT_MEMORY = 2 ** 30;
/** The least N a record may ask for: low enough for fast tests, still memory-hard in kind. */
const MIN_SCRYPT_N = 2 ** 10;

/** The key record as stored on the server (plain, unencrypted). `salt` and `check` are base64. */
export interface KeyRecord {
  _id: typeof KEY_RECORD_ID;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  check: string;
}

/** Overrides for a new record's parameters; tests lower N to keep the run short. */
export interface KdfOptions {
  N?: number;
}

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

const paramsShape = {
  N: z.number().int().min(MIN_SCRYPT_N).max(MAX_SCRYPT_MEMORY).refine(isPowerOfTwo, 'must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
};
const tooMuchMemory = { message: `asks scrypt for more than ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB`, path: ['N'] };
const paramsSchema = z.object(paramsShape).refine(fitsInMemory, tooMuchMemory);

const keyRecordSchema = z.object({
  _id: z.literal(KEY_RECORD_ID),
  kdf: z.literal('scrypt'),
  ...paramsShape,
  salt: z.base64().refine((salt) => Buffer.from(salt, 'base64').byteLength >= SALT_BYTES, `must hold at least ${SALT_BYTES} bytes`),
  check: z.base64(),
}).refine(fitsInMemory, tooMuchMemory);

/** A new key from `passphrase` with a fresh salt, and the record to put on the server beside the ciphertext. */
export async function newKeyRecord(passphrase: string, options: KdfOptions = {}): Promise<{ record: KeyRecord; key: Uint8Array }> {
  checkPassphrase(passphrase);
  const parsed = paramsSchema.safeParse({ N: options.N ?? DEFAULT_SCRYPT_N, r: DEFAULT_SCRYPT_R, p: DEFAULT_SCRYPT_P });
  if (!parsed.success) throw new ClipdeskError('BAD_INPUT', `scrypt parameters: ${describeInvalid(parsed.error)}`);
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, parsed.data);
  const check = sealBytes(key, new TextEncoder().encode(CHECK_TEXT), KEY_RECORD_ID);
  const record: KeyRecord = {
    _id: KEY_RECORD_ID, kdf: 'scrypt', ...parsed.data, salt: salt.toString('base64'), check: Buffer.from(check).toString('base64'),
  };
  return { record, key };
}

/**
 * The key `record` was made with, derived from `passphrase` with the record's own parameters.
 * BAD_PASSPHRASE when the record's check does not open with it; CORRUPT_LIBRARY when the record (as read
 * from the server, so checked here) is not one, or asks for more memory than a device should give.
 */
export async function unlockKeyRecord(record: unknown, passphrase: string): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  const parsed = keyRecordSchema.safeParse(record);
  if (!parsed.success) {
    const problem = describeInvalid(parsed.error);
    throw new ClipdeskError('CORRUPT_LIBRARY', `the sync server's key record (${KEY_RECORD_ID}) is damaged: ${problem}`);
  }
  const { salt, check, ...params } = parsed.data;
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), params);
  const opened = openBytes(key, Buffer.from(check, 'base64'), KEY_RECORD_ID);
  if (!opened) {
    throw new ClipdeskError('BAD_PASSPHRASE', "the passphrase does not match the one this library's server was encrypted with");
  }
  if (new TextDecoder().decode(opened) !== CHECK_TEXT) {
    throw new ClipdeskError('CORRUPT_LIBRARY', `the sync server's key record (${KEY_RECORD_ID}) holds an unknown check`);
  }
  return key;
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new ClipdeskError('BAD_INPUT', 'a sync passphrase is needed');
}

/**
 * scrypt over the passphrase in NFC, so the same words typed on two systems that compose accents
 * differently give the same key.
 */
function deriveKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  const options = { ...params, maxmem: scryptMemory(params) };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))));
  });
}

/** Whether scrypt's big array (128 * N * r bytes) fits what a device should give a record it was sent. */
function fitsInMemory({ N, r }: ScryptParams): boolean {
  return 128 * N * r <= MAX_SCRYPT_MEMORY;
}

/** What OpenSSL's scrypt allocates for these parameters (its `maxmem` check, exactly). */
function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2 + p);
}

function isPowerOfTwo(n: number): boolean {
  return n > 1 && (n & (n - 1)) === 0;
}

/** Whether `key` is the one the server's key record was made with (a key kept on this machine, checked each session). */
export function keyOpensRecord(record: unknown, key: Uint8Array): boolean {
  const parsed = keyRecordSchema.safeParse(record);
  return parsed.success && openBytes(key, Buffer.from(parsed.data.check, 'base64'), KEY_RECORD_ID) !== null;
}
