import TurndownService from 'turndown';
import type { Clip } from '../../api.js';
import type { ExportWriter } from './export-writer.js';

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });

/** One Markdown section per clip: metadata, the article, then highlights with their notes. */
export function markdownExport(): ExportWriter {
  return { begin: '', item: clipToMarkdown, between: '\n\n---\n\n', end: () => '\n' };
}

function clipToMarkdown(clip: Clip): string {
  const facts = [
    clip.source && `Source: ${clip.source}`,
    clip.byline && `By: ${clip.byline}`,
    clip.publishedText && `Published: ${clip.publishedText}`,
    clip.url && `URL: <${clip.url}>`,
    clip.tags.length > 0 && `Tags: ${clip.tags.join(', ')}`,
  ].filter(Boolean);
  return [`# ${clip.title}`, facts.map((fact) => `- ${fact}`).join('\n'), articleMarkdown(clip)].filter(Boolean).join('\n\n');
}

/** The article, then the clip's note and its highlights (each quote with its note), as Markdown sections. */
export function articleMarkdown(clip: Clip): string {
  const parts = [turndown.turndown(clip.content)];
  if (clip.note) parts.push(`## Note\n\n${clip.note}`);
  if (clip.annotations.length > 0) parts.push(`## Highlights\n\n${clip.annotations.map(highlightToMarkdown).join('\n\n')}`);
  return parts.filter(Boolean).join('\n\n');
}

function highlightToMarkdown(annotation: Clip['annotations'][number]): string {
  const quote = `> ${annotation.target.selector[0].exact.replace(/\n+/g, '\n> ')}`;
  return annotation.note ? `${quote}\n\n${annotation.note}` : quote;
}
