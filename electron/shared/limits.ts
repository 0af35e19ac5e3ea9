/**
 * The most bytes of a page Clipdesk takes, fetched or given: a news article is well under 1 MB, and
 * anything larger would cost the extractor seconds and the library space for nothing.
 */
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;

/** The cap as people read it ("15.0 MB"). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
