import { z } from 'zod';
import { isPictureName } from '../../shared/picture-names.js';
import { MANIFEST_FILE, PICTURES_DIR, PLAIN_BODY_FILE } from '../store/library-dir.js';

/**
 * A Clipdesk backup archive (documented in the README, "Backup archive"): a zip of the library folder's
 * own files under their own names (library.json, clips/, pictures/), each text as a file of its own
 * (bodies/, as libraries kept them before version 6, which opening moves into bodies.sqlite), so
 * unzipping it gives a library, plus this manifest. The catalog is left out (it is rebuilt from the rest), and so are
 * backups/ and damaged/. BACKUP_VERSION changes only when that layout does.
 */
export const BACKUP_MANIFEST = 'clipdesk-backup.json';
export const BACKUP_FORMAT = 'clipdesk-backup';
export const BACKUP_VERSION = 1;

const count = z.number().int().min(0);

export const backupCountsSchema = z.object({
  shards: count,
  clips: count,
  /** Of the clips, those in the trash. */
  trashed: count,
  /** Text files: each clip's current text and those of its revisions. */
  bodies: count,
  pictures: count,
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  backupVersion: z.number().int().min(1),
  /** The library's schemaVersion (library.json) when it was backed up. */
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  counts: backupCountsSchema,
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What a member of the archive is, by its name; null for a name a backup never holds. */
export type BackupMember =
  | { kind: 'manifest' }
  | { kind: 'library' }
  | { kind: 'shard'; key: string }
  | { kind: 'body'; id: string; hash: string }
  | { kind: 'picture'; name: string };

/** Only exact library paths are taken, so no member can be written outside the folder it is restored into. */
export function backupMember(path: string): BackupMember | null {
  if (path === BACKUP_MANIFEST) return { kind: 'manifest' };
  if (path === MANIFEST_FILE) return { kind: 'library' };
  const shard = /^clips\/([0-9a-f]{3})\.json$/.exec(path);
  if (shard?.[1]) return { kind: 'shard', key: shard[1] };
  const body = /^bodies\/(.+)$/.exec(path)?.[1];
  const bodyName = body === undefined ? null : PLAIN_BODY_FILE.exec(body);
  if (bodyName?.[1] && bodyName[2]) return { kind: 'body', id: bodyName[1], hash: bodyName[2] };
  const picture = new RegExp(`^${PICTURES_DIR}/([0-9a-f]{2})/([^/]+)$`).exec(path);
  if (picture?.[1] && picture[2] && isPictureName(picture[2]) && picture[2].startsWith(picture[1])) {
    return { kind: 'picture', name: picture[2] };
  }
  return null;
}
