import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropHeadMetadata } from '../../electron/core/clip/extract/article-head.js';
import { dropTailNotes } from '../../electron/core/clip/extract/article-tail.js';
import { dropBoilerplateSections } from '../../electron/core/clip/extract/boilerplate-sections.js';
import { dropDateStamps } from '../../electron/core/clip/extract/date-stamps.js';
import { dropSideColumns } from '../../electron/core/clip/extract/layout-columns.js';
import { dropLinkLists } from '../../electron/core/clip/extract/link-lists.js';
import { dropPageControls, isControlLine } from '../../electron/core/clip/extract/page-controls.js';
import { dropPostMetaLines } from '../../electron/core/clip/extract/post-meta.js';
import { markPhotoCaptions } from '../../electron/core/clip/extract/photo-captions.js';
import { dropPhotoCredits } from '../../electron/core/clip/extract/photo-credits.js';
import { dropRepeatedCaptions } from '../../electron/core/clip/extract/repeated-blocks.js';
import { parseDocument } from '../../electron/core/clip/parse/dom-window.js';
import { nodeToText } from '../../electron/core/clip/sanitize/html-to-text.js';

/** An article container as Readability hands it over: a <div> holding the given markup. */
function article(html: string): Element {
  const root = parseDocument(`<body><div>${html}</div></body>`).body.firstElementChild;
  assert.ok(root);
  return root;
}

const PROSE = '市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用，届时将有十二条线路在此始发和停靠，市民可以在站内换乘地铁。';
const ENGLISH = 'The council approved the budget on Friday after a long debate about roads, schools and the new library, ' +
  'which opens next spring.';

