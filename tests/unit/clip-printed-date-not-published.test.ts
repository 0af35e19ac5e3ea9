import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';

/** Dates a page prints that are not when its article came out (issue 15): hand-written pages, no markup dates. */

const ZH_TITLE = '城东公交枢纽站下月启用';
const ZH_STORY = '<p>市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用，届时将有十二条公交线路在此停靠，方便市民换乘。</p>'.repeat(3);
const EN_TITLE = 'Council approves the new harbour bridge';
const EN_LEDE = '<p>The city council voted on Tuesday evening to fund the harbour bridge that residents have asked for.</p>';
const EN_STORY = EN_LEDE.repeat(3);

function zhDate(body: string): string | null {
  const html = `<html lang="zh-CN"><head><title>${ZH_TITLE}_新华日报</title></head><body>${body}</body></html>`;
  return clipFromHtml(html).publishedAt;
}

function enDate(body: string): string | null {
  const html = `<html lang="en"><head><title>${EN_TITLE} | Harbour Gazette</title></head><body>${body}</body></html>`;
  return clipFromHtml(html).publishedAt;
}

describe('published and updated dates printed together', () => {
  it('takes 发布时间 when 更新时间 comes first on the line', () => {
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1><div>更新时间 2020-01-02 发布时间 2020-01-01</div>${ZH_STORY}`), '2020-01-01');
  });

  it('takes Published when Updated comes first on the line', () => {
    const dateline = '<p>Updated March 5, 2020 Published March 3, 2020</p>';
    assert.equal(enDate(`<article><h1>${EN_TITLE}</h1>${dateline}${EN_STORY}</article>`), '2020-03-03');
  });

  it('takes the first of two dated lines without labels (published, then updated)', () => {
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1><div>2020-01-01 09:00</div><div>2020-01-02 10:00</div>${ZH_STORY}`), '2020-01-01T09:00');
  });
});

describe('the page’s clock', () => {
  it('skips today’s date in a portal header', () => {
    const clock = '<div>今天是：2020年1月5日 星期日</div>';
    assert.equal(zhDate(`${clock}<h1>${ZH_TITLE}</h1>${ZH_STORY}`), null);
    assert.equal(zhDate(`${clock}<h1>${ZH_TITLE}</h1><div>2020-01-01 09:00 来源：新华日报</div>${ZH_STORY}`), '2020-01-01T09:00');
  });

  it('skips a dateline that says Today is', () => {
    assert.equal(enDate(`<article><h1>${EN_TITLE}</h1><p>Today is March 9, 2020</p>${EN_STORY}</article>`), null);
  });
});

describe('copyright lines', () => {
  it('never takes a date from a copyright line', () => {
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1>${ZH_STORY}<div>Copyright © 2020-01-09 新华日报 版权所有</div>`), null);
    assert.equal(enDate(`<article><h1>${EN_TITLE}</h1>${EN_STORY}</article><div>© March 1, 2020 Harbour Gazette</div>`), null);
  });
});

describe('dates in the story’s sentences', () => {
  it('skips a day written inside a Chinese sentence', () => {
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1><p>市交通局宣布，新站自2020年2月10日起启用。</p>${ZH_STORY}`), null);
  });

  it('still takes a labelled day, or one with a time, printed tight against the words of its row', () => {
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1><p>发布于2020年2月1日来源新华日报</p>${ZH_STORY}`), '2020-02-01');
    const row = '<p><span>新华网</span><span>2020年2月1日 09:57</span><span>来源</span></p>';
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1>${row}${ZH_STORY}`), '2020-02-01T09:57');
  });
});

describe('lists of other stories', () => {
  it('skips a list of chapters or related stories, each with its date', () => {
    const item = (n: number): string => `<li><a>少年时代(${n})</a>(2004/10/1${n} 17:06)</li>`;
    const list = `<ul>${item(1)}${item(2)}${item(3)}</ul>`;
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1>${ZH_STORY}${list}`), null);
    assert.equal(zhDate(`<h1>${ZH_TITLE}</h1><div>2004-10-09 08:00 来源：新华日报</div>${ZH_STORY}${list}`), '2004-10-09T08:00');
  });

  it('skips a list of English headlines with their dates under a short story', () => {
    const list = ['March 7', 'March 8', 'March 9'].map((day) => `<li>Other story · ${day}, 2020</li>`).join('');
    assert.equal(enDate(`<article><h1>${EN_TITLE}</h1>${EN_LEDE}<ul>${list}</ul></article>`), null);
  });
});
