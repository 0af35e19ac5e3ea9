import { expect, test } from '@playwright/test';
import { tempLibrary } from '../helpers/temp-library.js';

/**
 * What the sanitizer lets through is checked by a real browser engine, not only by jsdom: a payload
 * that jsdom parses harmlessly can still run in Chromium (mutation XSS), so the stored content of a
 * hostile page is rendered in Chromium and must run nothing and load nothing.
 */
const HOSTILE_PAGE = `<!doctype html><html><head><title>Quarterly trade figures</title>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<style>@import url("https://evil.example/x.css"); body { background: url(https://evil.example/bg.png) }</style>
<script>window.__pwned = 'head script'</script></head>
<body><article><h1>Quarterly trade figures</h1>
<p>Exports of machinery rose by a tenth in the third quarter, the customs office said on Tuesday, while imports of
crude oil fell for a second quarter in a row as refiners drew down their stocks.</p>
<p>Analysts expect the trade surplus to narrow next year. <img src="x" onerror="window.__pwned='onerror'">
<a href="javascript:window.__pwned='link'">the full table</a> <svg><script>window.__pwned='svg'</script></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>
<iframe src="https://evil.example/frame"></iframe><form action="https://evil.example/"><input name="q"></form>
<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>"></p></noscript>
<span style="background-image: url(https://evil.example/track.gif)">tracked words</span></p>
<p>The ministry will publish revised figures next month, including services trade for the first time.</p>
</article></body></html>`;

test('stored content of a hostile page runs no script and loads nothing remote in Chromium', async ({ page }) => {
  const { library, cleanup } = await tempLibrary();
  try {
    const { clip } = await library.import({ kind: 'html', html: HOSTILE_PAGE, url: 'https://news.example/trade' });
    const { content } = await library.get(clip.id);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.setContent(`<!doctype html><html><body><main id="reader">${content}</main></body></html>`);
    await page.locator('a').evaluateAll((links) => links.forEach((link) => (link as HTMLAnchorElement).click()));
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(requests.filter((url) => !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);
    await expect(page.locator('#reader')).toContainText('Exports of machinery rose');
    expect(await page.locator('#reader script, #reader iframe, #reader form, #reader [onerror]').count()).toBe(0);
  } finally {
    await cleanup();
  }
});
