import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ExtractedClip } from '../../../api.js';
import { clippableKind } from '../../../shared/clippable-files.js';
import type { ClippableKind } from '../../../shared/clippable-files.js';
import { MAX_PAGE_BYTES, megabytes } from '../../../shared/limits.js';
import { ClipdeskError } from '../../errors.js';
import { decodeText } from '../decode/charset.js';
import { clipFromHtml } from './clip-html.js';
import { checkPageBytes } from './page-limits.js';
import { clipFromText } from './text-clip.js';

/** A clip from a saved page (.html/.htm/.xhtml), a text clipping (.txt) or a Markdown file (.md). */
export async function clipFromFile(path: string, maxBytes = MAX_PAGE_BYTES): Promise<ExtractedClip> {
  kindOf(path);
  return clipFromFileBytes(path, await readCapped(path, maxBytes));
}

/** The same for a file's bytes that arrived without a path, e.g. dropped onto the window. */
export function clipFromFileBytes(name: string, bytes: Uint8Array): ExtractedClip {
  const kind = kindOf(name);
  if (bytes.length > MAX_PAGE_BYTES) throw tooLarge(name, MAX_PAGE_BYTES);
  checkPageBytes(bytes, (problem) => new ClipdeskError('BAD_INPUT', `${name} ${problem}.`));
  if (kind === 'html') return clipFromHtml(bytes);
  return clipFromText(decodeText(bytes).text, { markdown: kind === 'markdown' });
}

/** The same for a file's bytes sent as base64 (by the window), refused by size before they are decoded. */
export function clipFromBase64File(name: string, data: string): ExtractedClip {
  kindOf(name);
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  if (Math.floor(data.length / 4) * 3 - padding > MAX_PAGE_BYTES) throw tooLarge(name, MAX_PAGE_BYTES);
  return clipFromFileBytes(name, Buffer.from(data, 'base64'));
}

function kindOf(name: string): ClippableKind {
  const kind = clippableKind(name);
  if (kind) return kind;
  const extension = extname(name).toLowerCase() || 'files without an extension';
  throw new ClipdeskError('UNSUPPORTED', `Clipdesk imports .html, .htm, .xhtml, .txt and .md files, not "${extension}".`);
}

async function readCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ClipdeskError('BAD_INPUT', `${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof ClipdeskError) throw error;
    throw new ClipdeskError('BAD_INPUT', `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (size > maxBytes) throw tooLarge(path, maxBytes);
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function tooLarge(name: string, maxBytes: number): ClipdeskError {
  return new ClipdeskError('TOO_LARGE', `${name} is larger than ${megabytes(maxBytes)}.`);
}
