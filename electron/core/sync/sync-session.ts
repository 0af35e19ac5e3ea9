import { createHash } from 'node:crypto';
import type PouchDB from 'pouchdb-core';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ClipdeskError } from '../errors.js';
import type { CredentialVault } from './credential-vault.js';
import { DocCipher } from './doc-cipher.js';
import type { SyncDoc } from './doc-cipher.js';
import { PLAIN_CODEC, ReplicaClips } from './replica-clips.js';
import type { DocCodec } from './replica-clips.js';
import { openReplica, remoteDatabase } from './replica.js';
import type { Database } from './replica.js';
import { checkServerUrl, describeServer } from './server-address.js';
import { statusOf, syncFailure } from './sync-errors.js';
import { KEY_RECORD_ID, keyOpensRecord } from './sync-key.js';
import { syncDir } from './sync-settings.js';
import type { SyncSettings } from './sync-settings.js';

/** What a round needs of the settings: the replica, the server, and how documents are sealed. */
export interface SyncSession {
  server: string;
  replica: Database;
  remote: Database;
  clips: ReplicaClips;
  close(): Promise<void>;
}

/**
 * Opens the replica that pairs with the settings' database (one replica per database: another one
 * starts afresh, and the old replica goes) and checks the server's encryption against this machine's.
 */
export async function openSession(libraryDir: string, settings: SyncSettings, vault: CredentialVault): Promise<SyncSession> {
  const server = describeServer(settings.url, settings.database);
  const secrets = await vault.read();
  const remote = await remoteDatabase({ address: databaseAddress(settings), user: settings.user, password: secrets?.password ?? '' });
  const codec = codecFor(settings, await keyRecordOn(remote, server), secrets?.key ?? null, server);
  const folder = `replica-${createHash('sha256').update(server).digest('hex').slice(0, 12)}`;
  await removeOtherReplicas(libraryDir, folder);
  const replica = await openReplica(join(syncDir(libraryDir), folder));
  return {
    server,
    replica,
    remote,
    clips: new ReplicaClips(replica, codec),
    close: async () => {
      await replica.close();
      await remote.close();
    },
  };
}

/** The database's address: the server's, checked again (the settings file may have been edited by hand), and the name. */
export function databaseAddress(settings: Pick<SyncSettings, 'url' | 'database'>): string {
  const url = checkServerUrl(settings.url);
  return `${url.href.replace(/\/$/, '')}/${encodeURIComponent(settings.database)}`;
}

/** The server's key record, or null where the database is not encrypted. */
export async function keyRecordOn(remote: Database, server: string): Promise<unknown> {
  try {
    return await remote.get(KEY_RECORD_ID);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw syncFailure(error, server);
  }
}

function codecFor(settings: SyncSettings, record: unknown, key: string | null, server: string): DocCodec {
  if (!settings.encrypted) {
    if (record) throw new ClipdeskError('BAD_PASSPHRASE', `the clips on ${server} are encrypted: give their passphrase in sync settings`);
    return PLAIN_CODEC;
  }
  const bytes = key ? Buffer.from(key, 'base64') : null;
  if (!record || !bytes || !keyOpensRecord(record, bytes)) {
    throw new ClipdeskError('BAD_PASSPHRASE', `the key kept here does not open the clips on ${server}: give the passphrase again`);
  }
  const cipher = new DocCipher(bytes);
  return { seal: (doc) => cipher.seal(doc as SyncDoc) as PouchDB.Doc, open: (doc) => cipher.open(doc) };
}

async function removeOtherReplicas(libraryDir: string, keep: string): Promise<void> {
  const names = await readdir(syncDir(libraryDir)).catch(() => []);
  for (const name of names.filter((entry) => entry.startsWith('replica-') && entry !== keep)) {
    await rm(join(syncDir(libraryDir), name), { recursive: true, force: true });
  }
}
