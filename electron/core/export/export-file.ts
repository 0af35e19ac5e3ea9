import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileExportFormat } from '../../api.js';

/** An export made whole in memory for the window to save (the CLI streams to a path instead). */
export interface ExportedBytes {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The extension a saved export gets, and the media type it is sent with. */
const FILE_KINDS: Record<FileExportFormat, { extension: string; type: string }> = {
  w3c: { extension: 'jsonld', type: 'application/ld+json' },
  netscape: { extension: 'html', type: 'text/html' },
  markdown: { extension: 'md', type: 'text/markdown' },
  csv: { extension: 'csv', type: 'text/csv' },
  json: { extension: 'json', type: 'application/json' },
  html: { extension: 'html', type: 'text/html' },
  backup: { extension: 'zip', type: 'application/zip' },
};

/** The file a save dialog offers, e.g. `clipdesk-netscape-2026-12-03.html`. */
export function exportedFile(format: FileExportFormat, bytes: Uint8Array, now = new Date()): ExportedBytes {
  const { extension, type } = FILE_KINDS[format];
  return { name: `clipdesk-${format}-${now.toISOString().slice(0, 10)}.${extension}`, type, bytes };
}

export async function collectText(chunks: AsyncIterable<string>): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk, 'utf8'));
  return Buffer.concat(parts);
}

/** The bytes of an archive that is written to a path: it is written to a private temp folder, read back and removed. */
export async function bytesWrittenBy(write: (file: string) => Promise<unknown>): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'clipdesk-export-'));
  try {
    const file = join(dir, 'export');
    await write(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
