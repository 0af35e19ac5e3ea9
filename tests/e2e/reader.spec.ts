import type { Page } from '@playwright/test';
import { HARBOUR_TRAFFIC, SEED_BYLINE, SEED_PUBLISHED_AT, SEED_TITLE, paragraphsHtml } from '../helpers/seed.js';
import { expect, importSeed, openClip, test } from './fixtures.js';

/**
 * The reader as people see it: the clip's title and where it came from, a way out to the original,
 * colours that follow the system theme, and clipped pages that can do nothing but be read.
 */

test.use({ locale: 'en-US', timezoneId: 'UTC' });

test('shows the seed clip’s title, byline and published date, and no source it does not have', async ({ page, app }) => {
  await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  await expect(page.getByRole('article', { name: SEED_TITLE })).toBeVisible();
  const about = page.getByRole('list', { name: 'About this clip' });
  await expect(about.getByRole('listitem').filter({ hasText: 'By ' })).toHaveText(`By ${SEED_BYLINE}`);
  await expect(about.getByRole('listitem').filter({ hasText: 'Published' })).toHaveText(/^Published\s*Aug 26, 2023,\s1:36\sPM$/);
  await expect(about.locator('time')).toHaveAttribute('datetime', new RegExp(`^${SEED_PUBLISHED_AT}`));
  await expect(about).toContainText('306 words');
  await expect(about).not.toContainText('Source:'); // the seed’s 来源 is empty
  const article = page.getByRole('region', { name: 'Article text' });
  await expect(article.getByRole('paragraph')).toHaveCount(4);
  await expect(article.getByRole('paragraph').first()).toContainText('On August 26, Jiao Jiguo, deputy secretary');
});

test('shows the source a clipped page names, with its author and date', async ({ page, app }) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HARBOUR_TRAFFIC.title}</title>
    <meta property="og:site_name" content="Harbour Gazette"><meta name="author" content="Mei Lin">
    <meta property="article:published_time" content="2024-03-05T09:30:00+08:00"></head><body><article><h1>${HARBOUR_TRAFFIC.title}</h1>
    ${paragraphsHtml(HARBOUR_TRAFFIC.paragraphs.slice(0, 2), '\n    ')}
    </article></body></html>`;
  await app.library.import({ kind: 'html', html, url: 'https://gazette.example/harbour' });
  await page.goto(app.host.url);
  await openClip(page, HARBOUR_TRAFFIC.title);

  const about = page.getByRole('list', { name: 'About this clip' });
  await expect(about.getByRole('listitem').filter({ hasText: 'Source:' })).toHaveText('Source: Harbour Gazette');
  await expect(about.getByRole('listitem').filter({ hasText: 'By ' })).toHaveText('By Mei Lin');
  await expect(about.locator('time')).toHaveAttribute('datetime', '2024-03-05T09:30:00+08:00');
  await expect(about.locator('time')).toHaveText(/^Mar 5, 2024,\s1:30\sAM$/); // 09:30 in China is 01:30 UTC
});

test('the original link opens in a new window outside the app, without a handle back to it', async ({ page, app, context }) => {
  const url = 'https://news.example/jilin-exchange';
  await importSeed(app.library, url);
  // The "system browser" here is a new tab: answer it locally so nothing leaves the machine.
  await context.route('https://news.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Original</title>' }));
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const link = page.getByRole('link', { name: 'Open original' });
  await expect(link).toHaveAttribute('href', url);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  const appUrl = page.url();
  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(url);
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  expect(page.url()).toBe(appUrl);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('a clip without a web address offers no original link', async ({ page, app }) => {
  await app.library.import({ kind: 'text', text: 'Pasted memo\n\nThe committee meets on Thursday to review the harbour budget.' });
  await page.goto(app.host.url);
  await openClip(page, 'Pasted memo');
  await expect(page.getByRole('list', { name: 'About this clip' })).toContainText('Clipped');
  await expect(page.getByRole('link', { name: 'Open original' })).toHaveCount(0);
});

/** Relative luminance (WCAG) of a computed `rgb(...)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The colour of the article's words and of what shows behind them (the nearest non-transparent background). */
function readerColours(page: Page): Promise<{ text: string; background: string }> {
  return page.getByRole('region', { name: 'Article text' }).getByRole('paragraph').first().evaluate((paragraph) => {
    let background = 'rgba(0, 0, 0, 0)';
    for (let node: Element | null = paragraph; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
        background = colour;
        break;
      }
    }
    return { text: getComputedStyle(paragraph).color, background };
  });
}

