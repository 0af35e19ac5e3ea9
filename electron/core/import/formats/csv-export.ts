/** The CSV exports (Pocket's lone part, Instapaper, Readwise Reader, Raindrop.io) read alike: a row is an entry or a problem. */
import { decodeText } from '../../clip/decode/charset.js';
import { countOf } from '../entry-fields.js';
import { isImportProblem } from '../import-entry.js';
import type { ExportFile, ImportEntry, ImportFormat, ImportProblem } from '../import-entry.js';
import { countCsvRows, csvRows } from '../read/csv-rows.js';
import type { CsvRow } from '../read/csv-rows.js';

export interface CsvFormat {
  format: ImportFormat;
  /** What the file is, for its description: "Instapaper export (CSV)". */
  name: string;
  /** The header names (lower-cased) that tell the format, whatever other columns it has and in what order. */
  columns: readonly string[];
  entryOf: (row: CsvRow) => ImportEntry | ImportProblem;
}

export function hasColumns({ columns }: CsvFormat, header: readonly string[]): boolean {
  return columns.every((name) => header.includes(name));
}

export function openCsvExport({ format, name, entryOf }: CsvFormat, bytes: Uint8Array): ExportFile {
  // Excel re-saves CSV files in the system's code page (GBK on Chinese Windows): decodeText finds it.
  const text = decodeText(bytes).text;
  const itemCount = countCsvRows(text);
  return {
    format,
    description: `${name}, ${countOf(itemCount, 'item')}`,
    entries: async function* () {
      for await (const row of csvRows(text, '')) yield isImportProblem(row) ? row : entryOf(row);
    },
  };
}
