import { parsePublished } from '../metadata/dates.js';
import type { PublishedDate } from '../metadata/dates.js';

/** A plain-text clipping in the seed format: title, blank line, `来源: … 时间: …`, indented paragraphs, `(byline)`. */
export interface SeedClipping {
  title: string;
  source: string | null;
  published: PublishedDate | null;
  paragraphs: string[];
  byline: string | null;
}

const HEADER_FIELD = /(来源|时间)\s*[:：]/g;
const HEADER_START = /^[\s\u3000]*(?:来源|时间)\s*[:：]/;
const MAX_LINES_BEFORE_HEADER = 3;
const TRAILING_BYLINE = /[(（]([^()（）\n]{1,120})[)）][\s\u3000]*$/;

/** The seed clipping in a text, or null when the text is not in the seed format. */
export function parseSeedText(raw: string): SeedClipping | null {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const titleIndex = lines.findIndex((line) => trimEdges(line) !== '');
  const title = trimEdges(lines[titleIndex] ?? '');
  if (titleIndex < 0 || HEADER_START.test(title)) return null;
  const headerIndex = findHeader(lines, titleIndex + 1);
  if (headerIndex < 0) return null;
  const header = readHeader(lines[headerIndex] ?? '');
  const { paragraphs, byline } = splitByline(lines.slice(headerIndex + 1).map(trimEdges).filter(Boolean));
  return { title, ...header, paragraphs, byline };
}

function findHeader(lines: string[], from: number): number {
  for (let i = from; i < lines.length && i <= from + MAX_LINES_BEFORE_HEADER; i += 1) {
    const line = lines[i] ?? '';
    if (HEADER_START.test(line)) return i;
    if (trimEdges(line) !== '') return -1;
  }
  return -1;
}

/** `来源: X   时间: Y` in either order, with ASCII or full-width colons, either field possibly absent. */
function readHeader(line: string): { source: string | null; published: PublishedDate | null } {
  const fields = new Map<string, string>();
  const matches = [...line.matchAll(HEADER_FIELD)];
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? line.length;
    fields.set(match[1] ?? '', trimEdges(line.slice(start, end)));
  });
  const source = fields.get('来源');
  return { source: source ? source : null, published: parsePublished(fields.get('时间')) };
}

/** The byline is the parenthesised text that ends the last paragraph. */
function splitByline(paragraphs: string[]): { paragraphs: string[]; byline: string | null } {
  const last = paragraphs.at(-1);
  const match = last === undefined ? null : TRAILING_BYLINE.exec(last);
  if (!last || !match) return { paragraphs, byline: null };
  const rest = trimEdges(last.slice(0, match.index));
  const byline = trimEdges(match[1] ?? '') || null;
  return { paragraphs: rest ? [...paragraphs.slice(0, -1), rest] : paragraphs.slice(0, -1), byline };
}

/**
 * Spaces of any kind off both ends; trim() knows the ideographic space, NBSP and the BOM. Not a
 * /\s+$/ replace: that retries from every space of a long run inside a line, seconds per line.
 */
function trimEdges(text: string): string {
  return text.trim();
}
