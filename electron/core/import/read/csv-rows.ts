/**
 * The rows of a CSV export, streamed through csv-parse and named by the header: exporters add, drop
 * and reorder columns between versions (Pocket's `cursor`), so no format reads a column by position.
 * A row that cannot be read is a problem with its line number; the rows after it are still read.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import { isImportProblem } from '../import-entry.js';
import type { ImportProblem } from '../import-entry.js';
import { problem } from '../entry-fields.js';

export interface CsvRow {
  /** "part_000000.csv line 12": the line the row starts on, the header being line 1. */
  source: string;
  /** The row's values by header name, lower-cased and trimmed. */
  values: Record<string, string>;
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** csv-parse skips a record it cannot read: with quotes relaxed, one whose quote is never closed (it swallows the rest). */
interface Skipped {
  error: CsvError | undefined;
  raw: string;
}

const CHUNK = 64 * 1024;

/** The rows of `text` with their header's names; `label` names the file in each row's source. */
export async function* csvRows(text: string, label: string): AsyncGenerator<CsvRow | ImportProblem> {
  yield* rowsFrom(text, label, null, 1);
}

/** The header's names (lower-cased), read from the first line. */
export function csvHeader(text: string): string[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return splitHeader(firstLine);
}

/** How many rows follow the header, counting quoted newlines as part of their row (cheap: no fields are built). */
export function countCsvRows(text: string): number {
  let rows = 0;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) quoted = !quoted;
    if (code === 0x0a && !quoted) {
      if (!empty) rows++;
      empty = true;
    } else if (code !== 0x0d) empty = false;
  }
  return Math.max(0, rows + (empty ? 0 : 1) - 1);
}

function lineSource(label: string, line: number): string {
  return label ? `${label} line ${line}` : `line ${line}`;
}

async function* rowsFrom(
  text: string, label: string, knownHeader: string[] | null, firstLine: number,
): AsyncGenerator<CsvRow | ImportProblem> {
  const skipped: Skipped[] = [];
  const parser = parse({
    bom: true, info: true, raw: true, relax_quotes: true, relax_column_count: true, skip_records_with_error: true,
    on_skip: (error, raw) => void skipped.push({ error, raw: raw ?? '' }),
  });
  Readable.from(chunks(text)).pipe(parser);
  let header = knownHeader;
  let endLine = firstLine - 1;
  for await (const { record, raw, info } of parser as AsyncIterable<ParsedRecord>) {
    const line = endLine + 1;
    endLine = firstLine - 1 + info.lines;
    if (record.length === 1 && record[0]?.trim() === '') continue;
    if (!header) {
      header = record.map((name) => name.trim().toLowerCase());
      continue;
    }
    const row = rowOf(header, record, lineSource(label, line));
    yield row;
    if (isImportProblem(row)) yield* linesAfterFirst(raw, label, header, line);
  }
  for (const skip of skipped) {
    const unclosed = skip.error?.code === 'CSV_QUOTE_NOT_CLOSED';
    const reason = unclosed ? 'a quote opened on this line is never closed' : (skip.error?.message ?? 'it cannot be read');
    yield problem(lineSource(label, endLine + 1), reason);
    if (header) yield* linesAfterFirst(skip.raw, label, header, endLine + 1);
  }
}

/**
 * A row read wrong takes the lines after it along when a stray quote opened a field across them;
 * reading those lines again from the next one keeps every well-formed row among them.
 */
async function* linesAfterFirst(raw: string, label: string, header: string[], line: number): AsyncGenerator<CsvRow | ImportProblem> {
  const breakAt = raw.search(/\r?\n./s);
  if (breakAt >= 0) yield* rowsFrom(raw.slice(breakAt).replace(/^\r?\n/, ''), label, header, line + 1);
}

function rowOf(header: string[], record: string[], source: string): CsvRow | ImportProblem {
  if (record.length !== header.length) {
    return problem(source, `it has ${record.length} fields where the header names ${header.length} (a missing or stray comma or quote?)`);
  }
  return { source, values: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])) };
}

/** Slices of the text that never split a surrogate pair (the parser turns each slice into bytes). */
function* chunks(text: string): Generator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + CHUNK, text.length);
    if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end++;
    yield text.slice(at, end);
    at = end;
  }
}

function splitHeader(line: string): string[] {
  return line.replace(/^\uFEFF/, '').split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
}
