import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import { TRAILER, deflateInTurn, extraPayload, gzipMember } from './gzip-parts.js';

/**
 * The versions of a document (the manifest, a metadata shard) before its last RECENT_VERSIONS writes,
 * kept in one gzip file beside the library:
 *   backups/recent/<doc>.gz   e.g. backups/recent/clips/3fa.json.gz
 * Its content is the versions, the newest first, each followed by a newline: the store writes its JSON
 * on one line, so `zcat <file> | sed -n 2p` prints the second newest. They are parts of one member
 * (gzip-parts.ts) because successive versions of a file differ by an edit or two, so deflate keeps the
 * older ones as little more than references to the newer: three versions of a 16 KB shard take about
 * the room of one, in one file's blocks rather than three (3,000 clips imported one at a time: 3.8 MB
 * of backups as `du` counts them in files of one version each, 1.3 MB so).
 * The header's subfield "Cv" gives each version's end in the deflate stream, its length, its CRC-32 and
 * when it was saved: any first versions still read when a later part is damaged.
 * Libraries before this kept a file per version (`<doc stem>.<n>.json`, gzipped or plain), still read and
 * folded into the one file at the document's next write.
 */
export const RECENT_VERSIONS = 3;

/** A version of a document, as kept. */
export interface Version {
  bytes: Buffer;
  /** When it was saved, in milliseconds since 1970 (its file's modification time). */
  savedAt: number;
}

/** Where one kept version lies among the parts, and when it was saved. */
interface VersionEntry {
  /** The end of its deflated bytes, from the start of the stream. */
  end: number;
  /** Its length with its newline, and their CRC-32. */
  size: number;
  crc: number;
  savedAt: number;
}

const SUBFIELD = 'Cv';
/**
 * zlib's level 3, not its default 6: every write of a shard deflates its kept versions again, and on a
 * full 16 KB shard this took 0.59 ms against 0.71 (300 writes in a row, the median), for 2% more bytes
 * and the same blocks (3,000 clips imported one at a time: 877 against 858 KB, 1,282 KB on disk either way).
 */
const LEVEL = 3;
const ENTRY = 20;
const NEWLINE = Buffer.from('\n');

/** The file that keeps `doc`'s recent versions. */
export function recentVersionsFile(dir: string, doc: string): string {
  return join(dir, 'backups', 'recent', `${doc}.gz`);
}

/**
 * Adds the version of `doc` about to be replaced to its recent versions, dropping the oldest past
 * RECENT_VERSIONS, and folds in the files an older library kept. The file is written under a temp name
 * and renamed over the last, so a crash leaves one or the other whole. Runs under the write lock.
 */
export function keepRecentVersion(dir: string, doc: string): void {
  const live = join(dir, doc);
  const current = readVersionFile(live);
  if (!current) return;
  const file = recentVersionsFile(dir, doc);
  const legacy = legacyFiles(dir, doc);
  const folded = legacy.flatMap((path) => readLegacyFile(path) ?? []);
  const older = [...recentVersions(dir, doc), ...folded].sort((a, b) => b.savedAt - a.savedAt);
  // A version found twice (its legacy file, when a crash came before it was removed) is kept once.
  const versions = [current, ...older].filter((version, i, all) => all.findIndex((other) => other.bytes.equals(version.bytes)) === i);
  const temp = `${file}.tmp`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(temp, encodeVersions(versions.slice(0, RECENT_VERSIONS)));
  renameSync(temp, file);
  for (const path of legacy) unlinkSync(path);
}

