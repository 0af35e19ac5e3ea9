import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';
import { bylineNames } from '../../electron/core/clip/metadata/byline.js';
import { findChineseByline, tidyName } from '../../electron/core/clip/metadata/chinese-byline.js';

const BODY = '市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用。';

/** The byline found in a page whose text around the article is `region`, the article being `article`. */
function byline(region: string, article = BODY): string | null {
  return findChineseByline({ region: `${region}\n${article}`, article });
}

describe('reading the byline a Chinese page prints', () => {
  it('joins every reporter row under the headline', () => {
    assert.equal(byline('本报实习生 刘国栋 周炜\n本报记者 王燕平 方云凤'), '刘国栋 周炜 王燕平 方云凤');
    assert.equal(byline('光明日报记者 王建宏 张文攀'), '王建宏 张文攀');
    assert.equal(byline('新京报记者 彭冲 山东冠县报道'), '彭冲');
  });

  it('takes a labelled author, a padded two-character name included, and skips markup left in the value', () => {
    assert.equal(byline('出版社：团结出版社 作者：罗银胜'), '罗银胜');
    assert.equal(byline('作者: 赵 培：北京物资学院'), '赵 培');
    assert.equal(byline('作者： size="20" 来源： size="20"'), null);
    assert.equal(byline('——作者手记'), null);
  });

  it('reads the credit that closes the last paragraph, but not a lone name in brackets', () => {
    assert.equal(byline('', `${BODY}（记者 胡晓蓉）`), '胡晓蓉');
    assert.equal(byline('', `${BODY}（姚峰 上海报道）`), '姚峰');
    assert.equal(byline('', `${BODY}（常书香 马丹阳 ）`), '常书香 马丹阳');
    assert.equal(byline('', `${BODY}（央视）`), null);
    assert.equal(byline('', `${BODY}（新华社 记者）`), null);
  });

  it('takes the author of a forum or blog post', () => {
    assert.equal(byline('ggjjzhzz 发表于 2005-9-15 11:46:00'), 'ggjjzhzz');
    assert.equal(byline('由海姑娘张贴 @ 2005-06-14 03:25:55'), '海姑娘');
  });

  it('takes a name alone under the headline, not a section heading', () => {
    assert.equal(byline('', `胡平\n${BODY}`), '胡平');
    assert.equal(byline('', `导语\n${BODY}`), null);
  });

  it('falls back to a bracketed name before the source, then the editor, then the issuing body', () => {
    assert.equal(byline('2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]'), '黄宇');
    assert.equal(byline('来源：新闻晨报\n编辑：山石'), '山石');
    assert.equal(byline('发文机关： 吉林省人民政府'), '吉林省人民政府');
  });

  it('prefers the reporter to the editor', () => {
    assert.equal(byline('（记者 胡晓蓉）\n责任编辑：孙重远', `${BODY}（记者 胡晓蓉）`), '胡晓蓉');
  });

  it('writes a padded two-character name as one name', () => {
    assert.equal(tidyName('赵  培'), '赵培');
    assert.equal(tidyName('王建宏 张文攀'), '王建宏 张文攀');
  });

  it('clips the printed reporter of an undeclared Chinese page rather than the site in its author metadata', () => {
    const html = `<html><head><title>城东公交枢纽站下月启用_本地新闻</title><meta name="author" content="www.local.example,本地日报"></head>
      <body><h1>城东公交枢纽站下月启用</h1><div>2005年03月12日 10:30　来源：本地日报</div><div>本报记者 王五</div>
      <div class="article"><p>${BODY.repeat(4)}</p><p>${BODY.repeat(4)}</p><p>${BODY.repeat(4)}</p></div></body></html>`;
    const clip = clipFromHtml(html);
    assert.equal(clip.byline, '王五');
    assert.equal(clip.publishedAt, '2005-03-12T10:30');
    assert.doesNotMatch(clip.text, /本报记者/);
  });
});

