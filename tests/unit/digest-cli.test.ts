import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { inkOnPage, pageCount, pdfInfo, pdfText, pixelsLike } from '../helpers/pdf-tools.js';
import { html, serveRoutes } from '../helpers/picture-server.js';
import { CHINESE_TITLE, page, paragraphs, pressLibrary } from '../helpers/press-library.js';
import { clipdesk } from '../helpers/run-cli.js';
import { SEED_TITLE } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-library.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

/** Titles as pdftotext gives them back: lines wrap anywhere, so spacing is not compared. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('clipdesk digest', () => {
  const scope = new CleanupScope();
  let dir = '';
  let out = '';
  after(() => scope[Symbol.asyncDispose]());
  before(async () => {
    const made = await pressLibrary(scope);
    dir = made.dir;
    await made.library.close();
    out = await tempDir(scope, 'clipdesk-digest-');
  });

  it('prints the seed and English clips grouped by tag to PDF and HTML with the system Chromium', async () => {
    const [pdf, html] = [join(out, 'review.pdf'), join(out, 'review.html')];
    const made = await clipdesk(dir, ['digest', '--group', 'tag', '--content', 'highlights', '--title', 'Weekly 贸易 review',
      '--pdf', pdf, '--html', html]);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /wrote a press review of 4 clip\(s\) to .*review\.pdf/);
    const info = await pdfInfo(pdf);
    assert.ok(pageCount(info) >= 3, info);
    assert.match(info, /\(A4\)/);
    const text = squeezed(await pdfText(pdf));
    for (const title of [SEED_TITLE, CHINESE_TITLE, 'Ports expand their berths', 'Weekly贸易review', 'Contents', 'page1of']) {
      assert.ok(text.includes(squeezed(title)), `the PDF's text has "${title}"`);
    }
    assert.ok(text.includes('双方就关税和配额问题交换了意见。'), 'the excerpt of the Chinese clip, full stop included');
    assert.ok(await inkOnPage(3, pdf) > 0.01, 'page 3 renders with text on it');
    const page = await readFile(html, 'utf8');
    assert.match(page, /<h2>pharma<\/h2>/);
    assert.doesNotMatch(page, /<script/);
  });

  it('saves a preset, lists it and runs it again with the flags given overriding it', async () => {
    const saved = await clipdesk(dir, ['digest', 'tag:trade', '--last-days', '3660', '--group', 'source', '--save-preset', 'Trade weekly']);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match((await clipdesk(dir, ['digest', '--presets'])).stdout, /^Trade weekly: "tag:trade", last 3660 days, grouped by source/m);
    const again = await clipdesk(dir, ['digest', '--preset', 'trade WEEKLY', '--paper', 'letter', '--pdf', join(out, 'again.pdf')]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /of 2 clip\(s\)/);
    assert.match(await pdfInfo(join(out, 'again.pdf')), /612 x 792 pts \(letter\)/);
    const html = await clipdesk(dir, ['digest', '--preset', 'Trade weekly']);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.match(html.stdout, /<h2>Harbour Times<\/h2>/);
  });

  it('says what to install when no Chromium is found, and writes no file', async () => {
    const pdf = join(out, 'none.pdf');
    const failed = await clipdesk(dir, ['digest', '--pdf', pdf], { ...process.env, CLIPDESK_CHROMIUM: '/nonexistent/chromium' });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /apt-get install chromium/);
    await assert.rejects(access(pdf));
  });

  it('refuses a choice it does not know, with the ones it does', async () => {
    const failed = await clipdesk(dir, ['digest', '--group', 'colour']);
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /--group must be one of tag, source, date, none/);
  });

  it('prints the pictures the library keeps, from the digest itself', async () => {
    const picture = TINY_IMAGES.png; // one pixel of rgb(192, 64, 32), drawn 240 px square
    const site = await serveRoutes(scope, {
      '/kiln': html(page('Kiln reopens', 'Pottery News', '2023-08-25',
        `${paragraphs('kilns')}<img src="/k.png" width="240" height="240">`)),
      '/k.png': { type: 'image/png', body: picture },
    });
    await clipdesk(dir, ['import', `${site.url}/kiln`, '--tag', 'pictured']);
    const pdf = join(out, 'pictured.pdf');
    const made = await clipdesk(dir, ['digest', 'tag:pictured', '--content', 'full', '--pdf', pdf]);
    assert.equal(made.code, 0, made.stderr);
    assert.ok(await pixelsLike(3, pdf, [192, 64, 32]) > 500, 'the picture shows on the item\'s page');
    assert.equal(site.hits.get('/k.png'), 1, 'fetched when clipped, never while printing');
  });
});
