import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';
import { parsePublished } from '../../electron/core/clip/metadata/dates.js';
import { findVisibleDate } from '../../electron/core/clip/metadata/visible-date.js';

const STORY = '<p>Paragraph one of the story, long enough to count as the article a reader came for.</p>';
const PUBLISHED = '2021-03-04T05:06:00Z';
const MODIFIED = '2021-03-09T10:00:00Z';

function publishedAt(head: string, body = '', url?: string): string | null {
  const html = `<!doctype html><html lang="en"><head>${head}</head><body><article>${body}${STORY}</article></body></html>`;
  return clipFromHtml(html, { url }).publishedAt;
}

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const meta = (key: string, content: string, attribute = 'property'): string => `<meta ${attribute}="${key}" content="${content}">`;

describe('the published date in JSON-LD', () => {
  it('takes datePublished when dateModified comes first', () => {
    assert.equal(publishedAt(ld({ '@type': 'NewsArticle', dateModified: MODIFIED, datePublished: PUBLISHED })), PUBLISHED);
  });

  it('takes the article’s date from a @graph and from a WebPage’s mainEntity, not the page’s or a picture’s', () => {
    const graph = { '@graph': [
      { '@type': 'ImageObject', datePublished: '2020-01-01' },
      { '@type': 'WebPage', datePublished: '2021-03-03', dateModified: MODIFIED },
      { '@type': ['NewsArticle'], datePublished: PUBLISHED },
    ] };
    assert.equal(publishedAt(ld(graph)), PUBLISHED);
    const page = { '@type': 'WebPage', dateModified: MODIFIED, mainEntity: { '@type': 'BlogPosting', datePublished: [PUBLISHED] } };
    assert.equal(publishedAt(ld(page)), PUBLISHED);
  });

  it('prefers the article’s datePublished to an embedded video’s uploadDate', () => {
    const video = { '@type': 'VideoObject', uploadDate: '2021-02-01T00:00:00Z' };
    assert.equal(publishedAt(ld([video, { '@type': 'Article', datePublished: PUBLISHED }])), PUBLISHED);
  });
});

