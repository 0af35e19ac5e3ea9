import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';
import { matchesReaderScreen } from '../../electron/core/clip/pictures/media-query.js';
import { chooseCandidate, parseSrcset } from '../../electron/core/clip/pictures/srcset.js';

const LAZY_PAGE = readFileSync(new URL('../fixtures/pages/lazy-pictures.html', import.meta.url), 'utf8');
const PAGE_URL = 'https://news.example/2024/05/bridge.html';
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const PROSE = '<p>The council met on Monday to discuss the harbour bridge, its repairs and its costs, and the traffic plans ' +
  'for the winter months, when the ferries run less often and more people cross the water on foot.</p>';

/** The picture addresses of a clip's stored content, in order. */
function pictures(content: string): string[] {
  return Array.from(content.matchAll(/<img\b[^>]*\sdata-src="([^"]*)"/g), (match) => match[1] ?? '');
}

/** Clips an article holding the given markup between paragraphs of prose. */
function clipWith(markup: string, url: string | null = PAGE_URL, head = ''): string {
  const article = `<article><h1>Bridge</h1>${PROSE}${markup}${PROSE}${PROSE}</article>`;
  const page = `<html><head><title>Bridge</title>${head}</head><body>${article}</body></html>`;
  return clipFromHtml(page, url === null ? {} : { url }).content;
}

describe('choosing a srcset candidate', () => {
  it('parses addresses with commas, descriptors and stray whitespace as the HTML standard does', () => {
    const parsed = parseSrcset(' https://img.example/w_300,h_200/a.jpg 300w,\n/b.jpg  2x , c.jpg,, d.jpg 1.5x');
    assert.deepEqual(parsed, [
      { url: 'https://img.example/w_300,h_200/a.jpg', width: 300 },
      { url: '/b.jpg', density: 2 },
      { url: 'c.jpg' },
      { url: 'd.jpg', density: 1.5 },
    ]);
  });

  it('drops candidates with invalid or conflicting descriptors', () => {
    assert.deepEqual(parseSrcset('a.jpg 0w, b.jpg 2x 300w, c.jpg fast, d.jpg 400w 300h, e.jpg 300h').map((c) => c.url), ['d.jpg']);
  });

  it('keeps the smallest width of at least a column, never the 4K one, else the widest', () => {
    const wide = parseSrcset('s.jpg 320w, xl.jpg 3840w, m.jpg 1024w, l.jpg 2048w');
    assert.equal(chooseCandidate(wide)?.url, 'm.jpg');
    assert.equal(chooseCandidate(parseSrcset('s.jpg 320w, m.jpg 640w'))?.url, 'm.jpg');
  });

  it('keeps 2x of densities, or the closest below it, or the lowest above it', () => {
    assert.equal(chooseCandidate(parseSrcset('a.jpg, b.jpg 2x, c.jpg 3x'))?.url, 'b.jpg');
    assert.equal(chooseCandidate(parseSrcset('a.jpg 1x, b.jpg 1.5x, c.jpg 4x'))?.url, 'b.jpg');
    assert.equal(chooseCandidate(parseSrcset('c.jpg 4x, b.jpg 3x'))?.url, 'b.jpg');
  });
});

describe('matching a source media query to the reader screen', () => {
  it('reads widths, resolutions and media types, and refuses what it does not know', () => {
    assert.ok(matchesReaderScreen('(min-width: 768px)'));
    assert.ok(matchesReaderScreen('all and (min-width: 48rem) and (max-width: 1279px)'));
    assert.ok(matchesReaderScreen('(-webkit-min-device-pixel-ratio: 2) and (min-resolution: 120dpi)'));
    assert.ok(matchesReaderScreen('(max-width: 600px), screen and (orientation: landscape)'));
    assert.ok(!matchesReaderScreen('(max-width: 767px)'));
    assert.ok(!matchesReaderScreen('print'));
    assert.ok(!matchesReaderScreen('(prefers-color-scheme: dark)'));
  });
});

