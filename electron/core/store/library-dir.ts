import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where a library lives when nobody says otherwise: the OS's per-user app-data folder for "Clipdesk". */
export function defaultLibraryDir(platform = process.platform, env = process.env): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Clipdesk', 'library');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Clipdesk', 'library');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'Clipdesk', 'library');
}

/** `--library DIR` wins over CLIPDESK_LIBRARY, which wins over the OS default. */
export function resolveLibraryDir(flag: string | undefined, env = process.env): string {
  return resolve(flag ?? env.CLIPDESK_LIBRARY ?? defaultLibraryDir(process.platform, env));
}

/** Names inside a library folder (see clip-store.ts for what each holds). */
export const MANIFEST_FILE = 'library.json';
export const LOCK_FILE = 'library.lock';
export const SHARD_FILE = /^[0-9a-f]{3}\.json$/;
/** The texts since library version 6, a row per content version of a clip (body-db.ts). */
export const BODIES_FILE = 'bodies.sqlite';
/**
 * `bodies/<id>.<contentHash>.json.gz`: the file a content version's text had in libraries before
 * version 6, which moves it into BODIES_FILE; before version 3 it was named `.json` and stored plain.
 */
export const BODY_FILE = /^([0-9a-f]+)\.([0-9a-f]+)\.json(?:\.gz)?$/;
/** The plain form only: older libraries' bodies, and every text in a backup archive (the zip compresses it). */
export const PLAIN_BODY_FILE = /^([0-9a-f]+)\.([0-9a-f]+)\.json$/;

/** The shards a library has at most: one for each 3 hex digits a clip id starts with (shardKey). */
export const SHARD_COUNT = 16 ** 3;

/** The shard a clip lives in: the first 3 hex digits of its id. */
export function shardKey(id: string): string {
  return id.slice(0, 3);
}

/** Where a content version's text is stored, as messages and `clipdesk check` name it. */
export function bodyRow(id: string, contentHash: string): string {
  return `${BODIES_FILE} (text ${id}.${contentHash})`;
}

/** A content version's text file in a library before version 6, relative to its folder, with `/` on every platform. */
export function bodyDoc(id: string, contentHash: string): string {
  return `${plainBodyDoc(id, contentHash)}.gz`;
}

/** The same text's file in the plain form, and its name in a backup archive: see PLAIN_BODY_FILE. */
export function plainBodyDoc(id: string, contentHash: string): string {
  return `bodies/${id}.${contentHash}.json`;
}

/** `pictures/<2 hex>/<sha256>.<type>`: content-addressed, in 256 folders so none grows huge. */
export const PICTURES_DIR = 'pictures';

/** A stored picture's file relative to the library folder, with `/` on every platform. */
export function pictureDoc(name: string): string {
  return `${PICTURES_DIR}/${name.slice(0, 2)}/${name}`;
}

/** The shard's path relative to the library folder, with `/` on every platform (it also names backups). */
export function shardDoc(key: string): string {
  return `clips/${key}.json`;
}
