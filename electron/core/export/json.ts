import type { ExportWriter } from './export-writer.js';

/** `{ exportedAt, clips: [...] }`, laid out exactly as JSON.stringify(value, null, 2) would. */
export function jsonExport(): ExportWriter {
  return {
    begin: `{\n  "exportedAt": ${JSON.stringify(new Date().toISOString())},\n  "clips": [`,
    // A clip sits two levels deep; JSON strings hold no raw line breaks, so indenting lines is safe.
    item: (clip) => `\n${JSON.stringify(clip, null, 2).replace(/^/gm, '    ')}`,
    between: ',',
    end: (count) => (count > 0 ? '\n  ]\n}\n' : ']\n}\n'),
  };
}
