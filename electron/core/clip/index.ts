export { clipFromUrl } from './clip-url.js';
export { clipFromHtml } from './clip-html.js';
export type { ClipHtmlOptions } from './clip-html.js';
export { clipFromText } from './text-clip.js';
export type { ClipTextOptions } from './text-clip.js';
export { clipFromFile, clipFromFileBytes } from './clip-file.js';
export { canonicalizeUrl } from './canonical-url.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './fetch-page.js';
