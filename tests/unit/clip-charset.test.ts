import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { decodeHtml, decodeText } from '../../electron/core/clip/decode/charset.js';
import { clipFromHtml, clipFromUrl } from '../../electron/core/clip/index.js';

const pages = new URL('../fixtures/pages/', import.meta.url);
const fixture = (name: string): Buffer => readFileSync(new URL(name, pages));
const GBK_HEADLINE = '城东公交枢纽站下月启用';
const GBK_SENTENCE = '据介绍，该枢纽站占地约两万平方米';

/** Serves fixture bytes under /<name>?type=<content-type>. */
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': url.searchParams.get('type') ?? 'text/html' });
    res.end(fixture(url.pathname.slice(1)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

describe('decoding pages in their character set', () => {
  it('decodes a GBK page declared only in the HTTP Content-Type', async () => {
    const clip = await clipFromUrl(`${base}/gbk-undeclared.html?type=${encodeURIComponent('text/html; charset=GBK')}`);
    assert.match(clip.title, new RegExp(GBK_HEADLINE));
    assert.ok(clip.text.includes(GBK_SENTENCE));
    assert.equal(clip.language, 'zh');
  });

  it('decodes a GB2312 page declared only in a <meta> tag, as GB18030', async () => {
    const clip = await clipFromUrl(`${base}/gbk-meta.html`);
    assert.ok(clip.text.includes(GBK_SENTENCE));
    assert.equal(decodeHtml(fixture('gbk-meta.html')).encoding, 'gb18030');
  });

  it('detects an undeclared GBK page', () => {
    const decoded = decodeHtml(fixture('gbk-undeclared.html'));
    assert.equal(decoded.source, 'detected');
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(clipFromHtml(fixture('gbk-undeclared.html')).text.includes(GBK_SENTENCE));
  });

  it('reads the date printed under a Chinese headline', () => {
    const clip = clipFromHtml(fixture('gbk-meta.html'));
    assert.equal(clip.publishedText, '2005年03月12日 10:30');
    assert.equal(clip.publishedAt, '2005-03-12T10:30');
  });

  it('lets the HTTP charset win over a wrong <meta>', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252">'), fixture('gbk-undeclared.html')]);
    assert.ok(clipFromHtml(bytes, { contentType: 'text/html; charset=gbk' }).text.includes(GBK_SENTENCE));
    assert.ok(!clipFromHtml(bytes).text.includes(GBK_SENTENCE));
  });

  it('decodes Big5 and Shift_JIS pages', async () => {
    const big5 = await clipFromUrl(`${base}/big5.html`);
    assert.equal(big5.title, '市立圖書館延長週末開放時間');
    assert.ok(big5.text.includes('市立圖書館將延長週末開放時間'));
    const sjis = await clipFromUrl(`${base}/shift-jis.html`);
    assert.equal(sjis.title, '図書館が週末の開館時間を延長');
    assert.ok(sjis.text.includes('自動貸出機の増設'));
    assert.equal(sjis.language, 'ja');
  });

  it('decodes a gb2312 page of the Chinese corpus by its declaration', () => {
    const path = '../../../shared/corpora/extraction/cwced-dev/original/0d931936-d510-4904-a714-88bb267b62da.html';
    const clip = clipFromHtml(readFileSync(new URL(path, import.meta.url)));
    assert.ok(clip.text.includes('500万'));
    assert.doesNotMatch(clip.text, /\uFFFD/);
  });

  it('prefers a byte-order mark over every declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="big5"><p>héllo wörld</p>')]);
    const decoded = decodeHtml(bytes, 'text/html; charset=shift_jis');
    assert.equal(decoded.source, 'bom');
    assert.ok(decoded.text.includes('héllo wörld'));
  });

  it('falls back to windows-1252 for undeclared Latin-1 bytes and to UTF-8 when they are valid', () => {
    assert.equal(decodeText(Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e', 'latin1')).text, 'café crème brûlée');
    assert.equal(decodeText(Buffer.from('café', 'utf8')).encoding, 'utf-8');
  });

  it('detects GBK bytes that claim to be UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8">'), fixture('gbk-undeclared.html')]);
    assert.ok(decodeHtml(bytes).text.includes(GBK_SENTENCE));
  });
});
