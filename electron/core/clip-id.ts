import { randomUUID } from 'node:crypto';

/**
 * A new clip's id: 32 hex digits, the first three naming the shard it lives in (library-dir.ts
 * shardKey; store/shard-room.ts chooses it), the rest random.
 */
export function clipIdInShard(key: string): string {
  return `${key}${randomUUID().replaceAll('-', '').slice(key.length)}`;
}