describe('the names in a byline as templates print it', () => {
  const names = (byline: string, siteNames: string[] = []): string | null => bylineNames(byline, siteNames);

  it('drops the leading By, which the reader prints itself', () => {
    assert.equal(names('By Lia Eustachewich and Yaron Steinbuch'), 'Lia Eustachewich and Yaron Steinbuch');
    assert.equal(names('By: Marguerite Reardon'), 'Marguerite Reardon');
    assert.equal(names('Par Lilian Alemagna'), 'Lilian Alemagna');
    assert.equal(names('Written by Jane Doe'), 'Jane Doe');
    assert.equal(names('Analysis by Chris Cillizza, CNN Editor-at-large'), 'Chris Cillizza, CNN Editor-at-large');
    assert.equal(names('Opinion by Jane Doe'), 'Jane Doe');
  });

  it('drops a By run into the name, as a lead word and a name in elements side by side read', () => {
    assert.equal(names('ByElizabeth Kolbert'), 'Elizabeth Kolbert');
    assert.equal(names('Written byMark Manson'), 'Mark Manson');
    assert.equal(names('ParLilian Alemagna'), 'Lilian Alemagna');
    // Names that start with the letters of a lead word: a small letter follows them.
    assert.equal(names('Byron York'), 'Byron York');
    assert.equal(names('Porter Smith'), 'Porter Smith');
    assert.equal(names('Bylines Team'), 'Bylines Team');
  });

  it('sets a role run on after the names apart with a comma, as bylines with a role write it', () => {
    assert.equal(names('Andrea Stone Senior Washington Correspondent'), 'Andrea Stone, Senior Washington Correspondent');
    assert.equal(names('By Jane Doe Staff Writer'), 'Jane Doe, Staff Writer');
    assert.equal(names('JANE DOE CORRESPONDENT'), 'JANE DOE, CORRESPONDENT');
    // A lone name before the role word may be the whole name (a surname that is a role), and a comma says it already.
    assert.equal(names('Jane Writer'), 'Jane Writer');
    assert.equal(names('Jane Doe, Staff Writer'), 'Jane Doe, Staff Writer');
    assert.equal(names('Mary Washington Smith'), 'Mary Washington Smith');
    assert.equal(names('Jane Doe Sports Writer'), 'Jane Doe, Sports Writer');
    assert.equal(names("World's Editorial Writers"), "World's Editorial Writers");
    // Name and role printed side by side, their texts joined with no space.
    assert.equal(names('by Larry FitzmauriceContributor'), 'Larry Fitzmaurice, Contributor');
  });

  it('ends the names where a date, a clock or the template’s next control begins', () => {
    assert.equal(names('By: Marguerite Reardon August 18, 2010 3:21 PM PDT Print E-mail'), 'Marguerite Reardon');
    assert.equal(names('By Bryan Walsh Tuesday, Aug. 17, 2010'), 'Bryan Walsh');
    assert.equal(names('By Carrie ArnoldNovember 15, 2019'), 'Carrie Arnold');
    assert.equal(names('By Seth Fiegerman2014-01-26 21:32:46 UTC'), 'Seth Fiegerman');
    assert.equal(names('By Samit Sarkar on Jun 30, 2014 06.30.14'), 'Samit Sarkar');
    assert.equal(names('by Jeff Foust — November 18, 2019'), 'Jeff Foust');
    assert.equal(names('by Justin Yu July 30, 2013 11:25 AM PDT Follow @malusbrutus'), 'Justin Yu');
    assert.equal(names('By Sam Byford on June 29, 2014 08:08 pm @345triangle 76Comments'), 'Sam Byford');
    assert.equal(names('By JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers | AP – 1 hr 4 mins ago'),
      'JORDAN ROBERTSON and RACHEL METZ');
    assert.equal(names('Reuters,'), 'Reuters');
    assert.equal(names('ZDNet Japan Staff 2019年04月28日 08時00分'), 'ZDNet Japan Staff');
    assert.equal(names('Emily Kirkpatrick•@kirkpate'), 'Emily Kirkpatrick');
    assert.equal(names('By Oli Coleman View author archive Get author RSS feed'), 'Oli Coleman');
    assert.equal(names('View Comments'), null);
  });

  it('keeps names that share a word with a month or a weekday, and roles after a comma', () => {
    assert.equal(names('By April Glaser and May Jones'), 'April Glaser and May Jones');
    assert.equal(names('Augusta Sundberg'), 'Augusta Sundberg');
    assert.equal(names('By GREG BEACHAM, AP Sports Writer'), 'GREG BEACHAM, AP Sports Writer');
    assert.equal(names('Jean-Paul Dubois'), 'Jean-Paul Dubois');
  });

  it('gives no names for a date, an address, a bare label or the site itself', () => {
    assert.equal(names('9:39AM BST 05 Oct 2011'), null);
    assert.equal(names('By'), null);
    assert.equal(names('Authors'), null);
    assert.equal(names('https://www.facebook.com/AesirEdge'), null);
    assert.equal(names('lefigaro.fr'), null);
    assert.equal(names('BBC News', ['BBC News']), null);
  });

  it("knows the site's name written another way, as titles do, and keeps a person's name", () => {
    assert.equal(names('By NY Times', ['NYTimes']), null);
    assert.equal(names('Reuters.', ['Reuters']), null);
    assert.equal(names('新浪网', ['新浪']), null);
    assert.equal(names('Vox Harris', ['Vox']), 'Vox Harris');
  });

  // 100,000 characters of ", " took 38 s in the pattern that trims what joins the names; the guard is the timeout.
  it('gives no names for a byline longer than a paragraph, at once', { timeout: 10_000 }, () => {
    assert.equal(names(`${', '.repeat(50_000)}x`), null);
    assert.equal(names(`By ${'on '.repeat(30_000)}x`), null);
  });

  it('falls back to the author metadata when the printed byline names nobody', () => {
    const story = 'The city council voted on Tuesday evening to fund the harbour bridge that residents asked for. '.repeat(8);
    const html = `<html lang="en"><head><title>Harbour bridge approved</title><meta name="author" content="Jane Doe"></head>
      <body><article><h1>Harbour bridge approved</h1><p class="byline">By 9:39AM BST 05 Oct 2011</p>
      <p>${story}</p></article></body></html>`;
    assert.equal(clipFromHtml(html).byline, 'Jane Doe');
  });
});

