import type { Clip } from '../../api.js';
import type { ExportWriter } from './export-writer.js';

const COLUMNS = ['id', 'title', 'url', 'source', 'byline', 'publishedAt', 'clippedAt', 'tags', 'starred', 'note', 'highlights'] as const;

/** One row per clip (RFC 4180 quoting), highlights joined by blank lines, for spreadsheets. */
export function csvExport(): ExportWriter {
  return { begin: row(COLUMNS), item: (clip) => row(fieldsOf(clip)), between: '', end: () => '' };
}

function fieldsOf(clip: Clip): string[] {
  return [
    clip.id, clip.title, clip.url ?? '', clip.source ?? '', clip.byline ?? '', clip.publishedAt ?? '', clip.clippedAt,
    clip.tags.join('; '), String(clip.starred), clip.note,
    clip.annotations.map((a) => a.target.selector[0].exact + (a.note ? ` — ${a.note}` : '')).join('\n\n'),
  ];
}

function row(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}