describe('finding the real address of every picture of an article', () => {
  it('resolves every lazy-loading form of a page to one real address, in reading order', () => {
    const content = clipFromHtml(LAZY_PAGE, { url: PAGE_URL }).content;
    assert.deepEqual(pictures(content), [
      'https://news.example/city/photos/crane-dawn.jpg',
      'https://img.news.example/2024/span-lift.jpg',
      'https://news.example/wp-content/uploads/deck-1024x683.jpg',
      'https://cdn.news.example/bridge-wide-1280.webp',
      'https://news.example/photos/quay-crowd.jpg',
      'https://news.example/photos/night-lights.jpg',
      'https://news.example/maps/route@2x.png',
    ]);
  });

  it('stores pictures only as data-src: no src, srcset, picture, source or noscript, nor the tracking pixel', () => {
    const content = clipFromHtml(LAZY_PAGE, { url: PAGE_URL }).content;
    assert.doesNotMatch(content, /\ssrc=|srcset|sizes=|<picture|<source|<noscript|spacer|blank\.gif|tracker|lazy/i);
  });

  it('keeps a figure with its caption, a table, and the alt text and size of each picture', () => {
    const content = clipFromHtml(LAZY_PAGE, { url: PAGE_URL }).content;
    assert.match(content, /<figure>\s*<img alt="The bridge from the lighthouse" data-src="[^"]+">\s*<figcaption>The new bridge seen/);
    assert.match(content, /<table>\s*<caption>Bridge in figures<\/caption>[\s\S]*<td>420 m<\/td>/);
    assert.match(content, /<img alt="The crane at dawn" width="800" height="533" data-src=/);
  });

  it('prefers the lazy address to whatever the src shows, placeholder or preview', () => {
    const standIns = [GIF, 'about:blank', '', '/img/blank.gif', '/assets/1x1.trans.gif', '/img/placeholder-wide.png', '/i/thumb-20px.jpg'];
    for (const src of standIns) {
      assert.deepEqual(pictures(clipWith(`<p><img src="${src}" data-src="/photos/a.jpg" alt="A"></p>`)), [
        'https://news.example/photos/a.jpg',
      ], src);
    }
  });

  it('reads the attribute names of the common lazy-loading scripts', () => {
    const names = ['data-src', 'data-original', 'data-lazy-src', 'data-lazyload', 'data-lazy', 'data-actualsrc', 'data-hi-res-src'];
    for (const name of names) {
      assert.deepEqual(pictures(clipWith(`<p><img src="${GIF}" ${name}="https://cdn.example/x/640?fmt=jpeg"></p>`)), [
        'https://cdn.example/x/640?fmt=jpeg',
      ], name);
    }
  });

  it('takes an image file named by another attribute only when the image has no address of its own, the large variant first', () => {
    const variants = 'data-src-mini="/a-small.jpg" data-src-large="/a-large.jpg" data-src-full16x9="/a-full.jpg"';
    assert.deepEqual(pictures(clipWith(`<p><img src="${GIF}" ${variants}></p>`)), ['https://news.example/a-large.jpg']);
    assert.deepEqual(pictures(clipWith(`<p><img src="/a.jpg" ${variants}></p>`)), ['https://news.example/a.jpg']);
  });

  it('does not let Readability swap another attribute into a resolved lazy image', () => {
    const image = `<img class="lazyload" src="${GIF}" data-src="/a-1024.jpg" data-orig-file="/a-4000.jpg" data-large-file="/a-2048.jpg">`;
    assert.deepEqual(pictures(clipWith(`<p>${image}</p>`)), ['https://news.example/a-1024.jpg']);
  });

  it('takes no flag, number or JSON in a lazy attribute for an address', () => {
    const image = `<img src="/a.jpg" data-lazy="true" data-src='{"default":{"src":"/b.jpg"}}' data-lazyload="1">`;
    assert.deepEqual(pictures(clipWith(`<p>${image}</p>`)), ['https://news.example/a.jpg']);
  });

  it('upgrades a real src through its srcset, but only to the same server', () => {
    assert.deepEqual(pictures(clipWith('<p><img src="/a.jpg" srcset="/a.jpg 1x, /a@2x.jpg 2x"></p>')), ['https://news.example/a@2x.jpg']);
    const gravatar = '<p><img src="/a.jpg" srcset="https://avatars.example/u/1?s=80 2x"></p>';
    assert.deepEqual(pictures(clipWith(gravatar)), ['https://news.example/a.jpg']);
  });

  it('keeps the src of a picture whose only address is a placeholder, as before', () => {
    assert.deepEqual(pictures(clipWith('<p><img src="/img/spacer.gif" alt="S"></p>')), ['https://news.example/img/spacer.gif']);
    assert.match(clipWith(`<p><img src="${GIF}" alt="G"></p>`), /<img src="data:image\/gif;base64,[^"]+" alt="G">/);
  });

  it('turns a <picture> into its <img>, skipping unknown formats and sources for other screens', () => {
    const picture = `<picture>
      <source type="image/jxl" srcset="/a.jxl">
      <source media="(max-width: 767px)" srcset="/a-square.jpg 2x">
      <source media="(min-width: 768px)" data-srcset="/a-wide.jpg 2x" srcset="/img/1x1-000000.png 1w">
      <img src="/a-small.jpg" alt="A"></picture>`;
    const content = clipWith(`<figure>${picture}<figcaption>Cap</figcaption></figure>`);
    assert.deepEqual(pictures(content), ['https://news.example/a-wide.jpg']);
    assert.match(content, /<figure>\s*<img alt="A" data-src="[^"]+">\s*<figcaption>Cap<\/figcaption>/);
  });

  it('replaces a scripted stand-in with its <noscript> fallback, before or after it, past an empty preloader', () => {
    const before = `<p><noscript><img src="/a.jpg" alt="A"></noscript><img class="lazy" data-src="/a.jpg" src="${GIF}"></p>`;
    const after = `<p><a href="/a"><img src="${GIF}" alt="A"></a><div class="preloader"></div><noscript><img src="/a.jpg"></noscript></p>`;
    for (const markup of [before, after]) assert.deepEqual(pictures(clipWith(markup)), ['https://news.example/a.jpg']);
  });

  it('keeps the neighbour of a <noscript> picture when that is another picture', () => {
    const markup = '<p><noscript><img src="/night.jpg" alt="Night"></noscript></p><p><img data-srcset="/map.png 1x" alt="Map"></p>';
    assert.deepEqual(pictures(clipWith(markup)), ['https://news.example/night.jpg', 'https://news.example/map.png']);
  });

  it('leaves tracking pixels and ad-server images in <noscript> where nothing reads them', () => {
    const pixel = '<noscript><img src="/p.gif" width="1" height="1"></noscript>';
    const ad = '<noscript><a href="https://ads.example/ck.php?n=1"><img src="https://ads.example/avw.php?zoneid=9"></a></noscript>';
    assert.deepEqual(pictures(clipWith(`<p>Before ${pixel} and ${ad} after.</p>`)), []);
  });

  it('gives an empty box that names its picture in a lazy attribute the <img> a script would add', () => {
    const box = '<div class="js-delayed-image-load" data-alt="The quay" data-src="https://img.example/news/320/quay.jpg"></div>';
    const content = clipWith(box);
    assert.deepEqual(pictures(content), ['https://img.example/news/320/quay.jpg']);
    assert.match(content, /<img alt="The quay" data-src=/);
    assert.deepEqual(pictures(clipWith('<div data-src="https://widgets.example/related.html"></div>')), []);
  });

  it('resolves relative addresses against the page, or a <base> on the page\'s own site', () => {
    assert.deepEqual(pictures(clipWith('<p><img data-src="a.jpg"></p>')), ['https://news.example/2024/05/a.jpg']);
    assert.deepEqual(pictures(clipWith('<p><img data-src="a.jpg"></p>', PAGE_URL, '<base href="/media/">')), [
      'https://news.example/media/a.jpg',
    ]);
    assert.deepEqual(pictures(clipWith('<p><img data-src="a.jpg"></p>', PAGE_URL, '<base href="https://other.example/">')), [
      'https://news.example/2024/05/a.jpg',
    ]);
  });

  it('resolves against the <base> of a saved page without an address, and drops what cannot resolve', () => {
    const head = '<base href="http://portal.example/news/">';
    assert.deepEqual(pictures(clipWith('<p><img src="/spacer.gif" data-original="img/a.jpg"></p>', null, head)), [
      'http://portal.example/news/img/a.jpg',
    ]);
    assert.deepEqual(pictures(clipWith('<p><img data-original="img/a.jpg"></p>', null)), []);
  });
});
