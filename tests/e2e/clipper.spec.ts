import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { bookmarkletFor, loadClipperSettings, startClipper } from '../../electron/hosts/clipper.js';
import type { Clipper } from '../../electron/hosts/clipper.js';
import { servePages } from '../helpers/page-server.js';
import { HARBOUR_TRAFFIC, paragraphsHtml } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { expect, test } from './fixtures.js';

/**
 * The clipper as a browser meets it: an article served from another origin (another loopback port),
 * the bookmarklet run on it in Chromium, and a hostile page without the token trying what a page can.
 */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HARBOUR_TRAFFIC.title}</title></head><body><article>
<h1>${HARBOUR_TRAFFIC.title}</h1>
${paragraphsHtml(HARBOUR_TRAFFIC.paragraphs)}
</article></body></html>`;

let library: Library;
let clipper: Clipper;
let site: { url: string; close: () => void };
let cleanup: () => Promise<void>;

test.beforeEach(async () => {
  let dir: string;
  ({ library, dir, cleanup } = await tempLibrary());
  clipper = await startClipper(library, { token: (await loadClipperSettings(dir)).token, port: 0 });
  site = await servePages(new Map([['/harbour', ARTICLE]]));
});

test.afterEach(async () => {
  site.close();
  await clipper.close();
  await cleanup();
});

/** Selects from "which opened" in the second paragraph to "Dock workers" in the third. */
function selectAcrossParagraphs(page: Page): Promise<void> {
  return page.evaluate(() => {
    const [, second, third] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const range = document.createRange();
    range.setStart(second!, second!.data.indexOf('which opened'));
    range.setEnd(third!, 'Dock workers'.length);
    getSelection()?.addRange(range);
  });
}

test('the bookmarklet clips the open page with its selection into a new tab', async ({ page, context }) => {
  await page.goto(`${site.url}/harbour`);
  await selectAcrossParagraphs(page);
  const script = decodeURIComponent(bookmarkletFor(clipper.port, clipper.token).slice('javascript:'.length));
  const [tab] = await Promise.all([context.waitForEvent('page'), page.evaluate(script)]);

  await expect(tab.locator('h1')).toHaveText(`Clipped: ${HARBOUR_TRAFFIC.title}`);
  await expect(tab.locator('main')).toContainText('Your selection is highlighted.');
  expect(new URL(tab.url()).search).toBe('');
  const { clips } = library.list();
  expect(clips.map((clip) => [clip.title, clip.url])).toEqual([[HARBOUR_TRAFFIC.title, `${site.url}/harbour`]]);
  const { annotations } = await library.get(clips[0]!.id);
  expect(annotations.map((annotation) => annotation.target.selector[0].exact)).toEqual([
    'which opened in April and can take the largest ships now at sea.\n\nDock workers',
  ]);
});

test('a page in a legacy charset arrives intact (the form posts UTF-8 whatever the page uses)', async ({ page, context, scope }) => {
  const latin1 = ARTICLE.replace('charset="utf-8"', 'charset="windows-1252"').replaceAll(HARBOUR_TRAFFIC.title, 'Café crème prices rise');
  const server = createServer((_request, response) => response.end(Buffer.from(latin1, 'latin1')));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  scope.after(() => server.close());
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const script = decodeURIComponent(bookmarkletFor(clipper.port, clipper.token).slice('javascript:'.length));
  const [tab] = await Promise.all([context.waitForEvent('page'), page.evaluate(script)]);
  await expect(tab.locator('h1')).toHaveText('Clipped: Café crème prices rise');
  expect(library.list().clips.map((clip) => clip.title)).toEqual(['Café crème prices rise']);
});

test('a page without the token can neither clip nor read anything', async ({ page, context }) => {
  await page.goto(`${site.url}/harbour`);
  const clipUrl = `${clipper.url}clip`;
  const attempts = await page.evaluate(async (url) => {
    const attempt = (input: string, init?: RequestInit) =>
      fetch(input, init).then((r) => `read ${r.status} ${r.type}`, (e: Error) => `failed: ${e.name}`);
    const json = JSON.stringify({ url: location.href, html: document.documentElement.outerHTML });
    const guessedHeaders = { 'Content-Type': 'application/json', 'X-Clipdesk-Token': 'guess' };
    return {
      json: await attempt(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json }),
      guessedToken: await attempt(url, { method: 'POST', headers: guessedHeaders, body: json }),
      simple: await attempt(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: json }),
      status: await attempt(url.replace(/clip$/, '')),
    };
  }, clipUrl);
  // The JSON calls die at a preflight that gets no grant. The simple POST reaches the clipper, which
  // refuses its Origin, and Cross-Origin-Resource-Policy keeps even an opaque answer from the page.
  for (const outcome of Object.values(attempts)) expect(outcome).toBe('failed: TypeError');

  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    page.evaluate((action) => {
      const form = Object.assign(document.createElement('form'), { method: 'post', action, target: '_blank' });
      for (const [name, value] of [['url', location.href], ['html', document.documentElement.outerHTML]]) {
        form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
      }
      document.body.append(form);
      form.submit();
    }, `${clipper.url}bookmarklet`),
  ]);
  await expect(tab.locator('h1')).toHaveText('Not clipped');
  await expect(tab.locator('main')).toContainText('wrong clipper token');
  expect(library.list().total).toBe(0);
});
