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

/** The share of a page's pixels darker than near-white, rendered small and grey (PGM: header, then one byte a pixel). */
export async function inkOnPage(page: number, file: string): Promise<number> {
  const { stdout } = await run('pdftoppm', ['-r', '40', '-gray', '-f', String(page), '-l', String(page), file], { encoding: 'buffer' });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 32).toString('latin1'));
  assert.ok(header, 'pdftoppm wrote a PGM');
  const pixels = stdout.subarray(header[0].length);
  assert.equal(pixels.length, Number(header[1]) * Number(header[2]));
  return pixels.filter((value) => value < 240).length / pixels.length;
}
