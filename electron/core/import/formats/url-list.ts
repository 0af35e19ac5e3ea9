/**
 * A plain text or Markdown file of links: one per line, bare or as Markdown links `[title](url)`, in
 * bullets or numbered lists, with headings, rules, blank lines and front matter around them. Text
 * beside a bare URL on its line is its title. A line of other text is reported, not dropped.
 */
import { decodeText } from '../../clip/decode/charset.js';
import { cleanTitle, countOf, pageEntry, problem } from '../entry-fields.js';
import type { ExportFile, ImportEntry, ImportProblem } from '../import-entry.js';

interface Link {
  url: string;
  title: string | null;
}

type Line = { number: number; links: Link[] } | { number: number; text: string };

const MARKDOWN_LINK = /\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const BARE_URL = /<?\b[a-z][a-z0-9+.-]*:\/\/[^\s<>]+>?/gi;
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/;
const STRUCTURE = /^\s*(?:#{1,6}\s|(?:[-*_]\s*){3,}$|```|>\s*$)/;

/** Links on at least half the lines that hold text. */
export function isUrlList(text: string): boolean {
  const lines = [...linesOf(text)];
  const linked = lines.filter((line) => 'links' in line).length;
  return linked > 0 && linked * 2 >= lines.length;
}

export function openUrlList(bytes: Uint8Array): ExportFile {
  const text = decodeText(bytes).text;
  const links = [...linesOf(text)].reduce((count, line) => count + ('links' in line ? line.links.length : 0), 0);
  return {
    format: 'url-list',
    description: `List of links (text or Markdown), ${countOf(links, 'link')}`,
    entries: async function* () {
      for (const line of linesOf(text)) yield* entriesOf(line);
    },
  };
}

function* entriesOf(line: Line): Generator<ImportEntry | ImportProblem> {
  const source = `line ${line.number}`;
  if ('text' in line) yield problem(source, `it holds no link: "${line.text.slice(0, 60)}"`);
  else for (const link of line.links) yield pageEntry(source, link.url, { title: link.title });
}

/** The lines that hold text, each with its links; headings, rules, fences and front matter are structure, not entries. */
function* linesOf(text: string): Generator<Line> {
  const lines = text.split(/\r?\n/);
  let number = frontMatterEnd(lines);
  for (const raw of lines.slice(number)) {
    number++;
    const line = raw.replace(LIST_MARKER, '').trim();
    if (line === '' || STRUCTURE.test(raw)) continue;
    const links = linksOf(line);
    yield links.length > 0 ? { number, links } : { number, text: line };
  }
}

function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.indexOf('---', 1);
  return end > 0 ? end + 1 : 0;
}

function linksOf(line: string): Link[] {
  const markdown = [...line.matchAll(MARKDOWN_LINK)].map(([, title, url]) => ({ url: url ?? '', title: cleanTitle(title) }));
  if (markdown.length > 0) return markdown;
  const bare = [...line.matchAll(BARE_URL)];
  const [only] = bare;
  if (bare.length !== 1 || !only) return bare.map(([url]) => ({ url: trimUrl(url), title: null }));
  // Text before or after a URL that starts or ends the line is its title; a URL amid prose has none.
  const atEdge = only.index === 0 || only.index + only[0].length === line.length;
  const rest = line.replace(only[0], ' ').replace(/^[\s:|–—-]+|[\s:|–—-]+$/g, '');
  return [{ url: trimUrl(only[0]), title: atEdge ? cleanTitle(rest) : null }];
}

/** A URL in running text drops the punctuation after it, and an unmatched closing bracket. */
function trimUrl(url: string): string {
  let trimmed = url.replace(/^<|>$/g, '').replace(/[.,;:!?'"]+$/, '');
  if (trimmed.endsWith(')') && !trimmed.includes('(')) trimmed = trimmed.slice(0, -1);
  return trimmed;
}