describe('the published date in meta tags and <time>', () => {
  it('takes article:published_time over modified times listed before it', () => {
    const head = meta('article:modified_time', MODIFIED) + meta('og:updated_time', MODIFIED) + meta('article:published_time', PUBLISHED);
    assert.equal(publishedAt(head), PUBLISHED);
  });

  it('ranks a field named for the publication above conventions and bare dates', () => {
    const head = meta('date', '2021-03-08', 'name') + meta('sailthru.date', '2021-03-03 21:06:00', 'name') +
      ld({ '@type': 'Article', datePublished: PUBLISHED });
    assert.equal(publishedAt(head), PUBLISHED);
    assert.equal(publishedAt(meta('DC.date.modified', '2021-03-09', 'name') + meta('DC.date.issued', '2021-03-04', 'name')), '2021-03-04');
  });

  it('takes itemprop=datePublished when itemprop=dateModified comes first', () => {
    const body = `<p>Updated <span itemprop="dateModified" content="${MODIFIED}">9 March</span>, ` +
      `first out <span itemprop="datePublished" content="${PUBLISHED}">4 March</span></p>`;
    assert.equal(publishedAt('', body), PUBLISHED);
  });

  it('skips a <time> labelled as an update by the words before it or by its class', () => {
    const labelled = `<p>Updated: <time datetime="${MODIFIED}">9 March</time> · Published <time datetime="${PUBLISHED}">4 March</time></p>`;
    assert.equal(publishedAt('', labelled), PUBLISHED);
    const classed = `<p><time class="updated" datetime="${MODIFIED}">9 March</time> ` +
      `<time class="entry-date published" datetime="${PUBLISHED}">4 March</time></p>`;
    assert.equal(publishedAt('', classed), PUBLISHED);
    assert.equal(publishedAt('', `<p><time class="entry-date published updated" datetime="${PUBLISHED}">4 March</time></p>`), PUBLISHED);
  });

  it('takes a <time pubdate> as the publication even when its class says updated', () => {
    const time = `<p>on <time class="updated" datetime="2014-06-29 20:08:00-0400" pubdate>June 29, 2014 08:08 pm</time></p>`;
    assert.equal(publishedAt(meta('sailthru.date', '2014-06-30', 'name'), time), '2014-06-29T20:08:00-04:00');
  });

  it('gives the earliest edit the page states only when it states no publication, dateline or dated address', () => {
    assert.equal(publishedAt(meta('article:modified_time', MODIFIED) + meta('last-modified', MODIFIED, 'http-equiv')), MODIFIED);
    assert.equal(publishedAt(ld({ '@type': 'NewsArticle', dateModified: MODIFIED })), MODIFIED);
    assert.equal(publishedAt('', `<p>Last updated on <time datetime="${MODIFIED}">9 March</time></p>`), MODIFIED);
    const edits = meta('article:modified_time', '2021-05-01T00:00:00Z') + ld({ '@type': 'NewsArticle', dateModified: MODIFIED });
    assert.equal(publishedAt(edits), MODIFIED, 'the earliest of its edits');
    assert.equal(publishedAt(edits + meta('article:published_time', PUBLISHED)), PUBLISHED);
    assert.equal(publishedAt(edits, '', 'https://news.example/2021/03/02/harbour-plan'), '2021-03-02', 'the address files it under a day');
    assert.equal(publishedAt(edits, '<h1>Harbour plan approved</h1><p>March 3, 2021</p>'), '2021-03-03', 'a dateline under the headline');
  });

  it('passes over a "published" date later than the page’s last edit for the next source', () => {
    const later = meta('date', '2024-06-01T00:00:00Z', 'name');
    const edited = meta('article:modified_time', MODIFIED);
    assert.equal(publishedAt(later + meta('dcterms.date', '2021-03-04', 'name') + edited), '2021-03-04');
    assert.equal(publishedAt(later + edited), '2024-06-01T00:00:00Z');
  });
});

describe('time zones of published dates', () => {
  it('keeps the zone a date states', () => {
    assert.equal(parsePublished('Mon, 18 Nov 2019 16:07:38 -0600')?.iso, '2019-11-18T16:07:38-06:00');
    assert.equal(parsePublished('November 19, 2019, 07:47 PM EST')?.iso, '2019-11-19T19:47-05:00');
    assert.equal(parsePublished('Tue Nov 19 2019 03:05:46 GMT+0000')?.iso, '2019-11-19T03:05:46Z');
    assert.equal(parsePublished('2019-11-19T05:45:00-08:00')?.iso, '2019-11-19T05:45:00-08:00');
    assert.equal(parsePublished('November 20, 2019 12:32')?.iso, '2019-11-20T12:32');
  });

  it('reads a placeholder year as no date', () => {
    assert.equal(parsePublished('0001-01-01T00:00:00Z'), null);
    assert.equal(publishedAt(meta('article:published_time', '0001-01-01T00:00:00Z')), null);
  });

  it('completes a stated date with the time and zone another source gives for the same moment', () => {
    const article = (datePublished: string): string => ld({ '@type': 'Article', datePublished });
    const zoneless = meta('article:published_time', '2019-11-20T01:50:59.403');
    assert.equal(publishedAt(zoneless + article('2019-11-20T01:50:59.403Z')), '2019-11-20T01:50:59Z');
    const day = meta('datePublished', '2019-11-19', 'itemprop');
    assert.equal(publishedAt(day + article('Tue Nov 19 2019 03:05:46 GMT+0000')), '2019-11-19T03:05:46Z');
    assert.equal(publishedAt(meta('article:published_time', '2019-11-20') + article('2019-11-21T01:00:00Z')), '2019-11-20');
  });
});

