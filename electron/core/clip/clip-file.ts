import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ExtractedClip } from '../../api.js';
import { ClipdeskError } from '../errors.js';
import { decodeHtml, decodeText } from './charset.js';
import { extractHtml } from './extract-html.js';
import { DEFAULT_MAX_BYTES } from './fetch-page.js';
import { clipFromText } from './text-clip.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const BINARY_PROBE = 1024;

/** A clip from a saved page (.html/.htm/.xhtml), a text clipping (.txt) or a Markdown file (.md). */
export async function clipFromFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ExtractedClip> {
  kindOf(path);
  return clipFromFileBytes(path, await readCapped(path, maxBytes));
}

/** The same for a file's bytes that arrived without a path, e.g. dropped onto the window. */
export function clipFromFileBytes(name: string, bytes: Uint8Array): ExtractedClip {
  const kind = kindOf(name);
  if (looksBinary(bytes)) throw new ClipdeskError('BAD_INPUT', `${name} is not a text file, whatever its name says.`);
  if (kind === 'html') return extractHtml(decodeHtml(bytes).text, null);
  return clipFromText(decodeText(bytes).text, { markdown: kind === 'markdown' });
}

function kindOf(name: string): 'html' | 'markdown' | 'text' {
  const extension = extname(name).toLowerCase();
  if (HTML_EXTENSIONS.has(extension)) return 'html';
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  throw new ClipdeskError('UNSUPPORTED', `Clipdesk imports .html, .htm, .xhtml, .txt and .md files, not "${extension || 'files without an extension'}".`);
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
  if (size > maxBytes) throw new ClipdeskError('TOO_LARGE', `${path} is larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MB.`);
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** NUL bytes in the first KB mean binary content, unless a UTF-16 byte-order mark explains them. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, BINARY_PROBE).includes(0);
}
