/**
 * The screen a clip is read on, for the `media` of a `<picture>`'s sources: a desktop window about as
 * wide as the reading column's target, on a high-resolution display. Sites pick their art direction
 * (a wide crop for desktops, a square one for phones) with these queries.
 */
const READER = { width: 1024, height: 768, density: 2 };
const EM_PIXELS = 16;

const FEATURE = /^\(\s*([a-z-]+)\s*:\s*([^)]+?)\s*\)$/;
const LENGTH = /^(\d*\.?\d+)(px|em|rem)$/;

/**
 * Whether a media query list matches the reader's screen. Width, height, resolution, pixel ratio and
 * orientation are understood; a query with any other feature (colour scheme, hover, ...) does not
 * match, so a source meant for a special case is not taken for the general picture.
 */
export function matchesReaderScreen(media: string): boolean {
  const list = media.trim().toLowerCase();
  return list === '' || list.split(',').some((query) => matchesQuery(query.trim()));
}

function matchesQuery(query: string): boolean {
  const negated = query.startsWith('not ');
  const parts = query.replace(/^(?:not|only)\s+/, '').split(/\s+and\s+/);
  const matches = parts.every((part) => (part.startsWith('(') ? matchesFeature(part) : part === 'all' || part === 'screen'));
  return negated ? !matches : matches;
}

function matchesFeature(feature: string): boolean {
  const [, name = '', value = ''] = FEATURE.exec(feature) ?? [];
  const [, prefix = '', property = ''] = /^(?:-webkit-)?(min-|max-)?(?:device-)?(.*)$/.exec(name) ?? [];
  if (property === 'orientation') return value === 'landscape';
  const actual = readerValue(property);
  const wanted = property === 'pixel-ratio' ? Number(value) : measure(value);
  if (actual === null || wanted === null || Number.isNaN(wanted) || !prefix) return false;
  return prefix === 'min-' ? actual >= wanted : actual <= wanted;
}

function readerValue(property: string): number | null {
  if (property === 'width') return READER.width;
  if (property === 'height') return READER.height;
  if (property === 'resolution' || property === 'pixel-ratio') return READER.density;
  return null;
}

/** A length in CSS pixels or a resolution in dppx. */
function measure(value: string): number | null {
  const length = LENGTH.exec(value);
  if (length) return Number(length[1]) * (length[2] === 'px' ? 1 : EM_PIXELS);
  const resolution = /^(\d*\.?\d+)(dppx|x|dpi|dpcm)$/.exec(value);
  if (!resolution) return null;
  const amount = Number(resolution[1]);
  return resolution[2] === 'dpi' ? amount / 96 : resolution[2] === 'dpcm' ? (amount * 2.54) / 96 : amount;
}
