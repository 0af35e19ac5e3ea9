import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { clipFromFile } from '../../electron/core/clip/index.js';
import { isClipdeskError } from '../../electron/core/errors.js';
import type { ErrorCode } from '../../electron/core/errors.js';
import { SEED_BYLINE, SEED_FILE, SEED_PUBLISHED_AT } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'clipdesk-clip-file-'));
const pages = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

function failsWith(code: ErrorCode) {
  return (error: unknown): boolean => isClipdeskError(error) && error.code === code;
}

describe('importing files', () => {
  it('imports a seed clipping from a .txt file', async () => {
    const clip = await clipFromFile(SEED_FILE);
    assert.equal(clip.publishedAt, SEED_PUBLISHED_AT);
    assert.equal(clip.byline, SEED_BYLINE);
    assert.equal(clip.url, null);
  });

  it('imports a saved GBK page by sniffing its bytes', async () => {
    const clip = await clipFromFile(join(pages, 'gbk-meta.html'));
    assert.match(clip.text, /公交枢纽站/);
  });

  it('imports a Markdown file', async () => {
    const clip = await clipFromFile(write('notes.md', '# Reading list\n\n1. *Dubliners*\n2. Ulysses\n'));
    assert.equal(clip.title, 'Reading list');
    assert.match(clip.content, /<ol>\s*<li><em>Dubliners<\/em><\/li>/);
  });

  it('imports a UTF-16 text file with a byte-order mark', async () => {
    const text = '\ufeffLetter home\n\nAll is well here.';
    const clip = await clipFromFile(write('letter.txt', Buffer.from(text, 'utf16le')));
    assert.equal(clip.title, 'Letter home');
  });

  it('refuses binary content named .html with BAD_INPUT', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await assert.rejects(clipFromFile(write('image.html', png)), failsWith('BAD_INPUT'));
  });

  it('refuses unsupported extensions, missing files and files over the cap', async () => {
    await assert.rejects(clipFromFile(write('report.pdf', '%PDF-1.4')), failsWith('UNSUPPORTED'));
    await assert.rejects(clipFromFile(join(dir, 'absent.html')), failsWith('BAD_INPUT'));
    await assert.rejects(clipFromFile(write('big.html', `<p>${'x'.repeat(5000)}</p>`), 4096), failsWith('TOO_LARGE'));
  });

  it('refuses a page with no text at all', async () => {
    await assert.rejects(clipFromFile(write('empty.html', '<html><body><script>x()</script></body></html>')), failsWith('EXTRACT_FAILED'));
  });
});
