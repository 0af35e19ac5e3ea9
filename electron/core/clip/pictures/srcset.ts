/** One image candidate of a `srcset`: its address and at most one of a width (`640w`) or a density (`2x`). */
export interface SrcsetCandidate {
  url: string;
  width?: number;
  density?: number;
}

/**
 * A reading column is about this wide: the smallest picture at least this many pixels wide is sharp
 * in it, and anything larger is bytes nobody sees.
 */
const COLUMN_PIXELS = 1000;
/** Density a candidate with `x` descriptors is chosen for: a high-resolution screen. */
const SCREEN_DENSITY = 2;

const WHITESPACE = /[\t\n\f\r ]/;
const INTEGER = /^\d+$/;
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a `srcset` value as the HTML standard does ("parse a srcset attribute"): an address runs to
 * the next whitespace (so it may hold commas), a comma right after it or after its descriptors ends
 * the candidate, and a candidate with invalid descriptors is dropped.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && (WHITESPACE.test(value[at] ?? '') || value[at] === ',')) at += 1;
    if (at >= value.length) break;
    const start = at;
    while (at < value.length && !WHITESPACE.test(value[at] ?? '')) at += 1;
    let url = value.slice(start, at);
    let descriptors: string[] = [];
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else [descriptors, at] = readDescriptors(value, at);
    const candidate = candidateOf(url, descriptors);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/** The descriptors after an address, up to the comma that ends the candidate (commas inside parentheses do not). */
function readDescriptors(value: string, from: number): [string[], number] {
  const descriptors: string[] = [];
  let current = '';
  let depth = 0;
  let at = from;
  for (; at < value.length; at += 1) {
    const char = value[at] ?? '';
    if (depth === 0 && char === ',') {
      at += 1;
      break;
    }
    if (depth === 0 && WHITESPACE.test(char)) {
      if (current) descriptors.push(current);
      current = '';
      continue;
    }
    if (char === '(') depth += 1;
    else if (char === ')' && depth > 0) depth -= 1;
    current += char;
  }
  if (current) descriptors.push(current);
  return [descriptors, at];
}

function candidateOf(url: string, descriptors: readonly string[]): SrcsetCandidate | null {
  const candidate: SrcsetCandidate = { url };
  let height = false;
  for (const descriptor of descriptors) {
    const number = descriptor.slice(0, -1);
    const kind = descriptor.slice(-1);
    const taken = candidate.width !== undefined || candidate.density !== undefined;
    if (kind === 'w' && !taken && INTEGER.test(number) && Number(number) > 0) candidate.width = Number(number);
    else if (kind === 'x' && !taken && !height && FLOAT.test(number) && Number(number) >= 0) candidate.density = Number(number);
    else if (kind === 'h' && !height && candidate.density === undefined && INTEGER.test(number) && Number(number) > 0) height = true;
    else return null;
  }
  return height && candidate.width === undefined ? null : candidate;
}

/**
 * The candidate to keep for a reading column, never blindly the largest: with widths, the smallest
 * at least a column wide (else the widest); with densities (none means 1x), the highest up to 2x
 * (else the lowest). A list that mixes widths and densities is read by its widths.
 */
export function chooseCandidate(candidates: readonly SrcsetCandidate[]): SrcsetCandidate | undefined {
  const sized = candidates.filter((candidate) => candidate.width !== undefined);
  if (sized.length > 0) {
    const byWidth = sized.toSorted((a, b) => (a.width ?? 0) - (b.width ?? 0));
    return byWidth.find((candidate) => (candidate.width ?? 0) >= COLUMN_PIXELS) ?? byWidth.at(-1);
  }
  const byDensity = candidates.toSorted((a, b) => (a.density ?? 1) - (b.density ?? 1));
  return byDensity.findLast((candidate) => (candidate.density ?? 1) <= SCREEN_DENSITY) ?? byDensity[0];
}
