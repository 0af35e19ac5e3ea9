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
