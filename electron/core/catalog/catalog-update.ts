import { keptPictures, missingPictureAddresses } from '../../shared/content-pictures.js';
import { ClipdeskError } from '../errors.js';
import type { ClipStore } from '../store/clip-store.js';
import type { ClipRecord } from '../store/schema.js';
import type { CatalogUpdate } from './catalog-writer.js';

/**
 * A clip's catalog update. A write's current body is read for its text and pictures; pictures of the
 * earlier versions were mirrored when those were current, so only a rebuild reads the revisions too.
 * While rebuilding, a clip whose text is missing or damaged is still listed (by its title and
 * tags) rather than dropped; opening it then names the damaged file.
 */
export function updateOf(
  store: ClipStore,
  id: string,
  record: ClipRecord | undefined,
  options: { rebuilding?: boolean } = {},
): CatalogUpdate {
  const read = async (contentHash: string) => {
    try {
      return await store.texts.readBody(id, contentHash);
    } catch (error) {
      if (options.rebuilding && error instanceof ClipdeskError && error.code === 'CORRUPT_LIBRARY') return null;
      throw error;
    }
  };
  return {
    id,
    record,
    body: async () => {
      if (!record) return { text: '', pictures: [], missingPictures: 0 };
      const current = await read(record.contentHash);
      const earlier = options.rebuilding ? await Promise.all(record.revisions.map((revision) => read(revision.contentHash))) : [];
      const pictures = [current, ...earlier].flatMap((body) => (body ? keptPictures(body.content) : []));
      const missingPictures = current ? missingPictureAddresses(current.content).length : 0;
      return { text: current?.text ?? '', pictures: [...new Set(pictures)], missingPictures };
    },
  };
}