describe('printed datelines', () => {
  const title = '城东公交枢纽站下月启用_新华日报';
  const under = (lines: string): string => `城东公交枢纽站下月启用\n${lines}\n市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用。`;

  it('takes 发布时间 over 更新时间 in one line, whichever comes first', () => {
    assert.equal(findVisibleDate(under('更新时间：2022-02-14 09:00 发布时间：2022-02-13 07:48'), title)?.iso, '2022-02-13T07:48');
    assert.equal(findVisibleDate(under('发布时间：2022-02-13 07:48 | 更新时间：2022-02-14 09:00'), title)?.iso, '2022-02-13T07:48');
  });

  it('skips an updated line printed above the published one', () => {
    assert.equal(findVisibleDate(under('Updated: 2022-02-14 09:00\n时间：2022-02-13 07:48'), title)?.iso, '2022-02-13T07:48');
    assert.equal(findVisibleDate(under('最后更新 2022-02-14 09:00\n日期：2022-02-13'), title)?.iso, '2022-02-13');
  });

  it('reads 发布 in a sentence as prose, not as a label', () => {
    const lines = '2022-02-13 07:00:00 来源：央广网\n习近平签署命令，发布《规定》，自2022年2月10日起施行。';
    assert.equal(findVisibleDate(under(lines), title)?.iso, '2022-02-13T07:00:00');
  });
});

