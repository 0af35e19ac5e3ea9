import type { Clip, StreamedExportFormat } from '../../api.js';
import { csvExport } from './csv.js';
import { htmlExport } from './html.js';
import { jsonExport } from './json.js';
import { markdownExport } from './markdown.js';
import { netscapeExport } from './netscape.js';
import { w3cExport } from './w3c.js';
import type { ExportWriter } from './export-writer.js';

const WRITERS: Record<StreamedExportFormat, () => ExportWriter> = {
  json: jsonExport, markdown: markdownExport, html: htmlExport, csv: csvExport, w3c: w3cExport, netscape: netscapeExport,
};

/**
 * Serializes clips, with their highlights and notes, in one of the export formats, a clip at a time:
 * a library of any size is written without holding more than one clip in memory.
 */
export async function* exportClips(clips: AsyncIterable<Clip>, format: StreamedExportFormat): AsyncGenerator<string> {
  const writer = WRITERS[format]();
  yield writer.begin;
  let count = 0;
  for await (const clip of clips) {
    yield (count > 0 ? writer.between : '') + writer.item(clip);
    count++;
  }
  yield writer.end(count);
}
