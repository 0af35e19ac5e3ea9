/** `export`: the clips a search selects, in one of the export formats, to a file, a folder or stdout. */
import { createWriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_FORMATS } from '../api.js';
import type { ExportFormat } from '../api.js';
import type { Library } from '../core/index.js';
import { oneOf, usage } from './args.js';
import type { Commands, Output } from './command.js';
import type { Flags } from './options.js';

export const exportCommands = {
  export: exportTo,
} satisfies Commands;

/**
 * Exports the clips a search query selects (every clip outside the trash without one) to `--out`, or
 * to stdout for the formats that are one stream of text; a backup is always the whole library.
 */
async function exportTo(library: Library, words: string[], flags: Flags): Promise<Output | undefined> {
  const format = oneOf(flags.format ?? 'json', EXPORT_FORMATS, '--format') as ExportFormat;
  if (format === 'backup') {
    if (words.length > 0) throw usage('a backup holds the whole library: leave out the query');
    return backup(library, needOut(flags.out, 'backup --out FILE.zip'));
  }
  const ids = words.length > 0 ? library.exports.idsMatching(words.join(' ')) : undefined;
  if (format === 'vault') {
    const written = await library.exports.exportVault(needOut(flags.out, 'vault --out FOLDER'), ids);
    return { data: written, text: `wrote ${written.notes} note(s) to ${written.dir}` };
  }
  const chunks = library.exports.export(format, ids, flags.out && format === 'markdown' ? pictureFolderBeside(flags.out) : undefined);
  if (!flags.out) {
    await pipeline(Readable.from(chunks), process.stdout, { end: false });
    return undefined;
  }
  const bytes = await writeCounted(chunks, createWriteStream(flags.out));
  return { data: { file: flags.out, bytes, clips: ids?.length }, text: `wrote ${flags.out}` };
}

async function backup(library: Library, file: string): Promise<Output> {
  const counts = await library.exports.backup(file);
  const text = `backed up ${counts.clips} clip(s), ${counts.bodies} text(s) and ${counts.pictures} picture(s) to ${file}`;
  return { data: { file, ...counts }, text };
}

function needOut(out: string | undefined, form: string): string {
  if (!out) throw usage(`usage: clipdesk export --format ${form}`);
  return out;
}

/** A Markdown file's pictures go in a folder beside it named after it: notes.md links to notes-pictures/. */
function pictureFolderBeside(file: string): { path: string; href: string } {
  const folder = `${basename(file, extname(file))}-pictures`;
  return { path: join(dirname(file), folder), href: encodeURIComponent(folder) };
}

/** Writes text as it comes and says how many bytes it wrote. */
async function writeCounted(chunks: AsyncIterable<string>, to: Writable): Promise<number> {
  let bytes = 0;
  await pipeline(chunks, async function* (source: AsyncIterable<string>) {
    for await (const chunk of source) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  }, to);
  return bytes;
}
