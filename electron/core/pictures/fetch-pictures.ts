import { ByteBudget } from './byte-budget.js';
import { fetchPicture } from './fetch-picture.js';
import type { PictureResult } from './fetch-picture.js';
import { mapBounded } from '../map-bounded.js';

export type { PictureResult } from './fetch-picture.js';
export type { ImageType } from './sniff-image.js';

export interface PictureFetchOptions {
  /** The clipped page: its own host may be private (an intranet page's own pictures), any other may not. */
  pageUrl: string | null;
  maxBytesPerPicture?: number;
  /** Over all pictures kept for the clip. */
  maxBytesPerClip?: number;
  /** For the whole clip's pictures together. */
  timeoutMs?: number;
  concurrency?: number;
}

/** A large news photo or infographic is a few MB; more is a video or a print master, not an article's picture. */
export const DEFAULT_MAX_BYTES_PER_PICTURE = 10 * 1024 * 1024;
/** A long photo story, thirty pictures of a MB or more, still fits. */
export const DEFAULT_MAX_BYTES_PER_CLIP = 50 * 1024 * 1024;
/** The user waits for the clip: an article's pictures take seconds; what is missing then can be fetched later. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** As many connections as a browser opens to one host, and no burst that looks like a crawler. */
export const DEFAULT_CONCURRENCY = 4;

/**
 * Downloads a clip's pictures safely: http(s) only, no private address but on the page's own host,
 * capped in size (each and together) and time, a few at once, kept only when the bytes are an image.
 * Results come in the order of `urls`, one per URL (a URL given twice is fetched once); a picture that
 * fails comes back with its reason and never throws.
 */
export async function fetchPictures(urls: readonly string[], options: PictureFetchOptions): Promise<PictureResult[]> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number from 1, not ${concurrency}.`);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const batch = {
    pageHost: hostOf(options.pageUrl),
    maxBytes: options.maxBytesPerPicture ?? DEFAULT_MAX_BYTES_PER_PICTURE,
    budget: new ByteBudget(options.maxBytesPerClip ?? DEFAULT_MAX_BYTES_PER_CLIP),
    signal: controller.signal,
  };
  try {
    const results = await mapBounded([...new Set(urls)], concurrency, (url) => fetchPicture(url, batch));
    const byUrl = new Map(results.map((result) => [result.url, result]));
    return urls.map((url) => byUrl.get(url) as PictureResult);
  } finally {
    clearTimeout(timer);
  }
}

function hostOf(pageUrl: string | null): string | null {
  return pageUrl !== null && URL.canParse(pageUrl) ? new URL(pageUrl).hostname : null;
}
