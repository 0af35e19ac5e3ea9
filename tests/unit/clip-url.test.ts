import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalizeUrl, clipFromHtml } from '../../electron/core/clip/index.js';
import { isClipdeskError } from '../../electron/core/errors.js';

describe('canonical URLs', () => {
  it('lower-cases the host, drops the fragment, the default port and tracking parameters, sorts the rest', () => {
    assert.equal(
      canonicalizeUrl('HTTPS://News.Example.COM:443/World/Story?b=2&utm_source=tw&a=1&fbclid=XYZ&gclid=1&UTM_Medium=x#comments'),
      'https://news.example.com/World/Story?a=1&b=2',
    );
    assert.equal(canonicalizeUrl('http://example.com:80/?utm_campaign=x'), 'http://example.com/');
    assert.equal(canonicalizeUrl('http://example.com:8080/a?z=1&z=0'), 'http://example.com:8080/a?z=1&z=0');
  });

  it('refuses a string that is not a URL', () => {
    assert.throws(() => canonicalizeUrl('example dot com'), (error) => isClipdeskError(error) && error.code === 'BAD_INPUT');
  });

  it('takes the canonical URL from <link rel=canonical>, resolved against the page', () => {
    const html = '<html><head><link rel="canonical" href="/story/42"><meta property="og:url" content="https://other.example/"></head><body><p>Some words of an article body here.</p></body></html>';
    assert.equal(clipFromHtml(html, { url: 'https://news.example/story/42?utm_source=x' }).canonicalUrl, 'https://news.example/story/42');
  });

  it('falls back to og:url and then to the cleaned page URL', () => {
    const og = '<html><head><meta property="og:url" content="https://news.example/s/1"></head><body><p>Body text.</p></body></html>';
    assert.equal(clipFromHtml(og).canonicalUrl, 'https://news.example/s/1');
    const bare = '<html><body><p>Body text.</p></body></html>';
    assert.equal(clipFromHtml(bare, { url: 'https://News.example/s/1?utm_medium=x#top' }).canonicalUrl, 'https://news.example/s/1');
  });
});

describe('page metadata', () => {
  const defaultBody = '<article><h1>Headline</h1><p>Paragraph one of the story, long enough to count as an article.</p></article>';
  const page = (head: string, body = defaultBody): string =>
    `<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`;

  it('reads title, byline, site name, language and an offset-bearing publication time', () => {
    const head = '<title>Headline | The Paper</title><meta name="author" content="Ann Writer">' +
      '<meta property="og:site_name" content="The Paper">' +
      '<meta property="article:published_time" content="2024-05-06T07:08:09+02:00">';
    const clip = clipFromHtml(page(head));
    assert.equal(clip.byline, 'Ann Writer');
    assert.equal(clip.source, 'The Paper');
    assert.equal(clip.language, 'en-GB');
    assert.equal(clip.publishedAt, '2024-05-06T07:08:09+02:00');
    assert.equal(clip.publishedText, '2024-05-06T07:08:09+02:00');
  });

  it('reads the publication date from JSON-LD, itemprop and <time>', () => {
    const jsonLd = '<script type="application/ld+json">' +
      '{"@graph":[{"@type":"NewsArticle","datePublished":"2021-02-03T04:05:00Z","author":{"name":"Bo"}}]}</script>';
    assert.equal(clipFromHtml(page(jsonLd)).publishedAt, '2021-02-03T04:05:00Z');
    const itempropBody = '<article><p>Text <span itemprop="datePublished" content="2020-01-02">Jan 2</span> body.</p></article>';
    assert.equal(clipFromHtml(page('', itempropBody)).publishedAt, '2020-01-02');
    const timeBody = '<article><time datetime="2019-12-31T23:00">New Year’s Eve</time><p>Body of text.</p></article>';
    assert.equal(clipFromHtml(page('', timeBody)).publishedAt, '2019-12-31T23:00');
  });

  it('falls back to <title> when the page has no better title, and to the body when there is no article', () => {
    const clip = clipFromHtml('<html><head><title>Only a title</title></head><body>Loose text with <b>no</b> paragraphs.</body></html>');
    assert.equal(clip.title, 'Only a title');
    assert.equal(clip.text, 'Loose text with no paragraphs.');
  });

  it('falls back to the page\'s own <article> when what Readability took was a menu that pruning emptied', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `<li><a href="/s/${i}">Section ${i}, scores, schedules and teams</a></li>`).join('');
    // Lines too short for Readability to score, so the menu's commas win it over.
    const story = Array.from({ length: 20 }, (_, i) => `Line ${i} of the story.`);
    const page = (storyTag: string, before = ''): string => `<html><head><title>Houston hires a coach</title></head><body>
      <section class="main-wrapper"><div class="top"><ul>${menu}</ul></div>${before}<${storyTag}><h1>Houston hires a coach</h1>
      ${story.map((line) => `<p>${line}</p>`).join('')}</${storyTag}></section></body></html>`;
    assert.equal(clipFromHtml(page('article')).text, story.join('\n\n'));
    // An <article> that is only a video player keeps under a tenth of the page: the page's text is kept whole.
    assert.match(clipFromHtml(page('div', '<article><p>You can close this video.</p></article>')).text, /Line 19 of the story\./);
  });
});
