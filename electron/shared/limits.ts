/**
 * The most bytes of a page Clipdesk takes, fetched or given: a news article is well under 1 MB, and
 * anything larger would cost the extractor seconds and the library space for nothing.
 */
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;

/**
 * The largest export of another app the window takes (it travels to the library whole, base64): a
 * Pocket export of 30,000 items is a few MB, an Omnivore zip with every article can reach tens. The
 * command line reads files of any size.
 */
export const MAX_EXPORT_FILE_BYTES = 100 * 1024 * 1024;

/** Characters of the base64 form of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** The cap as people read it ("15.0 MB"). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
