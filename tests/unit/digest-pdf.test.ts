import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromiumCandidates, findChromium } from '../../electron/core/digest/chromium-executable.js';
import { chromiumPrinter } from '../../electron/core/digest/chromium-printer.js';
import { FOOTER_TEMPLATE, headerTemplate, pageSettings } from '../../electron/core/digest/page-templates.js';
import type { PdfPage } from '../../electron/core/digest/pdf-printer.js';
import { escapeHtml } from '../../electron/shared/escape-html.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { serveRoutes } from '../helpers/picture-server.js';
import { SEED_FILE, SEED_TITLE } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-library.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';
import { inkOnPage, pageCount, pdfInfo, pdfText } from '../helpers/pdf-tools.js';

const CHINESE_TITLE = '中国医药保健品进出口商会赴吉林高新区交流';
const HEADER = 'Press review <Health> & trade';
const ITEMS = 6;

/** A hand-made press review: a grey cover page, a table of contents of in-document links, six items of the seed's text. */
async function pressReview(): Promise<string> {
  const paragraphs = (await readFile(SEED_FILE, 'utf8')).split('\n').slice(3).map((line) => line.trim()).filter(Boolean);
  const items = Array.from({ length: ITEMS }, (_, i) =>
    `<section id="item-${i + 1}"><h2>${i % 2 ? escapeHtml(SEED_TITLE) : CHINESE_TITLE} (${i + 1})</h2>` +
    `${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('')}</section>`).join('');
  const contents = Array.from({ length: ITEMS }, (_, i) => `<li><a href="#item-${i + 1}">Item ${i + 1}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Press review</title></head><body>` +
    `<div style="background:#555;color:#fff;height:60vh;padding:1em;break-after:page">` +
    `<h1>${escapeHtml(SEED_TITLE)}</h1><h1>${CHINESE_TITLE}</h1></div>` +
    `<ol>${contents}</ol>${items}</body></html>`;
}

async function printToFile(dir: string, html: string, page: PdfPage): Promise<string> {
  const file = join(dir, `${page.paper}-${Date.now()}.pdf`);
  await writeFile(file, await chromiumPrinter()(html, page));
  return file;
}

describe('digest page templates', () => {
  it('escapes the running header, so a title with markup prints as text', () => {
    const template = headerTemplate('<img src=x onerror=alert(1)> & co');
    assert.ok(template.includes('&lt;img src=x onerror=alert(1)&gt; &amp; co'));
    assert.ok(!template.includes('<img'));
  });

  it('numbers the pages in the footer and maps the paper to its size', () => {
    assert.match(FOOTER_TEMPLATE, /page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
    assert.equal(pageSettings({ paper: 'a4', header: '' }).format, 'A4');
    assert.equal(pageSettings({ paper: 'letter', header: '' }).format, 'Letter');
  });
});

describe('printing a digest with the system Chromium', () => {
  let a4 = '';
  let letter = '';
  const scope = new CleanupScope();
  after(() => scope[Symbol.asyncDispose]());
  before(async () => {
    const dir = await tempDir(scope, 'clipdesk-pdf-');
    const html = await pressReview();
    [a4, letter] = await Promise.all([
      printToFile(dir, html, { paper: 'a4', header: HEADER }),
      printToFile(dir, html, { paper: 'letter', header: HEADER }),
    ]);
  });

  it('prints several pages on the paper asked for', async () => {
    const [infoA4, infoLetter] = await Promise.all([pdfInfo(a4), pdfInfo(letter)]);
    assert.ok(pageCount(infoA4) >= 3, infoA4);
    assert.match(infoA4, /Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    assert.match(infoLetter, /Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('keeps the text extractable, Chinese included, with the running header and page X of N', async () => {
    const text = (await pdfText(a4)).replace(/\s+/g, ' ');
    const pages = pageCount(await pdfInfo(a4));
    assert.ok(text.includes(SEED_TITLE.slice(0, 60)), 'the English title');
    assert.ok(text.includes(CHINESE_TITLE), 'the Chinese title');
    assert.ok(text.includes(HEADER), 'the header, escaped in the template and printed as written');
    assert.ok(text.includes(`page 2 of ${pages}`) && text.includes(`page ${pages} of ${pages}`));
  });

  it('makes the table of contents clickable and the headings bookmarks', async () => {
    // Skia writes annotations as plain objects (PDF 1.4, no object streams); the named target must exist too.
    const raw = (await readFile(a4)).toString('latin1');
    const links = raw.match(/<<\/Type \/Annot\s+\/Subtype \/Link[^]*?\/Dest \/item-\d+/g) ?? [];
    assert.equal(links.length, ITEMS, 'one link annotation per contents entry');
    const dests = await pdfInfo(a4, '-dests');
    for (let i = 1; i <= ITEMS; i += 1) assert.match(dests, new RegExp(`^\\s+[2-9]\\d* .*"item-${i}"$`, 'm'));
    assert.match(raw, /\/Outlines \d+ 0 R/);
  });

  it('renders the pages with their backgrounds', async () => {
    assert.ok(await inkOnPage(1, a4) > 0.3);
  });
});

describe('printing an unsafe document', () => {
  it('runs none of its script and loads nothing from the network, even without a CSP', async (t) => {
    const server = await serveRoutes(t, { '/pixel.png': { type: 'image/png', body: TINY_IMAGES.png } });
    const dir = await tempDir(t, 'clipdesk-pdf-');
    const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${server.url}/style.css"></head>` +
      `<body><p>The printed text</p><img src="${server.url}/pixel.png"><iframe src="${server.url}/frame"></iframe>` +
      `<script>document.body.textContent='SCRIPT RAN'</script></body></html>`;
    const text = await pdfText(await printToFile(dir, html, { paper: 'a4', header: 'Unsafe' }));
    assert.ok(text.includes('The printed text'));
    assert.ok(!text.includes('SCRIPT RAN'));
    assert.deepEqual([...server.hits], []);
  });
});

describe('no browser to print with', () => {
  it('says what to install when the given browser is not there', async () => {
    const printing = chromiumPrinter({ executablePath: '/nonexistent/chromium' })('<p>x</p>', { paper: 'a4', header: '' });
    await assert.rejects(printing, (error: Error & { code?: string }) =>
      error.code === 'PRINT_FAILED' && error.message.includes('/nonexistent/chromium') &&
      error.message.includes('sudo apt-get install chromium') && error.message.includes('CLIPDESK_CHROMIUM'));
  });

  it('takes CLIPDESK_CHROMIUM over CHROMIUM_PATH, and only it, else the usual places', async () => {
    assert.deepEqual(chromiumCandidates({ CLIPDESK_CHROMIUM: '/a', CHROMIUM_PATH: '/b' }, 'linux'), ['/a']);
    assert.deepEqual(chromiumCandidates({ CHROMIUM_PATH: '/b' }, 'linux'), ['/b']);
    assert.ok(chromiumCandidates({}, 'linux').includes('/usr/bin/chromium'));
    assert.ok(chromiumCandidates({}, 'darwin').some((path) => path.includes('Google Chrome.app')));
    await assert.rejects(findChromium({ CLIPDESK_CHROMIUM: '/nowhere/chrome' }, 'linux'), { code: 'PRINT_FAILED' });
    await assert.rejects(findChromium({}, 'aix'), /No Chromium to print the PDF with: install Chromium/);
  });
});
