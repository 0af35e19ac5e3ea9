import type { Annotation, Clip, DigestContent, DigestGroup, Paper } from '../../api.js';
import { formatDateTime, formatPublished, plural, publishedDate } from '../../shared/date-format.js';
import type { DateLocale } from '../../shared/date-format.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { dayOf, digestSections } from './digest-groups.js';
import { DEFAULT_DIGEST_TITLE } from './digest-title.js';
import type { DigestSection } from './digest-groups.js';
import type { DigestPeriod } from './digest-period.js';
import { digestStyles } from './digest-styles.js';

/** Everything a press review shows, its items in order (with their pictures inline for `full`). */
export interface DigestDocument {
  title: string;
  period: DigestPeriod;
  compiledAt: Date;
  group: DigestGroup;
  content: DigestContent;
  paper: Paper;
  clips: readonly Clip[];
}

/**
 * The press review as one self-contained HTML file: cover, table of contents, items. Every value is
 * escaped; the only markup taken as is, a clip's content, was sanitized when it was clipped, and the
 * CSP forbids script and every load but inline pictures anyway, in a browser, a mail client or print.
 */
export function digestHtml(digest: DigestDocument, where: DateLocale = {}): string {
  const title = digest.title.trim() || DEFAULT_DIGEST_TITLE;
  const sections = digestSections(digest.clips, digest.group, where);
  const numbered = numberItems(sections);
  return `<!doctype html>
<html lang="${langOf(title) ?? 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Clipdesk">
<title>${escapeHtml(title)}</title>
<style>${digestStyles(digest.paper)}</style>
</head>
<body class="content-${digest.content}">
${cover(title, digest, where)}
${contents(numbered, where)}
<main>
${numbered.map((section) => sectionHtml(section, digest.content, where)).join('\n')}
</main>
</body>
</html>
`;
}

interface NumberedSection {
  heading: string | null;
  items: Array<{ n: number; clip: Clip }>;
}

/** Items are numbered through the whole digest, so `#item-7` is one place in the file and the PDF. */
function numberItems(sections: readonly DigestSection[]): NumberedSection[] {
  let n = 0;
  return sections.map(({ heading, clips }) => ({ heading, items: clips.map((clip) => ({ n: ++n, clip })) }));
}

function cover(title: string, digest: DigestDocument, where: DateLocale): string {
  const period = periodText(digest.period, digest.clips, where);
  const compiled = formatDateTime(digest.compiledAt.toISOString(), where);
  return `<header class="cover">
<p class="kind">Press review</p>
<h1${langAttribute(title)}>${escapeHtml(title)}</h1>
${period ? `<p class="period">${escapeHtml(period)}</p>` : ''}
<p class="facts">${plural(digest.clips.length, 'item')} · compiled ${escapeHtml(compiled)}</p>
</header>`;
}

/** The period asked for; where it is open, the span of the items' own dates closes it. */
function periodText(period: DigestPeriod, clips: readonly Clip[], where: DateLocale): string {
  const days = clips.map(dayOf).sort();
  const from = formatPublished(period.from ?? days[0] ?? null, where);
  const to = formatPublished(period.to ?? days.at(-1) ?? null, where);
  if (!from || !to) return from ?? to ?? '';
  return from === to ? from : `${from} – ${to}`;
}

function contents(sections: readonly NumberedSection[], where: DateLocale): string {
  const headingOf = (heading: string | null) => (heading === null ? '' : `<h3${langAttribute(heading)}>${escapeHtml(heading)}</h3>\n`);
  const lists = sections.map(({ heading, items }) => `${headingOf(heading)}<ol start="${items[0]?.n ?? 1}">
${items.map(({ n, clip }) => `<li><a href="#item-${n}"${langAttribute(clip.title, clip.language)}>${escapeHtml(clip.title)}</a> \
<span class="meta">${escapeHtml(facts(clip, where, false))}</span></li>`).join('\n')}
</ol>`);
  return `<nav class="contents" aria-labelledby="contents-heading">
<h2 id="contents-heading">Contents</h2>
${lists.join('\n')}
</nav>`;
}

function sectionHtml(section: NumberedSection, content: DigestContent, where: DateLocale): string {
  const items = section.items.map(({ n, clip }) => itemHtml(n, clip, content, where)).join('\n');
  if (section.heading === null) return `<section class="group">\n${items}\n</section>`;
  return `<section class="group">\n<h2${langAttribute(section.heading)}>${escapeHtml(section.heading)}</h2>\n${items}\n</section>`;
}

function itemHtml(n: number, clip: Clip, content: DigestContent, where: DateLocale): string {
  const link = webAddress(clip.url);
  return `<article class="item" id="item-${n}"${langAttribute(clip.title, clip.language)}>
<h3>${escapeHtml(clip.title)}</h3>
<p class="meta">${escapeHtml(facts(clip, where, true))}</p>
${link ? `<p class="original"><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ''}
${body(clip, content)}
${clip.note.trim() ? `<p class="note">${multiline(clip.note.trim())}</p>` : ''}
</article>`;
}

/** Source, byline (in the item only: the contents stays one line) and published date, as the list shows them. */
function facts(clip: Clip, where: DateLocale, withByline: boolean): string {
  const date = publishedDate(clip, where);
  return [clip.source, withByline ? clip.byline : null, date].filter((fact) => fact?.trim()).join(' · ');
}

/** Highlights fall back to the excerpt for an item that has none, so no item is left empty. */
function body(clip: Clip, content: DigestContent): string {
  if (content === 'full') return `<div class="content">\n${clip.content}\n</div>`;
  const highlights = content === 'highlights' ? inTextOrder(clip.annotations) : [];
  if (highlights.length === 0) return clip.excerpt.trim() ? `<p class="excerpt">${escapeHtml(clip.excerpt.trim())}</p>` : '';
  return highlights.map((annotation) => `<blockquote class="highlight hl-${annotation.color}">\
${multiline(annotation.target.selector[0].exact)}</blockquote>\
${annotation.note.trim() ? `\n<p class="highlight-note">${multiline(annotation.note.trim())}</p>` : ''}`).join('\n');
}

function inTextOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.target.selector[1].start - b.target.selector[1].start);
}

function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** Only a web address becomes a link: a `javascript:` or `file:` URL from a hostile page never does. */
function webAddress(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** `lang` where the text is Chinese, so the CJK face, line breaking and justification apply. */
function langAttribute(text: string, language: string | null = null): string {
  const lang = langOf(text, language);
  return lang ? ` lang="${escapeHtml(lang)}"` : '';
}

function langOf(text: string, language: string | null = null): string | null {
  if (language && /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) return language;
  return /\p{Script=Han}/u.test(text) ? 'zh' : null;
}
