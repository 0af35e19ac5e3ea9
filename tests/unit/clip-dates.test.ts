import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNumericDate, findYearMonth } from '../../electron/core/clip/metadata/dates.js';
import { inPrintedZone } from '../../electron/core/clip/metadata/page-clock.js';
import { readPrintedMeta } from '../../electron/core/clip/metadata/printed-meta.js';

const PARAGRAPH = '市交通局昨日宣布，城东新建的公交枢纽站将于下月正式投入使用，届时将有十二条线路在此始发和停靠。';

describe('reading printed publication dates', () => {
  it('reads slash dates only when the order of day and month is certain', () => {
    assert.equal(findNumericDate('发布日期： 9/17/2004 5:54:13 AM')?.iso, '2004-09-17T05:54:13');
    assert.equal(findNumericDate('发布日期： 7/5/2005 9:23:57 PM')?.iso, '2005-07-05T21:23:57');
    assert.equal(findNumericDate('Publié le 17/09/2004 à 05:54')?.iso, '2004-09-17');
    assert.equal(findNumericDate('17/09/2004 - 05:54')?.iso, '2004-09-17T05:54');
    assert.equal(findNumericDate('发表时间： 06/02/2022 - 13:48'), null);
  });

  it('reads a year and month without a day as an ISO month', () => {
    assert.equal(findYearMonth('——《北京之春》1998年3月号')?.iso, '1998-03');
    assert.equal(findYearMonth('1998年3月5日'), null);
  });

  it('restates a declared UTC time in the zone of the time the page prints', () => {
    const declared = { iso: '2022-02-06T12:48:06+00:00', text: '2022-02-06T12:48:06+00:00' };
    assert.equal(inPrintedZone(declared, '发表时间： 06/02/2022 - 13:48').iso, '2022-02-06T13:48:06+01:00');
    assert.equal(inPrintedZone(declared, '2022-02-06 20:48').iso, '2022-02-06T20:48:06+08:00');
    assert.equal(inPrintedZone(declared, '2022-02-06 13:50'), declared);
    assert.equal(inPrintedZone(declared, '2022-02-06 12:48'), declared);
    const zoned = { iso: '2022-02-06T20:48:06+08:00', text: '' };
    assert.equal(inPrintedZone(zoned, '2022-02-06 13:48'), zoned);
  });

  it('adds the printed time to a declared date of the same day, and keeps a declared date of another day', () => {
    const page = `城东公交枢纽站下月启用\n2022年02月13日07:48 | 来源：新华日报\n${PARAGRAPH}`;
    const texts = { page, article: PARAGRAPH, title: '城东公交枢纽站下月启用_新华日报' };
    assert.equal(readPrintedMeta(texts, { iso: '2022-02-13', text: '2022-02-13' }).published?.iso, '2022-02-13T07:48');
    assert.equal(readPrintedMeta(texts, { iso: '2022-02-12', text: '2022-02-12' }).published?.iso, '2022-02-12');
  });

  it('takes the issue month printed at the end of a reprinted essay when the page gives no date', () => {
    const article = `${PARAGRAPH}\n\n——《北京之春》1998年3月号`;
    const meta = readPrintedMeta({ page: `犬儒病\n${article}`, article, title: '' }, null);
    assert.equal(meta.published?.iso, '1998-03');
  });
});
