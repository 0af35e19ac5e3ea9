export { clipFromUrl } from './input/clip-url.js';
export { clipFromHtml } from './input/clip-html.js';
export type { ClipHtmlOptions } from './input/clip-html.js';
export { clipFromText } from './input/text-clip.js';
export type { ClipTextOptions } from './input/text-clip.js';
export { clipFromBase64File, clipFromFile, clipFromFileBytes } from './input/clip-file.js';
export { canonicalizeUrl } from './metadata/canonical-url.js';
