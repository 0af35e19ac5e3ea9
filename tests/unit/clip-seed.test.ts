import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { clipFromText } from '../../electron/core/clip/index.js';
import { SEED_BYLINE, SEED_FILE, SEED_PUBLISHED_AT, SEED_PUBLISHED_TEXT, SEED_TITLE } from '../helpers/seed.js';

describe('seed clipping format', () => {
  it('imports the seed article with its title, date, empty source, four paragraphs and byline', () => {
    const clip = clipFromText(readFileSync(SEED_FILE, 'utf8'));
    assert.equal(clip.title, SEED_TITLE);
    assert.equal(clip.publishedText, SEED_PUBLISHED_TEXT);
    assert.equal(clip.publishedAt, SEED_PUBLISHED_AT);
    assert.ok(clip.source === null || clip.source === '');
    assert.equal(clip.byline, SEED_BYLINE);
    assert.equal(clip.content.match(/<p>/g)?.length, 4);
    const paragraphs = clip.text.split('\n\n');
    assert.equal(paragraphs.length, 4);
    for (const paragraph of paragraphs) assert.match(paragraph, /^[^\s\u00a0\u3000]/u);
    assert.ok(paragraphs[0]?.startsWith('On August 26, Jiao Jiguo'));
    assert.ok(paragraphs[3]?.endsWith('for field visits。'));
    assert.ok(!clip.text.includes('Jia Ruifeng'));
    assert.ok(!clip.content.includes('\u00a0'));
    assert.equal(clip.language, 'en');
  });

  it('reads a header in the other order, with full-width colons, a source and a full-width byline', () => {
    const text = '城东公交枢纽站下月启用\r\n\r\n时间：2005-03-12 10:30　　来源：本地日报\r\n　　第一段内容。第二句。\r\n　　第二段内容。（记者 王五）\r\n';
    const clip = clipFromText(text);
    assert.equal(clip.title, '城东公交枢纽站下月启用');
    assert.equal(clip.source, '本地日报');
    assert.equal(clip.publishedAt, '2005-03-12T10:30');
    assert.equal(clip.byline, '记者 王五');
    assert.equal(clip.text, '第一段内容。第二句。\n\n第二段内容。');
    assert.equal(clip.language, 'zh');
    assert.equal(clip.wordCount, 13);
  });

  it('accepts a header with only a source and no date, and a last paragraph without byline', () => {
    const clip = clipFromText('Title here\n\n来源: Daily Post\n\u00a0\u00a0First paragraph.\n\u00a0\u00a0Second paragraph.\n');
    assert.equal(clip.source, 'Daily Post');
    assert.equal(clip.publishedAt, null);
    assert.equal(clip.byline, null);
    assert.equal(clip.text, 'First paragraph.\n\nSecond paragraph.');
  });

  it('treats text without the 来源/时间 header as plain text', () => {
    const clip = clipFromText('A note to self\n\nBuy milk (and eggs)');
    assert.equal(clip.title, 'A note to self');
    assert.equal(clip.byline, null);
    assert.equal(clip.text, 'A note to self\n\nBuy milk (and eggs)');
  });

  it('escapes markup in seed paragraphs instead of rendering it', () => {
    const clip = clipFromText('T\n\n来源:  时间: 2020-01-02 03:04\n  <img src=x onerror=alert(1)> text。\n');
    assert.ok(!clip.content.includes('<img'));
    assert.ok(clip.text.includes('<img src=x onerror=alert(1)> text。'));
  });
});
