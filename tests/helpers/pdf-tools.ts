/** What poppler-utils (pdftotext, pdfinfo, pdftoppm) read from a printed PDF, for tests to check. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

export async function pdfInfo(file: string, ...args: string[]): Promise<string> {
  return (await run('pdfinfo', [...args, file])).stdout;
}

export function pageCount(info: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The share of a page's pixels darker than near-white, rendered small and grey. */
export async function inkOnPage(page: number, file: string): Promise<number> {
  const pixels = await renderPage(file, page, 1);
  return pixels.filter((value) => value < 240).length / pixels.length;
}

/** How many of a page's pixels, rendered small in colour, are within 24 of `rgb` in each channel. */
export async function pixelsLike(page: number, file: string, rgb: readonly [number, number, number]): Promise<number> {
  const pixels = await renderPage(file, page, 3);
  let count = 0;
  for (let i = 0; i < pixels.length; i += 3) {
    if (rgb.every((value, channel) => Math.abs((pixels[i + channel] ?? 0) - value) <= 24)) count++;
  }
  return count;
}

/** pdftoppm's PGM (grey, 1 byte a pixel) or PPM (colour, 3) of one page: a text header, then the pixels. */
async function renderPage(file: string, page: number, channels: 1 | 3): Promise<Buffer> {
  const args = ['-r', '40', ...(channels === 1 ? ['-gray'] : []), '-f', String(page), '-l', String(page), file];
  const { stdout } = await run('pdftoppm', args, { encoding: 'buffer' });
  const header = /^P[56]\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 32).toString('latin1'));
  assert.ok(header, 'pdftoppm wrote a PGM or PPM');
  const pixels = stdout.subarray(header[0].length);
  assert.equal(pixels.length, Number(header[1]) * Number(header[2]) * channels);
  return pixels;
}