const HARBOUR_STORY = '<p>The harbour authority said on Monday that container traffic doubled in the second quarter.</p>'.repeat(5);

/** The byline of a page on harbour traffic: `head` in its <head>, `above` over the story in its <article>, `around` before it. */
function harbourByline(parts: { head?: string; above?: string; around?: string }): string | null {
  const { head = '', above = '', around = '' } = parts;
  return clipFromHtml(`<!doctype html><html lang="en"><head><title>Harbour traffic doubles</title>${head}</head><body>${around}
    <article><h1>Harbour traffic doubles</h1>${above}${HARBOUR_STORY}</article></body></html>`).byline;
}

describe('the writers a page names by links to their pages', () => {
  const bylineOf = (above: string, around = ''): string | null => harbourByline({ above, around });

  it('takes the name of a link to a writer\'s page when the byline is no template Readability knows', () => {
    const dated = 'Wednesday January 18, 2017 11:44 am PST by <a href="/author/juli-clover/">Juli Clover</a>';
    assert.equal(bylineOf(`<div class="meta">${dated}</div>`), 'Juli Clover');
    assert.equal(bylineOf('<p class="x">Words: <a rel="author" href="/u/77">Jane Doe</a></p>'), 'Jane Doe');
    // Drupal and forum software keep writers' pages under /user/ and /users/.
    const drupal = '<div class="date">December 21, 2016 | by <a href="/users/lauren-briggs">Lauren Briggs</a></div>';
    assert.equal(bylineOf(drupal), 'Lauren Briggs');
  });

  it('passes over the account controls a site links to its users\' pages', () => {
    const account = '<p class="x"><a href="/User/Login">LOG IN</a> <a href="/users/sign_up">Sign Up</a> <a href="/user">My Account</a></p>';
    assert.equal(bylineOf(account), null);
    assert.equal(bylineOf(`${account}<p class="y"><a href="/User/TravisHaney">Travis Haney</a> - 4 hours ago</p>`), 'Travis Haney');
  });

  it('joins the writers linked side by side', () => {
    assert.equal(bylineOf('<p class="x">By <a href="/staff/matthew-digby/">Matthew Digby</a>, <a href="/staff/minh-do/">Minh Do</a></p>'),
      'Matthew Digby, Minh Do');
  });

  it('prints every writer of a byline that marks several as authors, as the page joins them', () => {
    const person = (name: string) =>
      `<span itemprop="author" itemscope><a rel="author" href="/profile/x"><span itemprop="name">${name}</span></a></span>`;
    const shared = `<p class="byline">By ${person('Julia Carrie Wong')} and ${person('Sam Levin')}</p>`;
    assert.equal(bylineOf(shared), 'Julia Carrie Wong and Sam Levin');
    const listed = `<ul><li>${person('Bertille Bayart')}, ${person('Marie Visot')}</li><li>Mis à jour le 06/04/2013</li></ul>`;
    assert.equal(bylineOf(listed), 'Bertille Bayart, Marie Visot');
    // One writer marked twice is one writer; two marked far apart are no shared byline.
    assert.equal(bylineOf(`<p class="byline">By ${person('Sam Levin')}</p>`), 'Sam Levin');
    const story = `<p>${'The harbour authority counted more ships than in any year before. '.repeat(4)}</p>`;
    const apart = `<div><p class="byline">By ${person('Sam Levin')}</p>${story}<p>Also by ${person('Jane Doe')}</p></div>`;
    assert.equal(bylineOf(apart), 'Sam Levin');
  });

  it('passes over writers listed in a menu or a sidebar, and links that are no name', () => {
    const furniture = '<aside><a href="/author/jane-doe/">Jane Doe</a></aside><nav><a href="/staff/joe-bloggs/">Joe Bloggs</a></nav>';
    assert.equal(bylineOf('', furniture), null);
    assert.equal(bylineOf('<p class="x"><a href="/author/jane-doe/">More from this author</a> <a href="/authors/">All Writers</a></p>'),
      null);
  });
});

describe('the writer JSON-LD names by reference', () => {
  const bylineOf = (graph: unknown): string | null =>
    harbourByline({ head: `<script type="application/ld+json">${JSON.stringify(graph)}</script>` });
  const person = (name: string) => ({ '@context': 'https://schema.org', '@graph': [
    { '@type': 'Article', headline: 'Harbour traffic doubles', author: { '@id': 'https://example.com/#/schema/person/14fb' } },
    { '@type': 'Person', '@id': 'https://example.com/#/schema/person/14fb', name },
  ] });

  it('follows an author given by @id to the Person in the @graph, as WordPress\'s Yoast writes it', () => {
    assert.equal(bylineOf(person('Tony Carter')), 'Tony Carter');
  });

  it('takes no name from the account a CMS names when nobody signed the post', () => {
    assert.equal(bylineOf(person('admin')), null);
  });
});
