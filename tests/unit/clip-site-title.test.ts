import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';
import { dropSiteName } from '../../electron/core/clip/metadata/site-title.js';

const STORY = 'The streaming service had been live for only a few hours when viewers began to report problems. '.repeat(6);
const GUSHI = '市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用，届时将有十二条线路在此始发。'.repeat(6);

const STORY_URL = 'https://news.example.com/2019/11/13/story.html';

/** The title Clipdesk gives a page with this `<head>`, markup `above` its article, and one long paragraph of `text`. */
function titleOf(head: string, text = STORY, above = '', url = STORY_URL): string {
  const body = `${above}<article><p>${text}</p></article>`;
  return clipFromHtml(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`, { url }).title;
}

describe('dropping the site name a title repeats', () => {
  it('drops the og:site_name after a dash or a bar', () => {
    assert.equal(titleOf(`<title>Disney+ glitches blamed on heavy demand - Los Angeles Times</title>
      <meta property="og:site_name" content="Los Angeles Times">`), 'Disney+ glitches blamed on heavy demand');
    assert.equal(titleOf(`<meta property="og:title" content="Oil slips as oversupply fears return | Reuters">
      <meta property="og:site_name" content="Reuters">`), 'Oil slips as oversupply fears return');
  });

  it('drops the JSON-LD publisher and the application-name, at the end or the start', () => {
    const publisher = JSON.stringify({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'BBC News' } });
    assert.equal(titleOf(`<title>Sweden drops Assange rape investigation – BBC News</title>
      <script type="application/ld+json">${publisher}</script>`), 'Sweden drops Assange rape investigation');
    assert.equal(titleOf(`<title>The Verge :: Star Trek 4 eyes Noah Hawley to direct</title>
      <meta name="application-name" content="The Verge">`), 'Star Trek 4 eyes Noah Hawley to direct');
  });

  it('drops a Chinese site name after an underscore or a bare hyphen', () => {
    assert.equal(titleOf(`<title>中央军委主席签署命令 发布《军队装备试验鉴定规定》_新华网</title>
      <meta property="og:site_name" content="新华网">`, GUSHI), '中央军委主席签署命令 发布《军队装备试验鉴定规定》');
    assert.equal(titleOf(`<title>脂溢性脱发：爱出油快秃顶？-报社新闻-查报纸网</title>
      <meta property="og:site_name" content="查报纸网">`, GUSHI), '脂溢性脱发：爱出油快秃顶？-报社新闻');
  });

  it('drops a Japanese site name after a full-width bar, spaced or not', () => {
    const story = 'あの有名フォント「Helvetica」は、こうしてデジタル時代に生まれ変わった。'.repeat(8);
    assert.equal(titleOf(`<title>あの有名フォントは生まれ変わった｜WIRED.jp</title>
      <meta property="og:site_name" content="WIRED.jp">`, story), 'あの有名フォントは生まれ変わった');
    assert.equal(titleOf(`<title>気軽に新聞をスクラップできる「ペン」、CUTPEN ｜ ガジェット通信 GetNews</title>
      <meta property="og:site_name" content="ガジェット通信 GetNews">`, story), '気軽に新聞をスクラップできる「ペン」、CUTPEN');
  });

  it('drops a site name after a colon at the end, spaced or not, full-width or not, and never before one at the start', () => {
    assert.equal(dropSiteName('マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌', ['phpspot開発日誌']), 'マインドマップ風のツリーを描画できる「Treeviz」');
    const asahi = 'メディア芸術祭賞、「チコちゃんに叱られる！」が受賞';
    assert.equal(dropSiteName(`${asahi}：朝日新聞デジタル`, ['朝日新聞デジタル']), asahi);
    assert.equal(dropSiteName('Harbour cranes stand idle : Tide Tables Daily', ['Tide Tables Daily']), 'Harbour cranes stand idle');
    const sourced = 'Tide Tables Daily: harbour cranes stand idle';
    assert.equal(dropSiteName(sourced, ['Tide Tables Daily']), sourced);
    assert.equal(dropSiteName('Genetik: Das Geheimnis der Riesenblumen', ['Spektrum.de']), 'Genetik: Das Geheimnis der Riesenblumen');
  });

  it('matches the name a government site gives in SiteName, with or without 网', () => {
    assert.equal(titleOf(`<title>热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网</title>
      <meta name="SiteName" content="巴彦淖尔市人民政府">`, GUSHI), '热烈祝贺市政协五届一次会议开幕');
  });

  it('keeps the title when the page names no site, or another one', () => {
    assert.equal(titleOf('<title>投身外交(3)_读书频道_新浪网</title>', GUSHI), '投身外交(3)_读书频道_新浪网');
    assert.equal(titleOf(`<meta property="og:title" content="Lexus wants you to go topless with the LC500 Convertible - Auto News">
      <meta property="og:site_name" content="AutoIndustriya.com">`),
    'Lexus wants you to go topless with the LC500 Convertible - Auto News');
  });
});

describe('cutting a title where the page’s own heading ends', () => {
  const h1 = (text: string): string => `<h1>${text}</h1>`;

  it('keeps the part the <h1> states, whatever the rest names', () => {
    const money = 'How to Save Money on Groceries';
    assert.equal(titleOf(`<title>${money} - Your Money Today - MSN Lifestyle</title>`, STORY, h1(money)), money);
    assert.equal(titleOf('<meta property="og:title" content="Voice interfaces • Dustin Curtis">', STORY, h1('Voice interfaces')),
      'Voice interfaces');
    assert.equal(titleOf('<title>Opinion | Republicans Are Following Trump to Nowhere</title>', STORY,
      h1('Republicans Are Following Trump to Nowhere')), 'Republicans Are Following Trump to Nowhere');
    assert.equal(titleOf('<title>창의적 열정과 소통 : 뉴스 : 동아닷컴</title>', STORY, `<h1></h1>${h1('창의적 열정과 소통')}`), '창의적 열정과 소통');
  });

  it("takes the <h1> over a one-word title, the section's name, when the heading holds that word among more", () => {
    assert.equal(titleOf('<title>Arbeit - BÜNDNIS 90/DIE GRÜNEN</title><meta property="og:title" content="Arbeit">', STORY,
      h1('Wir kämpfen für gute Arbeit')), 'Wir kämpfen für gute Arbeit');
    const brexit = '<meta property="og:title" content="Brexit">';
    assert.equal(titleOf(brexit, STORY, h1('Harbour trade after Brexit')), 'Harbour trade after Brexit');
    // A heading that does not hold the word, or says little more, is no better a title.
    assert.equal(titleOf(brexit, STORY, h1('Harbour trade news')), 'Brexit');
    assert.equal(titleOf(brexit, STORY, h1('Brexit explained')), 'Brexit');
  });

  it('keeps the whole title when no heading is one of its parts, or the heading ends at a colon against a word', () => {
    assert.equal(titleOf('<title>Here’s The Thing: Stacy Keach</title>', STORY, h1('Here’s The Thing')), 'Here’s The Thing: Stacy Keach');
    assert.equal(titleOf('<title>Brexit: what next - Opinion</title>', STORY, h1('Brexit')), 'Brexit: what next - Opinion');
  });

  it('passes over an <h1> that links to the site’s home, the name old templates set as the heading', () => {
    const logo = '<h1><a href="https://blogs.example.org/filmgang/">The Film Gang</a></h1>';
    assert.equal(titleOf('<title>The Film Gang » Stand Up Guys</title>', STORY, logo, 'https://blogs.example.org/filmgang/2013/02/08/stand-up-guys/'),
      'The Film Gang » Stand Up Guys');
    const permalink = '<h1><a href="/filmgang/2013/02/08/stand-up-guys/">Stand Up Guys</a></h1>';
    assert.equal(titleOf('<title>The Film Gang » Stand Up Guys</title>', STORY, permalink, 'https://blogs.example.org/filmgang/2013/02/08/stand-up-guys/'),
      'Stand Up Guys');
  });

  const gazette = 'https://news.example.org/2013/02/08/bridge-opens/';

  it('passes over an <h1> inside a link home', () => {
    const wrapped = '<a href="/"><h1>Harbour Gazette</h1></a><h2>Bridge opens to traffic</h2>';
    assert.equal(titleOf('<title>Harbour Gazette | Bridge opens to traffic</title>', STORY, wrapped, gazette),
      'Harbour Gazette | Bridge opens to traffic');
  });

  it('passes over an <h1> that is the site’s name', () => {
    const named = '<meta property="og:site_name" content="Harbour Gazette">';
    const ogTitle = '<meta property="og:title" content="Bridge opens to traffic | Harbour Gazette">';
    assert.equal(titleOf(`${ogTitle}${named}`, STORY, h1('Harbour Gazette'), gazette), 'Bridge opens to traffic');
  });

  it('takes the page’s one <h1> over a title written for search engines, when each holds most of the other’s words', () => {
    const seo = '<meta property="og:title" content="Lady Gaga Shares Pic of Ex Taylor Kinney With Her Mom">';
    const shown = 'Lady Gaga Shares Photo of Ex Taylor Kinney Hanging With Her Mom and Nephew';
    assert.equal(titleOf(seo, STORY, h1(shown)), shown);
    assert.equal(titleOf('<title>指紋認証機能付きマウスを発売。</title>', GUSHI, h1('指紋認証機能付きマウスを発売')), '指紋認証機能付きマウスを発売');
    // A heading that shares a few words, names a section (its words once each), or is one of several: the title stays.
    const quote = '<title>We are feeling what not having hope feels like, Michelle Obama says</title>';
    assert.equal(titleOf(quote, STORY, h1('Michelle Obama suggests America has lost hope since the election')),
      'We are feeling what not having hope feels like, Michelle Obama says');
    assert.equal(titleOf('<title>Lust for Youth: Lust for Youth</title>', STORY, h1('Lust for Youth')), 'Lust for Youth: Lust for Youth');
    assert.equal(titleOf(seo, STORY, `${h1(shown)}${h1('Trending')}`), 'Lady Gaga Shares Pic of Ex Taylor Kinney With Her Mom');
  });

  it('drops the site’s address when the title ends with it and no heading says more', () => {
    assert.equal(titleOf('<title>Democrats pledge to keep Social Security - CNN.com</title>', STORY, '', 'https://www.cnn.com/2010/politics/story.html'),
      'Democrats pledge to keep Social Security');
  });
});

describe('where a title may be cut', () => {
  it('folds case, spaces, punctuation and a web address', () => {
    assert.equal(dropSiteName('MacBook Pro Expected in 2020 - MacRumors', ['MacRumors.com']), 'MacBook Pro Expected in 2020');
    assert.equal(dropSiteName('Hong Kong chaos deepens | EXPRESS', ['Express.co.uk']), 'Hong Kong chaos deepens');
    const site = 'Remember 80/90 - Memorabilia anni 80/90';
    assert.equal(dropSiteName(`Black Friday per nostalgici - ${site}`, [site]), 'Black Friday per nostalgici');
    assert.equal(dropSiteName('Nelson scores · Times Union', ['times union']), 'Nelson scores');
  });

  it('never leaves a one-word or empty title', () => {
    assert.equal(dropSiteName('Brexit - The Guardian', ['The Guardian']), 'Brexit - The Guardian');
    assert.equal(dropSiteName('显示_新浪网', ['新浪网']), '显示_新浪网');
    assert.equal(dropSiteName(' - Reuters', ['Reuters']), ' - Reuters');
  });

  it('needs a separator: a name inside the headline, or joined by a bare Latin hyphen, stays', () => {
    assert.equal(dropSiteName('Why Reuters cut 300 jobs', ['Reuters']), 'Why Reuters cut 300 jobs');
    assert.equal(dropSiteName('The Amazing Spider-Man', ['Man']), 'The Amazing Spider-Man');
    assert.equal(dropSiteName('Reuters: oil slips as fears return', ['Reuters']), 'Reuters: oil slips as fears return');
  });
});

describe('a hostile title', () => {
  // Folding every part of this title at every dash took 207 s; the guard is the test's timeout, not a timing.
  it('of 200,000 characters with a dash every five is clipped, and kept to 400 characters', { timeout: 30_000 }, () => {
    const head = `<title>${'ab - '.repeat(40_000)}</title><meta property="og:site_name" content="Zed">`;
    const title = titleOf(head, STORY, '<h1>Nothing here</h1>');
    assert.ok(title.length <= 400 && title.startsWith('ab - ab'), `${title.length} characters`);
  });
});
