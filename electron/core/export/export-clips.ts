import type { Clip, ExportFormat } from '../../api.js';
import { clipsToCsv } from './csv.js';
import { clipsToHtml } from './html.js';
import { clipsToMarkdown } from './markdown.js';

/** Serializes clips, with their highlights and notes, in one of the export formats. */
export function exportClips(clips: readonly Clip[], format: ExportFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify({ exportedAt: new Date().toISOString(), clips }, null, 2)}\n`;
    case 'markdown': return clipsToMarkdown(clips);
    case 'html': return clipsToHtml(clips);
    case 'csv': return clipsToCsv(clips);
  }
}
