import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipFromText } from '../../electron/core/clip/index.js';
import { isClipdeskError } from '../../electron/core/errors.js';

describe('text and Markdown import', () => {
  it('renders Markdown to sanitized HTML and takes the first heading as title', () => {
    const markdown = '# Budget *passes* at last\n\nThe council approved the **budget** on Friday. [Minutes](/minutes) <script>alert(1)</script>\n\n- roads\n- schools\n\n<img src="https://cdn.example/a.png" onerror="x()">';
    const clip = clipFromText(markdown, { markdown: true, url: 'https://council.example/news/1' });
    assert.equal(clip.title, 'Budget passes at last');
    assert.match(clip.content, /<strong>budget<\/strong>/);
    assert.match(clip.content, /<li>roads<\/li>/);
    assert.match(clip.content, /href="https:\/\/council\.example\/minutes"/);
    assert.match(clip.content, /data-src="https:\/\/cdn\.example\/a\.png"/);
    assert.doesNotMatch(clip.content, /<script|onerror| src=/);
    assert.equal(clip.text, 'Budget passes at last\n\nThe council approved the budget on Friday. Minutes\n\nroads\n\nschools');
    assert.equal(clip.canonicalUrl, 'https://council.example/news/1');
  });

  it('keeps plain text paragraphs and line breaks, and counts CJK characters as words', () => {
    const clip = clipFromText('Notes\nsecond line\n\n中文 text 三个字');
    assert.equal(clip.content, '<p>Notes<br>second line</p>\n<p>中文 text 三个字</p>');
    assert.equal(clip.wordCount, 3 + 1 + 5);
  });

  it('refuses empty text with BAD_INPUT', () => {
    assert.throws(() => clipFromText(' \n '), (error) => isClipdeskError(error) && error.code === 'BAD_INPUT');
  });

  it('refuses a non-http url option', () => {
    assert.throws(
      () => clipFromText('x', { url: 'javascript:alert(1)' }),
      (error) => isClipdeskError(error) && error.code === 'UNSUPPORTED',
    );
  });
});