describe('printed English datelines', () => {
  const HEADLINE = 'Council approves the new harbour bridge';
  const LEDE = '<p>The city council voted on Tuesday evening to fund the harbour bridge that residents have asked for ' +
    'since the old ferry closed.</p>';
  function datelineAt(lines: string, options: { lang?: string; head?: string; above?: string; url?: string } = {}): string | null {
    const html = `<!doctype html><html lang="${options.lang ?? 'en'}"><head><title>${HEADLINE} | Harbour Gazette</title>` +
      `${options.head ?? ''}</head><body><nav><a href="/">Home</a></nav><article>${options.above ?? ''}<h1>${HEADLINE}</h1>` +
      `${lines}${LEDE}${STORY}</article></body></html>`;
    return clipFromHtml(html, { url: options.url }).publishedAt;
  }

  it('reads the day a dateline states, with no time when it gives none', () => {
    assert.equal(datelineAt('<p class="byline">Published March 3, 2020</p>'), '2020-03-03');
    assert.equal(datelineAt('<div>3 March 2020</div>'), '2020-03-03');
    assert.equal(datelineAt('<div>Posted on <span>March 3rd, 2020</span> by admin</div>'), '2020-03-03');
  });

  it('keeps the time and the zone a dateline states', () => {
    assert.equal(datelineAt('<div>By Jane Doe | Mar. 3, 2020 10:15 a.m. ET</div>'), '2020-03-03T10:15-05:00');
    assert.equal(datelineAt('<p>Tuesday 3 March 2020 14.02 GMT</p>'), '2020-03-03T14:02Z');
    assert.equal(datelineAt('<p>Published 11:11 PM EST Nov 19, 2019</p>'), '2019-11-19T23:11-05:00');
    assert.equal(datelineAt('<p>By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.</p>'), '2019-11-18T11:04');
  });

  it('keeps the time but no zone when the abbreviation names several zones', () => {
    assert.equal(datelineAt('<p>November 20, 2019 - 11:28 AMT</p>'), '2019-11-20T11:28');
  });

  it('skips an updated date printed before the published one, in one line or on lines of their own', () => {
    assert.equal(datelineAt('<p>Updated: March 5, 2020 / Posted: March 3, 2020</p>'), '2020-03-03');
    assert.equal(datelineAt('<p>Last updated March 5, 2020</p><p>First published March 3, 2020</p>'), '2020-03-03');
    assert.equal(datelineAt('<p>Updated:</p><p>March 5, 2020</p><p>March 3, 2020</p>'), '2020-03-03');
  });

  it('takes a printed update only when the page states no publication, dateline or dated address', () => {
    assert.equal(datelineAt('<p>Updated 2:30 p.m. March 5, 2020</p>'), '2020-03-05T14:30');
    const above = '<div class="date"><span>Updated: </span>March 5, 2020, 5:02 PM ET</div>';
    assert.equal(datelineAt('', { above }), '2020-03-05T17:02-05:00');
    assert.equal(datelineAt('<p>Updated: March 5, 2020</p>', { url: 'https://news.example/2020/03/04/harbour-bridge' }), '2020-03-04');
    assert.equal(datelineAt('<p>Updated: March 5, 2020</p>', { head: meta('article:published_time', PUBLISHED) }), PUBLISHED);
  });

  it('does not take a date from the story’s prose or from a date without its year', () => {
    assert.equal(datelineAt('<p>The war began on March 3, 2020.</p>'), null);
    assert.equal(datelineAt('<p>Protests began March 3, 2020.</p>'), null);
    assert.equal(datelineAt('<p>March 3</p><p>Posted 3 hours ago</p><p>March 3 - 5, 2020</p>'), null);
  });

  it('does not take a date from far below the headline', () => {
    const filler = '<p>Residents spoke for and against the plan at a long public hearing before the vote was called.</p>'.repeat(12);
    assert.equal(datelineAt(`${filler}<p>March 3, 2020</p>`), null);
  });

  it('reads the dateline by the copy of the headline that has one when the page repeats the headline', () => {
    const others = '<li><a href="/n">Residents spoke for and against the plan at a long public hearing before the vote</a></li>'.repeat(14);
    const topStories = `<ul><li><a href="/h">${HEADLINE}</a></li>${others}</ul>`;
    assert.equal(datelineAt('<p>By Jane Doe</p><p>22 Dec 2016 at 14:27 ET</p>', { above: topStories }), '2016-12-22T14:27-05:00');
  });

  it('reads a kicker above the headline when nothing below it is dated', () => {
    assert.equal(datelineAt('', { above: '<p>March 3, 2020 · City</p>' }), '2020-03-03');
  });

  it('keeps the date the markup states over the printed one', () => {
    assert.equal(datelineAt('<p>Published March 3, 2020</p>', { head: meta('article:published_time', PUBLISHED) }), PUBLISHED);
  });

  it('reads 3/7/2020 only in the order the page’s locale gives', () => {
    assert.equal(datelineAt('<p>3/7/2020</p>'), null);
    assert.equal(datelineAt('<p>3/7/2020</p>', { lang: 'en-US' }), '2020-03-07');
    assert.equal(datelineAt('<p>3/7/2020</p>', { lang: 'en-GB' }), '2020-07-03');
    assert.equal(datelineAt('<p>13/7/2020</p>'), '2020-07-13');
  });
});

describe('the published date named by a microformat class', () => {
  it('reads hAtom’s <abbr class="published" title> and microformats2’s dt-published, not hAtom’s updated', () => {
    assert.equal(publishedAt('', `<p><abbr class="published updated" title="${PUBLISHED}">4 March, 5:06</abbr></p>`), PUBLISHED);
    assert.equal(publishedAt('', `<p><abbr class="updated" title="${MODIFIED}">9 March</abbr></p>`), null);
    assert.equal(publishedAt('', '<p><span class="dt-published">2021-03-04 05:06</span></p>'), '2021-03-04T05:06');
  });

  it('reads no date from the text of a whole post classed published', () => {
    // Date.parse skips the words before numbers: this text alone would read as 3 December 2019.
    const post = 'Bridge News Roads Council City Town Budget Library Harbour Ferry Crane Port 2019 12 3';
    assert.equal(publishedAt('', `<div class="published"><p>${post}</p></div>`), null);
  });

  it('reads the date line of a field a content system names published, strictly', () => {
    const field = '<div class="field field-name-field-published-date">' +
      '<span class="date-display-single">December 19, 2016 - 12:29pm</span></div>';
    assert.equal(publishedAt('', field), '2016-12-19T12:29');
    assert.equal(publishedAt('', '<p class="postPublishedDate">2016-12-19 12:29</p>'), '2016-12-19T12:29');
    // Date.parse would read this as 1 January 2016.
    assert.equal(publishedAt('', '<p class="published-in">Published by Harbour Press 2016</p>'), null);
  });

  it('skips a published class in a list of related stories', () => {
    assert.equal(publishedAt('', `<ul class="related"><li><abbr class="published" title="${MODIFIED}">9 March</abbr></li></ul>`), null);
  });
});

