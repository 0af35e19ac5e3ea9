import { z } from 'zod';
import { ClipdeskError } from '../errors.js';
import { contentHashesOf } from '../store/clip-texts.js';
import { MANIFEST_FILE, shardKey } from '../store/library-dir.js';
import { SCHEMA_VERSION, manifestSchema, newerLibrary, shardSchema } from '../store/schema.js';
import { describeInvalid } from '../validation.js';
import type { ByteSource } from '../zip/byte-source.js';
import { zipMembers } from '../zip/zip-directory.js';
import type { ZipMember } from '../zip/zip-directory.js';
import { readMember } from '../zip/zip-reader.js';
import { BACKUP_FORMAT, BACKUP_MANIFEST, BACKUP_VERSION, backupManifestSchema, backupMember } from './backup-format.js';
import type { BackupCounts, BackupManifest } from './backup-format.js';

/** What a restore writes, once everything but the texts and pictures themselves has been read and checked. */
export interface RestorePlan {
  manifest: BackupManifest;
  /** library.json as it was. */
  library: Uint8Array;
  /** Each shard as it was: an older library is written as it was and migrated as it opens. */
  shards: Array<{ key: string; bytes: Uint8Array }>;
  bodies: Array<{ member: ZipMember; id: string; hash: string }>;
  pictures: Array<{ member: ZipMember; name: string }>;
}

/** What every library version's records have had (version 4 leaves out empty lists and nulls): enough to know which texts a shard names. */
const shardOfAnyVersion = z.object({
  schemaVersion: z.number().int().min(1),
  clips: z.record(z.string(), z.object({
    id: z.string(),
    contentHash: z.string(),
    revisions: z.array(z.object({ contentHash: z.string() })).default(() => []),
    deletedAt: z.string().nullable().default(null),
  })),
});

/**
 * Reads the archive's table of contents, its manifests and its shards, and checks that they agree: the
 * versions are ones this app reads, every member is a library file, the counts are the manifest's, and
 * the shards name exactly the texts the archive holds. Nothing is written.
 */
export async function planRestore(source: ByteSource): Promise<RestorePlan> {
  const members = await zipMembers(source);
  const byName = new Map(members.map((member) => [member.name, member]));
  if (byName.size !== members.length) throw altered('a file appears in it twice');
  const manifest = checkManifest(await readMember(source, required(byName, BACKUP_MANIFEST, 'not a Clipdesk backup')));
  const library = await readMember(source, required(byName, MANIFEST_FILE, 'the library manifest is missing'));
  const libraryVersion = parseWith(manifestSchema, library, 'library.json').schemaVersion;
  if (libraryVersion !== manifest.schemaVersion) {
    throw altered(`library.json is of version ${libraryVersion}, not ${manifest.schemaVersion} as the manifest says`);
  }
  const plan: RestorePlan = { manifest, library, shards: [], bodies: [], pictures: [] };
  for (const member of members) {
    const kind = backupMember(member.name);
    if (!kind) throw altered(`${member.name} is not a file a Clipdesk backup holds`);
    if (kind.kind === 'shard') plan.shards.push({ key: kind.key, bytes: await readMember(source, member) });
    if (kind.kind === 'body') plan.bodies.push({ member, id: kind.id, hash: kind.hash });
    if (kind.kind === 'picture') plan.pictures.push({ member, name: kind.name });
  }
  const { named, counts } = readShards(plan);
  for (const [what, number] of Object.entries(counts) as Array<[keyof BackupCounts, number]>) {
    if (manifest.counts[what] !== number) throw altered(`it holds ${number} ${what}, its manifest says ${manifest.counts[what]}`);
  }
  checkTexts(plan, named);
  return plan;
}

function checkManifest(bytes: Uint8Array): BackupManifest {
  const found = parseJson(bytes, BACKUP_MANIFEST) as { format?: unknown; backupVersion?: unknown } | null;
  if (found?.format !== BACKUP_FORMAT) throw new ClipdeskError('BAD_INPUT', `not a Clipdesk backup (${BACKUP_MANIFEST} says otherwise)`);
  if (typeof found.backupVersion === 'number' && found.backupVersion > BACKUP_VERSION) {
    throw new ClipdeskError('NEWER_LIBRARY', `the backup was made by a newer Clipdesk (backup format ${found.backupVersion}, ` +
      `this app reads up to ${BACKUP_VERSION}); update Clipdesk to restore it`);
  }
  const manifest = parseWith(backupManifestSchema, bytes, BACKUP_MANIFEST);
  if (manifest.schemaVersion > SCHEMA_VERSION) throw newerLibrary('the backup', `library version ${manifest.schemaVersion}`);
  return manifest;
}

/** Every shard read whole and each clip in its right shard: what the archive holds, and the texts its clips name. */
function readShards(plan: RestorePlan): { named: Set<string>; counts: BackupCounts } {
  const named = new Set<string>();
  const { shards, bodies, pictures } = plan;
  const found: BackupCounts = { shards: shards.length, clips: 0, trashed: 0, bodies: bodies.length, pictures: pictures.length };
  // The current version's shards are checked whole; an older one's only as far as every version agrees.
  const current = plan.manifest.schemaVersion === SCHEMA_VERSION;
  const schema: z.ZodType<z.infer<typeof shardOfAnyVersion>> = current ? shardSchema : shardOfAnyVersion;
  for (const { key, bytes } of shards) {
    const shard = parseWith(schema, bytes, `clips/${key}.json`);
    if (shard.schemaVersion > plan.manifest.schemaVersion) throw altered(`clips/${key}.json is of a later version than the backup`);
    for (const [id, record] of Object.entries(shard.clips)) {
      if (record.id !== id || shardKey(id) !== key) throw altered(`clip ${id} is not in the shard its id names`);
      for (const hash of contentHashesOf(record)) named.add(`${id}.${hash}`);
      found.clips++;
      if (record.deletedAt) found.trashed++;
    }
  }
  return { named, counts: found };
}

/** The shards must name every text in the archive, and the archive hold every text they name. */
function checkTexts(plan: RestorePlan, named: Set<string>): void {
  const held = new Set(plan.bodies.map(({ id, hash }) => `${id}.${hash}`));
  const missing = [...named].find((text) => !held.has(text));
  if (missing) throw altered(`the text bodies/${missing}.json a clip names is missing`);
  const extra = [...held].find((text) => !named.has(text));
  if (extra) throw altered(`bodies/${extra}.json is the text of no clip`);
}

function required(members: Map<string, ZipMember>, name: string, problem: string): ZipMember {
  const member = members.get(name);
  if (!member) throw new ClipdeskError('BAD_INPUT', `${problem}: the archive has no ${name}`);
  return member;
}

function parseWith<T>(schema: z.ZodType<T>, bytes: Uint8Array, name: string): T {
  const parsed = schema.safeParse(parseJson(bytes, name));
  if (!parsed.success) throw altered(`${name} does not have the shape of a Clipdesk file at ${describeInvalid(parsed.error, 'top level')}`);
  return parsed.data;
}

export function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw altered(`${name} is not valid JSON`);
  }
}

export function altered(detail: string): ClipdeskError {
  return new ClipdeskError('BAD_INPUT', `the backup is damaged or was altered: ${detail}`);
}