test('the reader follows the system’s dark and light theme', async ({ page, app }) => {
  await importSeed(app.library);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const light = await readerColours(page);
  expect(luminance(light.background)).toBeGreaterThan(0.8);
  expect(luminance(light.text)).toBeLessThan(0.1);

  // Switching the system theme while reading repaints the reader, no reload needed.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await readerColours(page)).background).not.toBe(light.background);
  const dark = await readerColours(page);
  expect(dark.text).not.toBe(light.text);
  expect(luminance(dark.background)).toBeLessThan(0.05);
  expect(luminance(dark.text)).toBeGreaterThan(0.7);
  const contrast = (luminance(dark.text) + 0.05) / (luminance(dark.background) + 0.05);
  expect(contrast).toBeGreaterThanOrEqual(7);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => readerColours(page)).toEqual(light);
});

const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quarterly trade figures</title>
<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>@import url("https://evil.example/import.css"); p { background: url(https://evil.example/bg.png) }</style>
<script>window.__pwned = 'head script'</script></head>
<body onload="window.__pwned='onload'"><article><h1>Quarterly trade figures</h1>
<p>Exports of machinery rose by a tenth in the third quarter, the customs office said on Tuesday, while imports of
crude oil fell for a second quarter in a row as refiners drew down their stocks.</p>
<p>Analysts expect the trade surplus to narrow next year. <img src=x onerror="window.__pwned='onerror'">
<img src="https://evil.example/chart.png" alt="Trade chart"> <img srcset="https://evil.example/a.png 1x" alt="srcset chart">
<picture><source srcset="https://evil.example/pic.webp"><img alt="picture chart" src="https://evil.example/pic.png"></picture>
<a href="javascript:window.__pwned='link'">the full table</a> <svg><script>window.__pwned='svg'</script><image href="https://evil.example/svg.png"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>
<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/obj"></object>
<video src="https://evil.example/v.mp4" autoplay></video><audio src="https://evil.example/a.mp3" autoplay></audio>
<form action="https://evil.example/"><input name="q" autofocus onfocus="window.__pwned='autofocus'"></form>
<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>"></p></noscript>
<span style="background-image: url(https://evil.example/track.gif)">tracked words</span>
<details open ontoggle="window.__pwned='toggle'"><summary>More</summary>Details text</details></p>
<p>The ministry will publish revised figures next month, including <a href="https://customs.example/services">services trade</a> for the first time.</p>
</article></body></html>`;

test('a clipped hostile page runs no script and loads nothing from the web in the reader', async ({ page, app }) => {
  await app.library.import({ kind: 'html', html: HOSTILE_PAGE, url: 'https://news.example/trade' });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(app.host.url);
  await openClip(page, 'Quarterly trade figures');

  const article = page.getByRole('region', { name: 'Article text' });
  await expect(article).toContainText('Exports of machinery rose by a tenth');
  await expect(article).toContainText('including services trade for the first time');
  // Whatever images survived are inert: none points at the web, none carries a handler.
  for (const image of await article.locator('img, image, source, video, audio').all()) {
    for (const attribute of ['src', 'srcset', 'href', 'poster']) {
      expect(await image.getAttribute(attribute) ?? '').not.toMatch(/^(https?:)?\/\//i);
    }
  }
  const active = 'script, iframe, object, embed, form, input, base, meta, link, style, [onerror], [onload], [ontoggle], [onfocus]';
  expect(await article.locator(active).count()).toBe(0);
  // Links that remain lead to the web in a new window, never to script.
  for (const link of await article.getByRole('link').all()) {
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  }
  // Give a stray handler or a late load its chance, then look: the flag must be unset, nothing remote asked for.
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => setTimeout(settled, 250))));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const origin = new URL(app.host.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('read in Chinese on the US west coast', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });

  test('a Chinese article renders with its title, source, date and paragraphs', async ({ page, app }) => {
    const text = '吉林高新区举办生物医药产业交流会\n\n来源: 新华社   时间: 2023-09-01 09:15\n' +
      '\u00a0\u00a0\u00a0\u00a0九月一日，吉林高新区举办生物医药产业交流会，来自全国的企业代表参加了会议。会议介绍了园区的发展规划。\n' +
      '\u00a0\u00a0\u00a0\u00a0与会代表参观了医药健康产业园，并就合作项目进行了深入交流。(记者 王小明)\n';
    await app.library.import({ kind: 'text', text });
    await page.goto(app.host.url);
    await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: /吉林高新区举办生物医药产业交流会/ })).toBeVisible();
    await openClip(page, '吉林高新区举办生物医药产业交流会');

    const about = page.getByRole('list', { name: 'About this clip' });
    await expect(about).toContainText('Source: 新华社');
    await expect(about).toContainText('By 记者 王小明');
    await expect(about.locator('time')).toHaveText('2023年9月1日 09:15'); // the page's own clock: it states no zone
    const article = page.getByRole('region', { name: 'Article text' });
    await expect(article).toHaveAttribute('lang', 'zh');
    await expect(article.getByRole('paragraph')).toHaveText([
      '九月一日，吉林高新区举办生物医药产业交流会，来自全国的企业代表参加了会议。会议介绍了园区的发展规划。',
      '与会代表参观了医药健康产业园，并就合作项目进行了深入交流。',
    ]);
  });
});