describe('the published date a <time> prints without a datetime', () => {
  it('reads the text of a <time> named published, over a bare <time datetime> elsewhere in the story', () => {
    const printed = '<p><time class="article-published-date">December 7, 2016 @ 3:53 PM</time></p>';
    assert.equal(publishedAt('', printed), '2016-12-07T15:53');
    assert.equal(publishedAt('', `${printed}<p>Seen <time datetime="2016-12-05T17:10:10+00:00">Dec 5</time></p>`), '2016-12-07T15:53');
  });

  it('reads no date from a <time> holding more than a date line, and one named as an update only as the last resort', () => {
    const sentence = 'The council met on 4 March 2021 and again a week later, when the harbour plan was finally approved.';
    assert.equal(publishedAt('', `<p><time>${sentence}</time></p>`), null);
    assert.equal(publishedAt('', '<p><time class="updated">March 9, 2021</time></p>'), '2021-03-09');
    assert.equal(publishedAt('', '<p><time class="updated">March 9, 2021</time> <time>March 4, 2021</time></p>'), '2021-03-04');
  });
});

describe('the day a story’s address is filed under', () => {
  const at = (url: string, head = ''): string | null => publishedAt(head, '', url);

  it('reads /yyyy/mm/dd/, /yyyy-mm-dd/ and /yyyymmdd/ when the page states no date', () => {
    assert.equal(at('https://news.example.com/2011/08/24/monument-closes/'), '2011-08-24');
    assert.equal(at('https://news.example.com/c/2005-03-12/10305334.shtml'), '2005-03-12');
    assert.equal(at('https://news.example.com/20050312/n224.shtml'), '2005-03-12');
    assert.equal(at('https://example.com/blog/2019-11-20-harbour-bridge'), '2019-11-20');
  });

  it('prefers the canonical address, and any date the page states', () => {
    assert.equal(at('https://example.com/amp/story', '<link rel="canonical" href="https://example.com/2011/08/24/story">'), '2011-08-24');
    assert.equal(at('https://example.com/2011/08/24/story', meta('article:published_time', PUBLISHED)), PUBLISHED);
  });

  it('yields to the date a Chinese portal prints under its headline', () => {
    const lede = '市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用，届时将有十二条线路在此始发。'.repeat(4);
    const html = `<!doctype html><html lang="zh-CN"><head><title>城东公交枢纽站下月启用</title></head><body>
      <h1>城东公交枢纽站下月启用</h1><div>2005年03月14日 10:30　来源：本地日报</div><div class="article"><p>${lede}</p><p>${lede}</p></div></body></html>`;
    assert.equal(clipFromHtml(html, { url: 'https://news.example.com/c/2005-03-12/10305334.shtml' }).publishedAt, '2005-03-14T10:30');
  });

  it('reads no day from an id, a month alone, an impossible day or a future one', () => {
    assert.equal(at('https://example.com/story/201108241234'), null);
    assert.equal(at('https://example.com/2011/08/story'), null);
    assert.equal(at('https://example.com/2011/02/30/story'), null);
    assert.equal(at('https://example.com/2099/01/01/story'), null);
    assert.equal(at('https://example.com/items?date=2011-08-24'), null);
  });
});
