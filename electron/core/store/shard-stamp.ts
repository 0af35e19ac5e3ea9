import type { Stats } from 'node:fs';

/**
 * A shard file's stamp, which the catalog records when it mirrors the shard: its inode, size and
 * modification time. Every write replaces a shard file (a new inode), so the inode tells even a
 * same-size rewrite within the file system's time granularity apart.
 */
export function shardStamp(found: Stats): string {
  return `${found.ino}:${found.size}:${found.mtimeMs}`;
}

export interface ShardChanges {
  /** Shards to mirror again, with their stamps now (null for a shard gone). */
  changed: Map<string, string | null>;
  /** Shards unchanged but for their inodes, with their stamps now: the library was copied or moved whole. */
  moved: Map<string, string>;
}

/**
 * The shards whose files changed since the catalog recorded `known`. A folder copied or moved whole (a
 * new disk, a restore, a synced folder) gives every file a new inode at once: the catalog file too
 * (`catalogCopied`), and no shard file has the inode it had. Then a file with the size it had and about
 * the time it had (COPY_TOLERANCE_MS) is the same file, and mirroring all of them again (minutes at
 * 100,000 clips) would redo the whole catalog for nothing. Without the catalog file's word, a library of
 * one shard rewritten by a write the catalog never heard of (a crash between the two) would pass for a copy.
 */
export function shardChanges(
  known: ReadonlyMap<string, string>,
  onDisk: ReadonlyMap<string, string>,
  catalogCopied: boolean,
): ShardChanges {
  const changed = new Map<string, string | null>([...known.keys()].filter((key) => !onDisk.has(key)).map((key) => [key, null]));
  const moved = new Map<string, string>();
  const wholeFolderMoved = catalogCopied && [...onDisk].every(([key, stamp]) => inodeOf(known.get(key)) !== inodeOf(stamp));
  for (const [key, stamp] of onDisk) {
    const before = known.get(key);
    if (before === stamp) continue;
    if (wholeFolderMoved && before !== undefined && sameButMoved(before, stamp)) moved.set(key, stamp);
    else changed.set(key, stamp);
  }
  return { changed, moved };
}

function inodeOf(stamp: string | undefined): string | undefined {
  return stamp === undefined ? undefined : partsOf(stamp).inode;
}

/** A stamp read back into what shardStamp wrote. */
function partsOf(stamp: string): { inode: string; size: string; mtimeMs: number } {
  const [inode = '', size = '', mtimeMs = ''] = stamp.split(':');
  return { inode, size, mtimeMs: Number(mtimeMs) };
}

/**
 * How far a copy may move a file's time: cp -a keeps it to the nanosecond, but Node's fs.cp rounds it
 * to the nearest millisecond (x.9996 s becomes x+1 s), other tools truncate it to the second, and FAT
 * keeps even seconds only.
 */
const COPY_TOLERANCE_MS = 2000;

function sameButMoved(before: string, now: string): boolean {
  const [was, is] = [partsOf(before), partsOf(now)];
  return was.size === is.size && Math.abs(was.mtimeMs - is.mtimeMs) < COPY_TOLERANCE_MS;
}
