import { Marked } from 'marked';
import type { Tokens } from 'marked';
import type { ExtractedClip } from '../../../api.js';
import { ClipdeskError } from '../../errors.js';
import { escapeHtml } from '../../../shared/escape-html.js';
import { buildClip } from '../metadata/build-clip.js';
import { htmlToText } from '../sanitize/html-to-text.js';
import { sanitizeHtml } from '../sanitize/sanitize.js';
import { checkPageUrl } from './clip-html.js';
import { checkTextSize } from './page-limits.js';
import { parseSeedText } from './seed-text.js';
import type { SeedClipping } from './seed-text.js';

export interface ClipTextOptions {
  url?: string;
  markdown?: boolean;
}

const MAX_TITLE_LENGTH = 200;
/** Our own instance, so extensions other modules register on the global `marked` do not leak in. */
const markdown = new Marked({ gfm: true });

/** A clip from pasted or imported text: the seed clipping format when it matches, else Markdown or plain text. */
export function clipFromText(text: string, options: ClipTextOptions = {}): ExtractedClip {
  checkTextSize(text);
  const url = options.url ? checkPageUrl(options.url) : null;
  if (!text.trim()) throw new ClipdeskError('BAD_INPUT', 'There is no text to clip.');
  const seed = parseSeedText(text);
  if (seed) return seedClip(seed, url);
  return options.markdown ? markdownClip(text, url) : plainTextClip(text, url);
}

function seedClip(seed: SeedClipping, url: string | null): ExtractedClip {
  const content = seed.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return buildClip({
    url,
    canonicalUrl: null,
    title: seed.title,
    byline: seed.byline,
    source: seed.source,
    published: seed.published,
    language: null,
    content,
    text: seed.paragraphs.join('\n\n'),
  });
}

function markdownClip(source: string, url: string | null): ExtractedClip {
  const tokens = markdown.lexer(source);
  const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading');
  const heading = headings[0] ? inlineText(headings[0].text) : null;
  // The reader shows the title above the article: a heading that opens the file and is the title whole goes there only.
  const opening = tokens.findIndex((token) => token.type !== 'space');
  if (heading && tokens[opening] === headings[0] && Array.from(heading).length <= MAX_TITLE_LENGTH) tokens.splice(opening, 1);
  const content = sanitizeHtml(markdown.parser(tokens, { async: false }), url);
  const text = htmlToText(content);
  return buildClip({
    url,
    canonicalUrl: null,
    title: shortTitle(heading ?? text),
    byline: null,
    source: null,
    published: null,
    language: null,
    content,
    text,
  });
}

function inlineText(inline: string): string {
  return htmlToText(markdown.parseInline(inline, { async: false }));
}

/** Blank lines separate paragraphs, single newlines are line breaks; the first line names the clip. */
function plainTextClip(plain: string, url: string | null): ExtractedClip {
  const paragraphs = plain
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0\u3000]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
  const content = paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`).join('\n');
  const text = paragraphs.map((lines) => lines.join('\n')).join('\n\n');
  return buildClip({
    url, canonicalUrl: null, title: shortTitle(text),
    byline: null, source: null, published: null, language: null,
    content, text,
  });
}

function shortTitle(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim())?.trim() ?? '';
  const chars = Array.from(firstLine);
  return chars.length > MAX_TITLE_LENGTH ? `${chars.slice(0, MAX_TITLE_LENGTH).join('')}…` : firstLine || 'Untitled';
}
