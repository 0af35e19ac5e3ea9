import type { Clip } from '../../api.js';
import { escapeHtml } from '../../shared/escape-html.js';
import type { ExportWriter } from './export-writer.js';

/**
 * A standalone HTML file of the clips. Their content was sanitized when clipped; the CSP forbids
 * scripts and remote loads anyway, so the file stays inert wherever it is opened.
 */
export function htmlExport(): ExportWriter {
  return {
    begin: `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Clipdesk export</title></head>
<body>
`,
    item: clipToHtml,
    between: '\n<hr>\n',
    end: () => '\n</body></html>\n',
  };
}

function clipToHtml(clip: Clip): string {
  const facts = [clip.source, clip.byline, clip.publishedText].filter(Boolean).map((fact) => escapeHtml(String(fact))).join(' · ');
  const link = clip.url ? `<p><a href="${escapeHtml(clip.url)}">${escapeHtml(clip.url)}</a></p>` : '';
  const highlights = clip.annotations.length === 0 ? '' : `<h2>Highlights</h2>\n${clip.annotations
    .map((a) => `<blockquote>${escapeHtml(a.target.selector[0].exact)}</blockquote>${a.note ? `<p>${escapeHtml(a.note)}</p>` : ''}`)
    .join('\n')}`;
  return `<article>\n<h1>${escapeHtml(clip.title)}</h1>\n<p>${facts}</p>\n${link}\n${clip.content}\n${highlights}\n</article>`;
}
