import type { Locator, Page } from '@playwright/test';
import { activeContent, familyTitle, hostileMarkdown, hostilePage, payloadFamilies } from '../fixtures/hostile/payloads.js';
import { expect, openClip, test } from './fixtures.js';

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

test('stored content of a hostile page runs no script and loads nothing remote in Chromium', async ({ page, library }) => {
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
});

const families = payloadFamilies();
const READER_URL = 'http://reader.test/';
const payloadCount = families.reduce((sum, family) => sum + family.payloads.length, 0);

/**
 * Arms a page to notice any payload that runs (a dialog, or a call to alert, confirm, prompt or
 * print) and anything it loads from anywhere but `origin` (which is then refused). Returns what it saw.
 */
async function watch(page: Page, origin: string | null): Promise<{ seen: () => Promise<string[]> }> {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (origin && url.startsWith(origin)) return route.continue();
    seen.push(`request: ${url}`);
    return route.abort();
  });
  await page.addInitScript(() => {
    const ran: string[] = [];
    (window as unknown as { __ran: string[] }).__ran = ran;
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, { value: (...args: unknown[]) => void ran.push(`${name}(${args.join(', ')})`) });
    }
  });
  return {
    seen: async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran))],
  };
}

/** Fires the events that handlers listen for on every element of `root`, then lets timers and loads run. */
async function provoke(root: Locator): Promise<void> {
  await root.evaluate(async (container) => {
    for (const element of Array.from(container.querySelectorAll('*'))) {
      for (const type of ['mouseover', 'pointerenter', 'focus', 'click', 'toggle', 'animationstart']) {
        if (type !== 'click' || !element.closest('a')) element.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
    await new Promise((settled) => requestAnimationFrame(() => setTimeout(settled, 500)));
  });
}

test(`stored content of ${payloadCount} XSS payloads runs nothing and loads nothing in Chromium`, async ({ page, library }) => {
  test.setTimeout(180_000);
  const contents: string[] = [];
  for (const family of families) {
    const { clip } = await library.import({ kind: 'html', html: hostilePage(family), url: `https://news.example/hostile/${family.name}` });
    contents.push((await library.get(clip.id)).content);
    for (const index of family.payloads.keys()) {
      const note = await library.import({ kind: 'text', markdown: true, text: hostileMarkdown(family, index) });
      contents.push((await library.get(note.clip.id)).content);
    }
  }
  const watcher = await watch(page, null);
  // Served from a (fake) address rather than set as content, so that the watcher's stubs are installed.
  const body = `<!doctype html><html><body>${contents.map((content) => `<section>${content}</section>`).join('\n')}</body></html>`;
  await page.route(READER_URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto(READER_URL);
  await provoke(page.locator('body'));

  expect(contents).toHaveLength(payloadCount + families.length);
  await expect(page.locator('section')).toHaveCount(contents.length);
  expect(await page.locator('body').evaluate(activeContent)).toEqual([]);
  expect(await watcher.seen()).toEqual([]);
  expect(page.url()).toBe(READER_URL);
  const description = `${payloadCount} payloads in ${families.length} families, each stored twice`;
  test.info().annotations.push({ type: 'payloads', description });
});

test('the reader opens a page of every XSS payload family without running or loading anything', async ({ page, app }) => {
  test.setTimeout(180_000);
  for (const family of families) {
    await app.library.import({ kind: 'html', html: hostilePage(family), url: `https://news.example/hostile/${family.name}` });
  }
  const watcher = await watch(page, new URL(app.host.url).origin);
  await page.goto(app.host.url);
  for (const family of families) {
    await openClip(page, familyTitle(family));
    const article = page.getByRole('region', { name: 'Article text' });
    await expect(article).toContainText('The harbour authority published its quarterly figures');
    const active = 'script, style, iframe, frame, object, embed, form, input, button, base, meta, link, ' +
      'svg, math, template, [style], [srcdoc]';
    expect(await article.locator(active).count(), family.name).toBe(0);
    await provoke(article);
    await page.getByRole('button', { name: '← Back to list' }).click();
  }
  expect(await watcher.seen()).toEqual([]);
  expect(page.url().startsWith(new URL(app.host.url).origin)).toBe(true);
});
