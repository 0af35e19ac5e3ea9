import type { PictureCount } from '../../api.js';
import { keptPictures, missingPictureAddresses, withKeptPictures } from '../../shared/content-pictures.js';
import type { PictureExtension } from '../../shared/picture-names.js';
import { fetchPictures } from './fetch-pictures.js';
import type { ImageType, PictureFetchOptions } from './fetch-pictures.js';
import type { PictureStore } from './picture-store.js';

const EXTENSION: Record<ImageType, PictureExtension> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif', svg: 'svg' };

/**
 * Fetches the pictures a clip's content shows but the library does not keep yet, stores those that
 * arrive (before any clip refers to them) and marks them kept in the content. A picture that fails
 * keeps its address, so it can be fetched again later; nothing else in the content changes.
 */
export async function keepPictures(
  content: string,
  store: PictureStore,
  options: PictureFetchOptions,
): Promise<{ content: string } & PictureCount> {
  const addresses = missingPictureAddresses(content);
  if (addresses.length === 0) return { content, ...countPictures(content) };
  const names = new Map<string, string>();
  for (const result of await fetchPictures(addresses, options)) {
    if (result.ok) names.set(result.url, await store.put(result.bytes, EXTENSION[result.type]));
  }
  const updated = withKeptPictures(content, names);
  return { content: updated, ...countPictures(updated) };
}

export function countPictures(content: string): PictureCount {
  return { kept: keptPictures(content).length, missing: missingPictureAddresses(content).length };
}
