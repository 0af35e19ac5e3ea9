import { randomBytes } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { checkedJsonFile } from './checked-file.js';
import { WriteLock } from './write-lock.js';
import { writeFileWhole } from './write-whole.js';

/** The clipper's port unless clipper.json says otherwise; bookmarklets are made for it, so it stays fixed. */
export const DEFAULT_CLIPPER_PORT = 27183;

const clipperSettingsSchema = z.object({
  token: z.string().min(32).max(256),
  port: z.number().int().min(0).max(65_535),
});
export type ClipperSettings = z.infer<typeof clipperSettingsSchema>;

/**
 * The clipper's per-install token and port from `<library>/clipper.json`, created on first use. The
 * token lets whoever holds it add clips, so the file is readable by its owner only (mode 0600).
 */
export async function loadClipperSettings(dir: string): Promise<ClipperSettings> {
  const path = join(dir, 'clipper.json');
  const file = checkedJsonFile(path, clipperSettingsSchema);
  const existing = await readPrivate(file, path);
  if (existing) return existing;
  // Two processes starting at once must not each mint a token and leave one of them with a stale one.
  return new WriteLock(join(dir, 'library.lock')).withLock(async () => (await readPrivate(file, path)) ?? createSettings(path));
}

type SettingsFile = ReturnType<typeof checkedJsonFile<ClipperSettings>>;

/** The settings, with the file's mode tightened in case it was copied in with wider rights. */
async function readPrivate(file: SettingsFile, path: string): Promise<ClipperSettings | null> {
  const settings = await file.read();
  if (settings) await chmod(path, 0o600);
  return settings;
}

async function createSettings(path: string): Promise<ClipperSettings> {
  const settings = { token: randomBytes(32).toString('base64url'), port: DEFAULT_CLIPPER_PORT };
  // Readable by its owner only from the first byte written.
  await writeFileWhole(path, JSON.stringify(settings), 0o600);
  return settings;
}
