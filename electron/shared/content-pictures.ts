/**
 * The pictures of a clip's stored content. Sanitizing leaves every picture as an `<img>` with its
 * remote address in `data-src` and no `src` (nothing loads); a picture kept in the library also gets
 * `data-picture="<name>"`, which the reader turns into a local address. The content is the app's own
 * serialization (double-quoted attributes), so its tags are read without parsing the document.
 */
import { escapeHtml } from './escape-html.js';
import { isPictureName } from './picture-names.js';

const IMG_TAG = /<img\b(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*\/?>/g;

/** The remote addresses of pictures not kept yet, each once, in the order they appear. */
export function missingPictureAddresses(content: string): string[] {
  const urls = new Set<string>();
  for (const tag of content.match(IMG_TAG) ?? []) {
    const url = attribute(tag, 'data-src');
    if (url !== null && attribute(tag, 'data-picture') === null) urls.add(url);
  }
  return [...urls];
}

/** The names of the pictures the content shows from the library, each once. */
export function keptPictures(content: string): string[] {
  const names = new Set<string>();
  for (const tag of content.match(IMG_TAG) ?? []) {
    const name = attribute(tag, 'data-picture');
    if (name !== null && isPictureName(name)) names.add(name);
  }
  return [...names];
}

/** The content with each picture whose address `kept` maps to a name marked as kept under that name. */
export function withKeptPictures(content: string, kept: ReadonlyMap<string, string>): string {
  return content.replace(IMG_TAG, (tag) => {
    const url = attribute(tag, 'data-src');
    const name = url === null ? undefined : kept.get(url);
    if (name === undefined || !isPictureName(name) || attribute(tag, 'data-picture') !== null) return tag;
    return tag.replace(/^<img\b/, `<img data-picture="${name}"`);
  });
}

/**
 * The content with a `src` on each picture for which `source` gives one (from its kept name, or null,
 * and its remote address, or null): for files that leave the app, such as exports.
 */
export function withPictureSources(content: string, source: (name: string | null, address: string | null) => string | null): string {
  return content.replace(IMG_TAG, (tag) => {
    const name = attribute(tag, 'data-picture');
    const src = source(name !== null && isPictureName(name) ? name : null, attribute(tag, 'data-src'));
    return src === null ? tag : tag.replace(/^<img\b/, `<img src="${escapeHtml(src)}"`);
  });
}

function attribute(tag: string, name: string): string | null {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? null : decodeAttribute(value);
}

/** The entities an HTML serializer writes in a double-quoted attribute value. */
function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|nbsp|lt|gt);/g, (_, entity: string) => ENTITIES[entity] ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', nbsp: '\u00a0', lt: '<', gt: '>' };
