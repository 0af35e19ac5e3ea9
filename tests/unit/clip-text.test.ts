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
    assert.equal(clip.text, 'The council approved the budget on Friday. Minutes\n\nroads\n\nschools');
    assert.equal(clip.canonicalUrl, 'https://council.example/news/1');
  });

  it('shows a Markdown file’s opening heading once, as the title, and keeps every other heading', () => {
    const markdown = '\n# Budget passes\n\nThe council voted.\n\n# Budget passes\n\n## What it funds\n\nRoads.';
    const clip = clipFromText(markdown, { markdown: true });
    assert.equal(clip.title, 'Budget passes');
    assert.equal(clip.content.match(/<h1>/g)?.length, 1);
    assert.match(clip.content, /^<p>The council voted\.<\/p>\s*<h1>Budget passes<\/h1>\s*<h2>What it funds<\/h2>/);
    assert.equal(clip.text, 'The council voted.\n\nBudget passes\n\nWhat it funds\n\nRoads.');
  });

  it('takes an underlined opening heading as the title too, but not a heading that follows text or sits in code', () => {
    assert.equal(clipFromText('Harbour notes\n=============\n\nCranes arrived.', { markdown: true }).content, '<p>Cranes arrived.</p>\n');
    const later = clipFromText('Cranes arrived.\n\n# Harbour notes\n\nMore.', { markdown: true });
    assert.equal(later.title, 'Harbour notes');
    assert.match(later.content, /<h1>Harbour notes<\/h1>/);
    const code = clipFromText('```\n# not a heading\n```\n\nAfter the code.', { markdown: true });
    assert.equal(code.title, '# not a heading'); // the first line of the text, as for plain text: not a heading
    assert.match(code.content, /<code># not a heading\n<\/code>/);
  });

  it('keeps an opening heading too long to be the whole title in the article', () => {
    const long = 'word '.repeat(60).trim();
    const clip = clipFromText(`# ${long}\n\nBody.`, { markdown: true });
    assert.ok(clip.title.endsWith('…'));
    assert.match(clip.content, /^<h1>word word/);
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
