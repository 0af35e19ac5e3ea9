import { firstAttribute, LAZY_SRC, LAZY_SRCSET } from './lazy-attributes.js';
import { matchesReaderScreen } from './media-query.js';
import { isPlaceholder } from './placeholder-images.js';
import { chooseCandidate, parseSrcset } from './srcset.js';

/** One way an image names its addresses; `mayBeStandIn` where a page puts placeholders (what shows before scripts run). */
interface AddressSet {
  srcset: string | null;
  src: string | null;
  mayBeStandIn: boolean;
}

/** What a `<source type>` may announce for the store to keep it (the formats the picture fetcher accepts). */
const IMAGE_TYPES = new Set([
  'image/jpeg', 'image/jpg', 'image/pjpeg', 'image/png', 'image/apng', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml',
]);
/** A value naming one image file: an address whose path ends in a picture extension. */
export const IMAGE_FILE = /^[^\s?#]+\.(?:jpe?g|png|gif|webp|avif)(?:[?#]\S*)?$/i;
/** Size words in the names of attributes that hold variants (data-src-large, data-medium-file), best first for a column. */
const PREFERRED_SIZES = ['large', 'medium', 'full', 'original'];
const AVOIDED_SIZES = ['small', 'thumb', 'mini', 'tiny'];
const NOT_ADDRESSES = new Set(['src', 'srcset', 'alt', 'title', 'class', 'id', 'style', 'width', 'height', 'sizes']);

/**
 * The real address of an `<img>` (absolute http(s)), or null when it has only a stand-in or nothing.
 * In order: the first of its `<picture>`'s sources meant for the reader's screen, its lazy-loading
 * attributes (scripts put the real address there whatever `src` shows), its own srcset and src, and
 * last any other attribute that names an image file.
 */
export function bestAddress(image: Element, base: string | null): string | null {
  for (const set of addressSets(image)) {
    const address = addressOf(set, base);
    if (address) return address;
  }
  return null;
}

/**
 * An address made absolute against the base, when it is http(s) and looks like an address at all:
 * not "true" or "1", and not a JSON object some scripts keep in the same attribute.
 */
export function absoluteAddress(value: string | null, base: string | null): URL | null {
  const address = value?.trim();
  if (!address || address.startsWith('#') || !/[./]/.test(address) || /[\s"'<>{}]/.test(address)) return null;
  try {
    const url = base ? new URL(address, base) : new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function addressSets(image: Element): AddressSet[] {
  return [
    ...sourceSets(image),
    { srcset: firstAttribute(image, LAZY_SRCSET), src: firstAttribute(image, LAZY_SRC), mayBeStandIn: false },
    { srcset: image.getAttribute('srcset'), src: image.getAttribute('src'), mayBeStandIn: true },
    { srcset: null, src: namedImageFile(image), mayBeStandIn: true },
  ];
}

function sourceSets(image: Element): AddressSet[] {
  const picture = image.parentElement?.tagName === 'PICTURE' ? image.parentElement : null;
  const sources = Array.from(picture?.children ?? []).filter((child) => child.tagName === 'SOURCE' && suitsReader(child));
  return sources.flatMap((source) => [
    { srcset: firstAttribute(source, LAZY_SRCSET), src: null, mayBeStandIn: false },
    { srcset: source.getAttribute('srcset'), src: null, mayBeStandIn: true },
  ]);
}

function suitsReader(source: Element): boolean {
  const type = source.getAttribute('type')?.split(';')[0]?.trim().toLowerCase();
  return (!type || IMAGE_TYPES.has(type)) && matchesReaderScreen(source.getAttribute('media') ?? '');
}

/**
 * The candidate of one address set, read as a browser reads `srcset` with `src`. A srcset lists the
 * same picture at other sizes, so beside a real src only candidates from the src's own server count.
 */
function addressOf(set: AddressSet, base: string | null): string | null {
  const src = usableAddress(set.src, base, set.mayBeStandIn);
  const candidates = parseSrcset(set.srcset ?? '').flatMap((candidate) => {
    const url = usableAddress(candidate.url, base, set.mayBeStandIn);
    return url && (!src || url.host === src.host) ? [{ ...candidate, url: url.href }] : [];
  });
  const coversSrc = candidates.some((candidate) => candidate.width !== undefined || (candidate.density ?? 1) === 1);
  if (src && !coversSrc) candidates.push({ url: src.href });
  return chooseCandidate(candidates)?.url ?? null;
}

function usableAddress(value: string | null, base: string | null, mayBeStandIn: boolean): URL | null {
  const url = absoluteAddress(value, base);
  return url && !(mayBeStandIn && isPlaceholder(url)) ? url : null;
}

/** Any attribute that names an image file, the column-sized variant first (data-src-large before data-src-mini). */
function namedImageFile(image: Element): string | null {
  const named = Array.from(image.attributes).filter(({ name, value }) => !NOT_ADDRESSES.has(name) && IMAGE_FILE.test(value.trim()));
  return named.toSorted((a, b) => sizeRank(a.name) - sizeRank(b.name))[0]?.value.trim() ?? null;
}

function sizeRank(name: string): number {
  const preferred = PREFERRED_SIZES.findIndex((word) => name.includes(word));
  if (preferred !== -1) return preferred;
  return AVOIDED_SIZES.some((word) => name.includes(word)) ? PREFERRED_SIZES.length + 1 : PREFERRED_SIZES.length;
}
