import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';

/** <time> and microdata dates that are not when the article came out (issue 15): hand-written pages. */

const TITLE = 'Council approves the new harbour bridge';
const STORY = '<p>The city council voted on Tuesday evening to fund the harbour bridge that residents have asked for.</p>'.repeat(3);

function publishedAt(body: string): string | null {
  const html = `<html lang="en"><head><title>${TITLE} | Harbour Gazette</title></head><body>${body}</body></html>`;
  return clipFromHtml(html).publishedAt;
}

describe('labels of <time> elements', () => {
  it('reads the label of a <time> nested two wrappers below it', () => {
    const time = (label: string, datetime: string): string =>
      `<span>${label}</span> <span><span><time datetime="${datetime}">x</time></span></span>`;
    const meta = `<div>${time('Updated', '2020-03-05T10:00')} ${time('Published', '2020-03-03T09:00')}</div>`;
    assert.equal(publishedAt(`<article><h1>${TITLE}</h1>${meta}${STORY}</article>`), '2020-03-03T09:00');
  });
});

describe('dates in sidebars, comments and the site footer', () => {
  it('skips <time> elements in a sidebar, a comment thread or the site footer', () => {
    const aside = '<aside><ul><li><a>Other story</a> <time datetime="2020-03-09">9 March</time></li></ul></aside>';
    const own = '<p><time datetime="2020-03-03">March 3, 2020</time></p>';
    assert.equal(publishedAt(`${aside}<article><h1>${TITLE}</h1>${own}${STORY}</article>`), '2020-03-03');
    const comments = '<section class="comments"><p>Jo said on <time datetime="2020-03-10T12:00">March 10</time></p></section>';
    assert.equal(publishedAt(`<article><h1>${TITLE}</h1>${STORY}</article>${comments}`), null);
    assert.equal(publishedAt(`<article><h1>${TITLE}</h1>${STORY}</article><footer><time datetime="2020-03-11">x</time></footer>`), null);
  });

  it('skips a related story’s microdata that comes before the article’s own', () => {
    const related = '<div class="related-posts"><div itemscope itemtype="https://schema.org/NewsArticle">' +
      '<meta itemprop="datePublished" content="2020-03-09"><a>Other story</a></div></div>';
    const own = '<meta itemprop="datePublished" content="2020-03-03T09:00:00Z">';
    assert.equal(publishedAt(`${related}<article><h1>${TITLE}</h1>${own}${STORY}</article>`), '2020-03-03T09:00:00Z');
  });

  it('keeps the <time> in the article’s own footer', () => {
    const footer = '<footer class="entry-meta">Posted on <time datetime="2020-03-03T09:00">March 3</time></footer>';
    assert.equal(publishedAt(`<article><h1>${TITLE}</h1>${STORY}${footer}</article>`), '2020-03-03T09:00');
  });
});