describe('pruning page furniture from the article', () => {
  it('drops the sidebar cell beside the article cell of a layout row', () => {
    const root = article(`<table><tr>
      <td><p>${PROSE.repeat(3)}</p><p>${PROSE.repeat(3)}</p><p>${PROSE.repeat(3)}</p></td>
      <td><b>个人类别</b><ul><li><a href="/a">未归类</a> (88)</li><li><a href="/b">历史</a> (25)</li></ul><p>王丹从热血青年变成了吹捧者，没什么进步</p></td>
    </tr></table>`);
    dropSideColumns(root);
    assert.match(nodeToText(root), /公交枢纽站/);
    assert.doesNotMatch(nodeToText(root), /个人类别|未归类|王丹/);
  });

  it('keeps every cell of a data table row', () => {
    const root = article(`<p>${PROSE}</p><table><tr><th>线路</th><th>首班</th></tr><tr><td>12路</td><td>5:30</td></tr></table>`);
    dropSideColumns(root);
    assert.match(nodeToText(root), /线路 首班\n\n12路 5:30/);
  });

  it('drops a list of links and keeps a paragraph that cites a few', () => {
    const root = article(`<p>${ENGLISH} See <a href="/1">the minutes</a>, <a href="/2">the vote</a> and <a href="/3">the plan</a>.</p>
      <ul><li><a href="/x">Home</a></li><li><a href="/y">Sports</a></li><li><a href="/z">Business</a></li></ul>`);
    dropLinkLists(root);
    assert.match(nodeToText(root), /the minutes, the vote and the plan/);
    assert.doesNotMatch(nodeToText(root), /Sports/);
  });

  it('drops a run of three headline lines that are only links, not a run of two', () => {
    const headline = (n: number): string => `<p><a href="/${n}">Headline number ${n} about something else</a></p>`;
    const three = article(`<p>${ENGLISH}</p>${headline(1)}${headline(2)}${headline(3)}<p>${ENGLISH}</p>`);
    dropLinkLists(three);
    assert.doesNotMatch(nodeToText(three), /Headline/);
    const two = article(`<p>${ENGLISH}</p>${headline(1)}${headline(2)}`);
    dropLinkLists(two);
    assert.match(nodeToText(two), /Headline number 2/);
  });

  // Removing 20,000 lines one by one took 177 s (the DOM re-counted each line's place among the blanks
  // left before it); the guard is the timeout.
  it('drops a run of 20,000 link lines at once', { timeout: 20_000 }, () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `<a href="/s/${i}">Story ${i}</a> `).join('');
    const root = article(`<p>${ENGLISH}</p>${lines}`);
    dropLinkLists(root);
    assert.equal(nodeToText(root), ENGLISH);
  });

  it('drops the page’s <nav> and a card for another story, not a headline that links to its own story', () => {
    const card = '<section><a href="/rim-ceos-quit"><h3>RIM CEOs quit</h3><p>From The Wall Street Journal: after 20 years…</p>' +
      '</a></section>';
    const root = article(`<nav><a href="/">Svbtle</a> <a href="#menu">Menu</a></nav><h2><a href="/voice">Voice interfaces</a></h2>
      <p>${ENGLISH}</p>${card}`);
    dropLinkLists(root);
    assert.equal(nodeToText(root), `Voice interfaces\n\n${ENGLISH}`);
  });

  it('drops a related-articles heading with its links and keeps the article after it', () => {
    const related = '<p>延伸阅读：</p><p><a href="/1">广西骗子演绎惊天骗局</a></p><p><a href="/2">警惕祝福短信成骗钱陷阱</a></p>';
    const root = article(`<p>${PROSE}</p>${related}<p>骗局之一：${PROSE}</p>`);
    dropBoilerplateSections(root);
    assert.doesNotMatch(nodeToText(root), /延伸阅读|骗子|短信/);
    assert.match(nodeToText(root), /骗局之一/);
  });

  it('cuts a copyright notice that follows the article, but not one above it', () => {
    const tail = article(`<p>${PROSE.repeat(3)}</p><div><p><b>版权声明：</b></p><p>未经书面许可，不得转载本报作品。</p><p>联系电话：0432-62099222</p></div>`);
    dropBoilerplateSections(tail);
    assert.doesNotMatch(nodeToText(tail), /版权声明|转载|联系电话/);
    const head = article(`<p>免责声明：本文仅代表作者本人观点。</p><p>${PROSE.repeat(3)}</p>`);
    dropBoilerplateSections(head);
    assert.match(nodeToText(head), /免责声明/);
  });

  it('drops the repeated headline, dateline and byline rows above the first paragraph', () => {
    const headRows = '<p>城东公交枢纽站下月启用(图)</p><p>2005-04-05 06:40更新 来源：本地日报</p><p>本报记者 张三 李四</p><p>By Jane Doe</p>';
    const root = article(`${headRows}<p>${PROSE}</p><p>2005-04-05</p>`);
    dropHeadMetadata(root, ['城东公交枢纽站下月启用(图)_本地新闻']);
    assert.equal(nodeToText(root), `${PROSE}\n\n2005-04-05`);
  });

  it('drops datelines written out in other European languages above the first paragraph, not a subheading', () => {
    const datelines = ['segunda-feira, 22 de janeiro de 2018 às 0:13', '02 Ago 2017', '22. Januar 2018, 10:15 Uhr', 'mardi 3 mars 2020'];
    const kept = 'Il consiglio comunale vota il bilancio';
    const root = article(`${datelines.map((line) => `<p>${line}</p>`).join('')}<p>${kept}</p><p>${ENGLISH}</p>`);
    dropHeadMetadata(root, []);
    assert.equal(nodeToText(root), `${kept}\n\n${ENGLISH}`);
  });

  it('drops a post\'s line of labelled fields (author, category, tags), not a line with one label', () => {
    const meta = ['<small><b>05/10/2018</b> - Publicado por: Clara Borba - Categoria: <a href="/c">Saúde</a> - Tags: <a>sad</a></small>',
      'Filed under: <a href="/n">News</a> | Tags: <a href="/b">budget</a>, <a href="/l">library</a>'];
    const kept = 'Tags: the council will publish the minutes on Friday.';
    const root = article(`<p>${ENGLISH}</p>${meta.map((line) => `<p>${line}</p>`).join('')}<p>${kept}</p>`);
    dropPostMetaLines(root);
    assert.equal(nodeToText(root), `${ENGLISH}\n\n${kept}`);
  });

  it('keeps a short first paragraph that starts with the reporter', () => {
    const lead = '本报讯　记者昨日从市交通局获悉，城东新建的公交枢纽站将于下月正式投入使用。';
    const root = article(`<p>${lead}</p><p>${PROSE}</p>`);
    dropHeadMetadata(root, []);
    assert.match(nodeToText(root), /记者昨日/);
  });

  it('drops lines that are only pagination and page buttons', () => {
    const root = article(`<p>${PROSE}</p><p>第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</p><p>[1] [2] [3]</p><p>【打印本页】【关闭窗口】</p><p>2005</p>`);
    dropPageControls(root);
    assert.equal(nodeToText(root), `${PROSE}\n\n2005`);
    assert.equal(isControlLine('推荐阅读《红楼梦》'), false);
  });
  it('drops the source line and a post\'s counters after the last paragraph, not the credits', () => {
    const root = article(`<p>${PROSE}</p><p>来源：本地日报</p><p>（责编：张三）</p><span>(本文发表于<a href="/c">时事评论</a>, 已被阅读178次)</span>
      <p>本文引用(Trackback)链接: /trackback?p=17</p><h3>《城东公交枢纽站下月启用》已有3件评论</h3>`);
    dropTailNotes(root);
    assert.equal(nodeToText(root), `${PROSE}\n\n（责编：张三）`);
  });

  it('keeps a source line above the article and a line that credits the editor with the source', () => {
    const root = article(`<p>来源：本地日报</p><p>${PROSE}</p><p>来源：本地日报 编辑：李四</p>`);
    dropTailNotes(root);
    assert.equal(nodeToText(root), `来源：本地日报\n\n${PROSE}\n\n来源：本地日报 编辑：李四`);
  });

  it('drops gallery, player, ad and account labels and notices for screen readers standing as lines, in several languages', () => {
    const labels = ['Image 1 of 9', 'Photo 2 / 12', 'Caption', 'Close', 'Hide caption', 'Enlarge this image', 'Advertisement',
      'Story continues below advertisement', 'Anzeige', 'Publicité', '广告', 'Read more', 'Media playback is unsupported on your device',
      'Advert', 'Skip to content', 'Skip to main content', 'Zum Inhalt springen', '跳至内容', 'This slideshow requires JavaScript.',
      'Sign In', 'Sign up', 'Log out', 'Login'];
    const root = article(`<p>${ENGLISH}</p>${labels.map((label) => `<div><span>${label}</span></div>`).join('')}<p>${PROSE}</p>`);
    dropPageControls(root);
    assert.equal(nodeToText(root), `${ENGLISH}\n\n${PROSE}`);
  });

  it('keeps lines that only mention a label: a sentence, a score, a table cell', () => {
    const kept = ['Read more about the plan in the council report.', 'Close to midnight, the vote was called.', 'Won 3 of 4', '1/2',
      'Skip to the end: it passed.', 'The new portal requires JavaScript and a fast link.',
      'Sign in to the new portal with your tax number.'];
    const root = article(`${kept.map((line) => `<p>${line}</p>`).join('')}<table><tr><th>Open</th><th>Close</th></tr></table>`);
    dropPageControls(root);
    assert.equal(nodeToText(root), `${kept.join('\n\n')}\n\nOpen Close`);
  });

  it('drops a wiki\'s edit links beside its headings, not a bracketed word in the text or a heading that is the word', () => {
    const edit = (label: string): string => `<span><span>[</span><a href="/w/index.php?action=edit">${label}</a><span>]</span></span>`;
    const root = article(`<h2><span>简介</span>${edit('编辑')}</h2><p>${PROSE}</p><h3>Career ${edit('edit')}</h3>
      <p>${ENGLISH} [edit]</p><h3>编辑</h3>`);
    dropPageControls(root);
    assert.equal(nodeToText(root), `简介\n\n${PROSE}\n\nCareer\n\n${ENGLISH} [edit]\n\n编辑`);
  });

  it('drops teasers set into the article: a labelled link, and a label over a few links', () => {
    const teasers = `<p><strong>READ MORE: <a href="/a">Council closes the old library</a></strong></p>
      <p>Leggi anche</p><p>(<a href="/i"><strong>Leggi anche su: Il consiglio chiude la biblioteca</strong></a>)</p>
      <p>Lesen Sie auch: <a href="/d">Der Rat schließt die Bibliothek</a></p>
      <p><strong>DON'T MISS</strong><br><a href="/b">Budget row deepens</a> [INSIGHT]<br><a href="/c">Mayor under fire</a> [VIDEO]</p>
      <p><strong>DON'T MISS</strong>${' <br><a href="/h">Budget row deepens as the vote is put off to spring</a> [INSIGHT]'.repeat(4)}</p>
      <h3>Related post: <a href="/d">Pickled sprouts</a></h3><p>相关阅读：<a href="/e">城东公交枢纽站下月启用</a></p>
      <p>More Great City Stories</p><ul><li><a href="/f">A new bridge</a></li><li><a href="/g">A new park</a></li></ul>
      <p>Read this next:</p><p><a href="/j">Budget row deepens</a></p>`;
    const root = article(`<p>${ENGLISH}</p>${teasers}<p>${PROSE}</p>`);
    dropBoilerplateSections(root);
    assert.equal(nodeToText(root), `${ENGLISH}\n\n${PROSE}`);
  });

  it('keeps a paragraph that says read more or see also in running text, with or without a link', () => {
    const kept = ['Read more: the full report is due in March, the clerk said.',
      'You can <a href="/minutes">read more</a> in the minutes the clerk published on Friday evening.',
      'See also how the library vote split the council.', 'More than 600 people came to the hearing.',
      'Leggi anche il verbale della seduta di venerdì.'];
    const root = article(`<p>${ENGLISH}</p>${kept.map((line) => `<p>${line}</p>`).join('')}`);
    dropBoilerplateSections(root);
    assert.match(nodeToText(root), /full report.*\n\nYou can read more in the minutes.*\n\nSee also how.*\n\nMore than 600.*\n\nLeggi anche il/s);
  });

  it('drops lines that only credit a picture, and keeps the credit in a caption', () => {
    const credits = ['Photo: Reuters', '(Image: GETTY)', 'Jane Doe/City Times/Getty Images', 'Credit...John Roe/The Times', '图片来源：新华社',
      'Image copyright Getty Images'];
    const figure = '<figure><img src="/p.jpg"><figcaption>The new library. Photo: AP</figcaption></figure>';
    const lines = credits.map((line) => `<div>${line}</div>`).join('');
    const root = article(`<p>${ENGLISH}</p>${lines}${figure}<p>The story was first reported by Reuters</p>`);
    dropPhotoCredits(root);
    assert.equal(nodeToText(root), `${ENGLISH}\n\nThe story was first reported by Reuters`);
    assert.equal(root.querySelector('figcaption')?.textContent, 'The new library. Photo: AP');
  });

  it('makes a picture and the credited caption under it one figure, and only a credited, short one', () => {
    const picture = (name: string): string => `<p><a href="/${name}"><img src="/${name}.jpg"></a></p>`;
    const credited = '<p><span>Protesters wore masks on the march <span>(Image: GETTY )</span></span></p>';
    const uncredited = '<p>Protesters wore masks on the march</p>';
    const long = `<p>${ENGLISH} ${ENGLISH} ${ENGLISH} (Photo: AP)</p>`;
    const root = article(`<p>${ENGLISH}</p>${picture('a')}${credited}${picture('b')}${uncredited}${picture('c')}${long}`);
    markPhotoCaptions(root);
    const figures = Array.from(root.querySelectorAll('figure'));
    assert.equal(figures.length, 1);
    assert.match(figures[0]?.innerHTML ?? '', /^<p><a href="\/a"><img src="\/a.jpg"><\/a><\/p><figcaption><span>Protesters wore masks/);
    assert.equal(nodeToText(root), [ENGLISH, uncredited.slice(3, -4), `${ENGLISH} ${ENGLISH} ${ENGLISH} (Photo: AP)`].join('\n\n'));
  });

  it('makes a picture and the paragraph its aria-describedby names one figure (WordPress captions)', () => {
    const root = article(`<p>${ENGLISH}</p><div id="attachment_1"><p><img src="/a.jpg" aria-describedby="caption-1"></p>` +
      `<p id="caption-1">StockCar</p></div><p>${PROSE}</p>`);
    markPhotoCaptions(root);
    assert.equal(root.querySelector('figure figcaption')?.textContent, 'StockCar');
    assert.equal(nodeToText(root), `${ENGLISH}\n\n${PROSE}`);
  });

  it('leaves pictures and their captions out of the text, not a quotation set as a figure', () => {
    const root = article(`<p>${ENGLISH}</p><figure><div><img src="/a.jpg"></div><p>Image copyright Getty Images</p></figure>` +
      '<figure><blockquote>We will open in spring.</blockquote><figcaption>The mayor</figcaption></figure>');
    assert.equal(nodeToText(root), `${ENGLISH}\n\nWe will open in spring.`);
  });

  it('keeps the first copy of a caption a slideshow repeats under each picture, and paragraphs an interview repeats', () => {
    const caption = 'The Palace: Tale of Jang Noksu at the 2018 festival';
    const slide = (i: number): string => `<div><p><img src="/${i}.jpg" aria-describedby="c${i}"></p><p id="c${i}">${caption}</p></div>`;
    const slides = [1, 2, 3].map(slide).join('');
    const alt = 'A long row of unsold cars at a dealership in Littleton';
    const gallery = `<ul><li><img src="/a.jpg" alt="${alt}. Copyright 2019 AP."></li></ul><p>${alt}</p>` +
      `<figure><img src="/b.jpg"><figcaption>${alt}</figcaption></figure>`;
    const question = 'What made you start cooking for other people?';
    const interview = `<p>${question}</p><p>${ENGLISH}</p><p>${question}</p><p>${PROSE}</p>`;
    const root = article(`${slides}${gallery}${interview}`);
    dropRepeatedCaptions(root);
    assert.equal(root.querySelectorAll('img').length, 5);
    assert.equal(nodeToText(root), [caption, alt, question, ENGLISH, question, PROSE].join('\n\n'));
  });

  it('drops published and updated stamps anywhere in the article, not dates the story gives', () => {
    const stamps = ['PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019', 'Nov. 20, 2019, 9:28 AM UTC',
      'Posted: Fri 6:45 PM, Feb 16, 2018'];
    const kept = ['29 November 2018 | 20 January 2019', 'On May 5, 2019, the council met at 10:30.', 'Updated guidance for voters'];
    const lines = [...stamps.map((line) => `<div>${line}</div>`), ...kept.map((line) => `<p>${line}</p>`)].join('');
    const root = article(`<p>${ENGLISH}</p>${lines}`);
    dropDateStamps(root);
    assert.equal(nodeToText(root), [ENGLISH, ...kept].join('\n\n'));
  });
});
