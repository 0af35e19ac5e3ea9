import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';
import { sanitizeHtml } from '../../electron/core/clip/sanitize/sanitize.js';

const HOSTILE = readFileSync(new URL('../fixtures/pages/hostile.html', import.meta.url), 'utf8');
const PAGE_URL = 'https://news.example/city/bridge.html';

describe('sanitizing clipped HTML', () => {
  const clip = clipFromHtml(HOSTILE, { url: PAGE_URL });

  it('keeps the article of a hostile page', () => {
    assert.equal(clip.title, 'Harbour bridge reopens after repairs');
    assert.match(clip.text, /^The harbour bridge reopened to traffic on Monday/);
    assert.match(clip.text, /final layer of asphalt has cured\./);
  });

  it('stores none of the script, handler, frame, form, CSS or remote-loading vectors', () => {
    const vectors = [
      /<script/i, /<style/i, /<iframe/i, /<object/i, /<embed/i, /<form/i, /<input/i, /<button/i, /<svg/i,
      /<math/i, /<meta/i, /<base/i, /<link/i, /<video/i, /\son\w+\s*=/i, /javascript:/i, /vbscript:/i,
      /data:text/i, /evil\.example/i, /@import/i, /url\(/i, /\sstyle=/i, /\ssrcset=/i, /\ssrc=/i,
      /\starget=/i, /\sbackground=/i, /\sposter=/i, /alert\(/i,
    ];
    for (const vector of vectors) assert.doesNotMatch(clip.content, vector);
  });

  it('resolves relative links against the page, not a <base> the page set', () => {
    assert.match(clip.content, /<a href="https:\/\/news\.example\/news\/traffic" rel="noopener noreferrer">a relative link<\/a>/);
    assert.match(clip.content, /data-src="https:\/\/news\.example\/photos\/bridge\.jpg"/);
  });

  it('keeps inline raster images but not inline SVG images as image sources', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.match(sanitizeHtml(`<img src="${png}">`), /src="data:image\/png/);
    assert.doesNotMatch(sanitizeHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">'), /src=/);
  });

  it('defuses mutation-XSS and namespace-confusion payloads', () => {
    const payloads = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<math><mi><table><mi><style><img src=x onerror=alert(1)></style></mi></table></mi></math>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
      '<a href="&#106;avascript:alert(1)">x</a><a href=" javascript:alert(1)">y</a>',
    ];
    for (const payload of payloads) {
      const clean = sanitizeHtml(payload, PAGE_URL);
      assert.doesNotMatch(clean, /onerror|javascript:|<style|<math|<svg/i, clean);
    }
  });

  it('drops links it cannot resolve without a page address, but keeps in-page anchors', () => {
    assert.equal(
      sanitizeHtml('<a href="/x">x</a><a href="#notes">n</a>'),
      '<a rel="noopener noreferrer">x</a><a href="#notes" rel="noopener noreferrer">n</a>',
    );
  });
});