/** A document's bytes and saved time, or undefined when it is not there yet. */
function readVersionFile(path: string): Version | undefined {
  try {
    const { mtimeMs } = statSync(path);
    return { bytes: readFileSync(path), savedAt: mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A version an older library kept in a file of its own; undefined when it does not read (it is then dropped). */
function readLegacyFile(path: string): Version | undefined {
  const version = readVersionFile(path);
  if (!version || !path.endsWith('.gz')) return version;
  try {
    return { ...version, bytes: gunzipSync(version.bytes) };
  } catch {
    return undefined;
  }
}

function encodeVersions(versions: readonly Version[]): Buffer {
  const parts = versions.map(({ bytes }) => Buffer.concat([bytes, NEWLINE]));
  const deflated = deflateInTurn(parts, LEVEL);
  const payload = Buffer.alloc(ENTRY * versions.length);
  let end = 0;
  versions.forEach(({ savedAt }, i) => {
    end += deflated[i]!.length;
    payload.writeUInt32LE(end, ENTRY * i);
    payload.writeUInt32LE(parts[i]!.length, ENTRY * i + 4);
    payload.writeUInt32LE(crc32(parts[i]!), ENTRY * i + 8);
    payload.writeDoubleLE(savedAt, ENTRY * i + 12);
  });
  return gzipMember(SUBFIELD, payload, parts, deflated);
}

/** The kept versions of `doc` that read whole, the newest first; none when its file is missing or not one. */
export function recentVersions(dir: string, doc: string): Version[] {
  try {
    return decodeVersions(readFileSync(recentVersionsFile(dir, doc)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The versions in `bytes` that read whole, the newest first. The longest run of parts that inflates is
 * taken, and each part is checked by its CRC: damage loses the versions from it on, not the ones before.
 */
export function decodeVersions(bytes: Buffer): Version[] {
  const entries = versionEntries(bytes);
  if (!entries) return [];
  const stream = bytes.subarray(entries.start, bytes.length - TRAILER);
  for (let count = entries.list.length; count > 0; count--) {
    const content = inflatePrefix(stream, entries.list.slice(0, count));
    if (content) return wholeVersions(content, entries.list.slice(0, count));
  }
  return [];
}

/** How many versions a file of recent versions says it holds (0 when it is not one). */
export function versionCount(bytes: Buffer): number {
  return versionEntries(bytes)?.list.length ?? 0;
}

function versionEntries(bytes: Buffer): { list: VersionEntry[]; start: number } | undefined {
  const extra = extraPayload(bytes, SUBFIELD);
  if (!extra || extra.payload.length % ENTRY !== 0) return undefined;
  const list = Array.from({ length: extra.payload.length / ENTRY }, (_, i): VersionEntry => ({
    end: extra.payload.readUInt32LE(ENTRY * i),
    size: extra.payload.readUInt32LE(ENTRY * i + 4),
    crc: extra.payload.readUInt32LE(ENTRY * i + 8),
    savedAt: extra.payload.readDoubleLE(ENTRY * i + 12),
  }));
  return { list, start: extra.start };
}

/** The first parts' content, inflated from the stream up to the last one's end; undefined unless those bytes inflate to their sizes. */
function inflatePrefix(stream: Buffer, entries: readonly VersionEntry[]): Buffer | undefined {
  const size = entries.reduce((sum, { size: partSize }) => sum + partSize, 0);
  const end = entries.at(-1)!.end;
  if (end > stream.length) return undefined;
  try {
    const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(size, 1) };
    const content = inflateRawSync(stream.subarray(0, end), options);
    return content.length === size ? content : undefined;
  } catch {
    return undefined;
  }
}

/** The parts of `content` whose CRC holds, without their newlines, up to the first that does not. */
function wholeVersions(content: Buffer, entries: readonly VersionEntry[]): Version[] {
  const versions: Version[] = [];
  let from = 0;
  for (const { size, crc, savedAt } of entries) {
    const part = content.subarray(from, (from += size));
    if (crc32(part) !== crc || part.at(-1) !== NEWLINE[0]) break;
    versions.push({ bytes: part.subarray(0, -1), savedAt });
  }
  return versions;
}

/**
 * How libraries before this named a file of one version of `<stem>.json`: `<stem>.<slot>.json`, plain
 * or gzipped, for slots 1 to RECENT_VERSIONS and a staging slot 0 a crash left.
 */
const LEGACY_ENDINGS = Array.from({ length: RECENT_VERSIONS + 1 }, (_, slot) => [`.${slot}.json`, `.${slot}.json.gz`]).flat();

/** Whether a file in backups/recent/ is one of those (`clipdesk check` counts it as one version). */
export function isLegacyVersionFile(name: string): boolean {
  return LEGACY_ENDINGS.some((ending) => name.endsWith(ending));
}

/**
 * The files of one version each that an older library kept of `doc`. Looked up by name: a listing of
 * the folder, one file a shard, would cost an edit a millisecond.
 */
export function legacyFiles(dir: string, doc: string): string[] {
  const stem = join(dir, 'backups', 'recent', doc.replace(/\.json$/, ''));
  return LEGACY_ENDINGS.map((ending) => `${stem}${ending}`).filter((path) => existsSync(path));
}
