import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Library } from '../../electron/core/library.js';

const run = promisify(execFile);

/**
 * The README's picture of a printed press review: the library's clips by tag with their highlights,
 * printed to PDF as `clipdesk digest` prints it, and the page that holds `phrase` rendered by pdftoppm.
 */
export async function photographPressReview(library: Library, phrase: string, png: string): Promise<void> {
  const definition = { title: 'Weekly press review', query: '', group: 'tag', content: 'highlights', order: 'date', paper: 'a4' } as const;
  const { bytes } = await library.digests.make(definition, 'pdf');
  const dir = await mkdtemp(join(tmpdir(), 'clipdesk-review-'));
  try {
    const pdf = join(dir, 'review.pdf');
    await writeFile(pdf, bytes);
    const page = await pageWith(pdf, phrase);
    await run('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, png.replace(/\.png$/, '')]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pageWith(pdf: string, phrase: string): Promise<number> {
  const pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
  for (let page = 1; page <= pages; page++) {
    const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']);
    if (stdout.replace(/\s+/g, ' ').includes(phrase)) return page;
  }
  throw new Error(`no page of the press review holds "${phrase}"`);
}
