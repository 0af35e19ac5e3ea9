/**
 * Maps between the rendered clip content (DOM text nodes) and the clip's plain `text`, which the core
 * derives from the same HTML by collapsing white space and separating blocks with "\n\n". Only
 * non-white-space characters are matched, in order, so the two agree however spaces were folded.
 * Annotation offsets are Unicode code points; the DOM counts UTF-16 units: both are converted here.
 * What the text leaves out (pictures' captions, shared/text-omissions.ts) is not mapped.
 */
import { isLeftOutOfText } from '../electron/shared/text-omissions.js';

export interface TextMap {
  nodes: Text[];
  /** Per node, per UTF-16 unit: its UTF-16 offset in the clip text, or -1 (white space, unmatched). */
  offsets: Int32Array[];
}

const SPACE = /\s/;
// The DOM's constants by value, so the map also runs on a document made outside a window (the unit tests' jsdom).
const TEXT_NODE = 3;
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

export function mapText(root: Node, text: string): TextMap {
  const nodes: Text[] = [];
  const offsets: Int32Array[] = [];
  let cursor = 0;
  // Elements are visited only to reject what the text leaves out, with everything inside it. Clips
  // saved before captions left the text still hold them where they stand: those are mapped.
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      const element = node as Element;
      return isLeftOutOfText(element) && !holdsAt(text, cursor, element.textContent ?? '') ? FILTER_REJECT : FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    const map = new Int32Array(value.length).fill(-1);
    for (let i = 0; i < value.length; i++) {
      const char = value[i] ?? '';
      if (SPACE.test(char)) continue;
      while (cursor < text.length && SPACE.test(text[cursor] ?? '')) cursor++;
      if (text[cursor] === char) {
        map[i] = cursor++;
      } else {
        // Out of step (content and text from different versions?): re-find this run of characters.
        const run = value.slice(i).split(/\s/)[0] ?? char;
        const found = text.indexOf(run, cursor);
        if (found >= 0) {
          cursor = found;
          map[i] = cursor++;
        }
      }
    }
    nodes.push(node);
    offsets.push(map);
  }
  return { nodes, offsets };
}

/** Whether `passage`, white space aside, is what `text` says from `from` on. */
function holdsAt(text: string, from: number, passage: string): boolean {
  let at = from;
  let matched = false;
  // By UTF-16 unit, as the map counts: a character outside the BMP is two.
  for (const char of passage.split('')) {
    if (SPACE.test(char)) continue;
    while (at < text.length && SPACE.test(text[at] ?? '')) at++;
    if (text[at] !== char) return false;
    at++;
    matched = true;
  }
  return matched;
}

/** The clip-text range [start, end) in UTF-16 units that a DOM range covers, or null if it covers none. */
export function rangeToText(map: TextMap, range: Range): { start: number; end: number } | null {
  let start = Infinity;
  let end = -1;
  map.nodes.forEach((node, n) => {
    if (!range.intersectsNode(node)) return;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.length;
    const units = map.offsets[n] ?? new Int32Array();
    for (let i = from; i < to; i++) {
      const offset = units[i] ?? -1;
      if (offset < 0) continue;
      start = Math.min(start, offset);
      end = Math.max(end, offset + 1);
    }
  });
  return end > start ? { start, end } : null;
}

/**
 * DOM ranges (one per text node) covering the clip-text range [start, end) in UTF-16 units. Where the
 * passage runs on into another node (a link, bold text, an earlier highlight), the white space at that
 * edge belongs to it too, so the painted highlight has no gap between "of" and a following <a>.
 */
export function textToRanges(map: TextMap, start: number, end: number): Range[] {
  const spans: { node: Text; units: Int32Array; first: number; last: number }[] = [];
  map.nodes.forEach((node, n) => {
    const units = map.offsets[n] ?? new Int32Array();
    let first = -1;
    let last = -1;
    units.forEach((offset, i) => {
      if (offset < start || offset >= end) return;
      if (first < 0) first = i;
      last = i;
    });
    if (first >= 0) spans.push({ node, units, first, last });
  });
  return spans.map(({ node, units, first, last }, k) => {
    if (k > 0) while (first > 0 && units[first - 1] === -1 && SPACE.test(node.data[first - 1] ?? '')) first--;
    if (k < spans.length - 1) while (last < units.length - 1 && units[last + 1] === -1 && SPACE.test(node.data[last + 1] ?? '')) last++;
    const range = new Range();
    range.setStart(node, first);
    range.setEnd(node, last + 1);
    return range;
  });
}

/** Converts between code-point offsets (the API's) and UTF-16 offsets (the DOM's) over one text. */
export class Offsets {
  readonly #unitsOfPoint: number[] | null;

  constructor(text: string) {
    // Most texts have no astral characters: then both kinds of offsets are the same numbers.
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.#unitsOfPoint = null;
      return;
    }
    const units = [0];
    for (const char of text) units.push((units.at(-1) ?? 0) + char.length);
    this.#unitsOfPoint = units;
  }

  toUnits(point: number): number {
    return this.#unitsOfPoint ? (this.#unitsOfPoint[point] ?? this.#unitsOfPoint.at(-1) ?? 0) : point;
  }

  toPoints(unit: number): number {
    if (!this.#unitsOfPoint) return unit;
    const index = this.#unitsOfPoint.findIndex((units) => units >= unit);
    return index < 0 ? this.#unitsOfPoint.length - 1 : index;
  }
}
