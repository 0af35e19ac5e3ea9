import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSHandle, Locator, Page } from '@playwright/test';
import { servePages } from '../helpers/page-server.js';
import { HARBOUR_CRANES, paragraphsHtml, sampleText } from '../helpers/seed.js';
import { expect, test } from './fixtures.js';

/**
 * Every way into the library a person has: an address in the Add clip dialog (with progress while the
 * page downloads), pasted HTML, text and Markdown, files and links dropped onto the window, and the
 * failures (a 404, a page without article text, a file of the wrong kind) that must save nothing.
 */

const ARTICLE_TITLE = HARBOUR_CRANES.title;
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${ARTICLE_TITLE} | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily"></head><body><nav><a href="/">Home</a></nav><article><h1>${ARTICLE_TITLE}</h1>
${paragraphsHtml(HARBOUR_CRANES.paragraphs)}</article></body></html>`;

/**
 * Waiting for an import to finish (download, charset, extraction, sanitizing, saving) gets more than
 * the default 5 s: on a busy 2-core runner, next to the 10k-library spec, a worker's first clip is slow.
 */
const IMPORTED = { timeout: 20_000 };

/** A single-page app's shell: nothing to read until its script runs, which a clipper never does. */
const APP_SHELL = `<!doctype html><html><head><meta charset="utf-8"><title>Newsroom</title><script src="/app.js"></script></head>
<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`;

/**
 * A page that answers only when the test says so, so the "Clipping…" progress can be seen for sure
 * rather than raced; other paths are served at once, 404 when unknown.
 */
async function serveGated(pages: Map<string, string>): Promise<{ url: string; release: () => void; close: () => void }> {
  let release = (): void => undefined;
  const gate = new Promise<void>((open) => (release = open));
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const page = pages.get(path);
    const answer = (): void => {
      response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page ?? 'not found');
    };
    if (path.startsWith('/slow/')) void gate.then(answer);
    else answer();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, release, close: () => {
    server.close();
    server.closeAllConnections();
  } };
}

/** The reverse of TextDecoder('gbk'): enough to write a page's bytes in GBK, as old Chinese sites do. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const codes = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (trail !== 0x7f && char.length === 1 && char !== '\ufffd' && !codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
    const code = codes.get(char);
    if (!code) throw new Error(`${char} has no GBK code`);
    return code;
  }));
}

type DropItem = { file: { name: string; type: string; bytes: number[] } } | { uriList: string };

/** A DataTransfer as the browser builds one for a drag from the desktop (a file) or another page (a link). */
function dataTransfer(page: Page, item: DropItem): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle((dropped) => {
    const data = new DataTransfer();
    if ('file' in dropped) data.items.add(new File([new Uint8Array(dropped.file.bytes)], dropped.file.name, { type: dropped.file.type }));
    else data.setData('text/uri-list', dropped.uriList);
    return data;
  }, item);
}

function fileItem(name: string, type: string, contents: string | Buffer): DropItem {
  return { file: { name, type, bytes: [...(typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents)] } };
}

/** Drags `item` over the window (the app offers a drop target) and drops it on the clip list. */
async function drop(page: Page, item: DropItem): Promise<void> {
  const target = page.getByRole('listbox', { name: 'Clips' });
  const data = await dataTransfer(page, item);
  await target.dispatchEvent('dragenter', { dataTransfer: data });
  await target.dispatchEvent('dragover', { dataTransfer: data });
  await expect(page.getByText('Drop to clip')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer: data });
  await expect(page.getByText('Drop to clip')).toBeHidden();
}

function addClipDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Add clip' });
}

async function openAddClip(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add clip' }).click();
  const dialog = addClipDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The reader showing the clip titled `title` (a Markdown clip's own heading repeats the title inside). */
function readerHeading(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title });
}

function articleText(page: Page): Locator {
  return page.getByRole('region', { name: 'Article text' });
}

test('an address pasted into Add clip shows progress while the page downloads, then opens the new clip', async ({ app, page, scope }) => {
  const site = await serveGated(new Map([['/slow/cranes', ARTICLE]]));
  scope.after(() => site.close());
  await page.goto(app.host.url);
  const dialog = await openAddClip(page);
  await dialog.getByRole('textbox', { name: 'Web address' }).fill(`${site.url}/slow/cranes`);
  await dialog.getByRole('button', { name: 'Clip' }).click();

  await expect(dialog.getByRole('progressbar', { name: 'Importing' })).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('Clipping…');
  await expect(dialog.getByRole('button', { name: 'Clip' })).toBeDisabled();
  site.release();

  await expect(dialog).toBeHidden(IMPORTED);
  await expect(readerHeading(page, ARTICLE_TITLE)).toBeVisible(IMPORTED);
  await expect(page.getByText(`Clipped: ${ARTICLE_TITLE}`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'About this clip' })).toContainText('Source: Harbour Daily');
  await expect(page.getByRole('link', { name: 'Open original' })).toHaveAttribute('href', `${site.url}/slow/cranes`);
  await expect(articleText(page)).toContainText('Dock workers will train on the new machines');
  expect(app.library.list().total).toBe(1);

  // The same address again is recognised, not saved twice.
  const again = await openAddClip(page);
  await again.getByRole('textbox', { name: 'Web address' }).fill(`${site.url}/slow/cranes`);
  await again.getByRole('button', { name: 'Clip' }).click();
  await expect(page.getByText(`Already in your library: ${ARTICLE_TITLE}`)).toBeVisible(IMPORTED);
  expect(app.library.list().total).toBe(1);
});

test('pasted HTML becomes a clip with its title and sanitized article', async ({ app, page }) => {
  await page.goto(app.host.url);
  const dialog = await openAddClip(page);
  await dialog.getByRole('textbox', { name: 'Or paste HTML or text' })
    .fill(ARTICLE.replace('</article>', '<script>window.__ran = true</script><p onclick="window.__ran = true">Last line.</p></article>'));
  await dialog.getByRole('button', { name: 'Clip' }).click();

  await expect(readerHeading(page, ARTICLE_TITLE)).toBeVisible(IMPORTED);
  await expect(articleText(page)).toContainText('Four new ship-to-shore cranes');
  await expect(articleText(page)).toContainText('Last line.');
  await expect(articleText(page)).not.toContainText('Home');
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  expect(app.library.list().clips.map((clip) => clip.title)).toEqual([ARTICLE_TITLE]);
});

test('pasted plain text and pasted Markdown become clips titled by their first line or heading', async ({ app, page }) => {
  await page.goto(app.host.url);
  let dialog = await openAddClip(page);
  await dialog.getByRole('textbox', { name: 'Or paste HTML or text' }).fill(sampleText(7, 'ferry'));
  await dialog.getByRole('button', { name: 'Clip' }).click();
  await expect(readerHeading(page, 'Report 7 on the ferry')).toBeVisible(IMPORTED);
  await expect(articleText(page)).toContainText('Shipping volumes rose while inspectors reviewed safety at berth 7.');

  dialog = await openAddClip(page);
  await dialog.getByRole('textbox', { name: 'Or paste HTML or text' })
    .fill('# Tide tables for the spring\n\nThe **highest tides** of the year come in *March*.\n\n- Check the gauge\n- Move the boats');
  await dialog.getByRole('checkbox', { name: 'The pasted text is Markdown' }).check();
  await dialog.getByRole('button', { name: 'Clip' }).click();
  await expect(readerHeading(page, 'Tide tables for the spring')).toBeVisible(IMPORTED);
  await expect(articleText(page).locator('strong')).toHaveText('highest tides');
  await expect(articleText(page).getByRole('listitem')).toHaveText(['Check the gauge', 'Move the boats']);
  expect(app.library.list().total).toBe(2);
});

test('the dialog refuses an address that is not a web address, and an empty form, without calling the library', async ({ app, page }) => {
  await page.goto(app.host.url);
  const dialog = await openAddClip(page);
  await dialog.getByRole('button', { name: 'Clip' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter a web address, or paste HTML or text.');
  await dialog.getByRole('textbox', { name: 'Web address' }).fill('ftp://files.example/report.html');
  await dialog.getByRole('button', { name: 'Clip' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter a web address that starts with http:// or https://.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(app.library.list().total).toBe(0);
});

test('an address that answers 404 shows a clear error in the dialog and saves nothing', async ({ app, page, scope }) => {
  await app.library.import({ kind: 'text', text: sampleText(1) });
  const site = await servePages(new Map([['/cranes', ARTICLE]]));
  scope.after(() => site.close());
  await page.goto(app.host.url);
  await expect(page.getByText('1 clip', { exact: true })).toBeVisible();
  const dialog = await openAddClip(page);
  await dialog.getByRole('textbox', { name: 'Web address' }).fill(`${site.url}/gone`);
  await dialog.getByRole('button', { name: 'Clip' }).click();

  await expect(dialog.getByRole('alert')).toContainText('404', IMPORTED);
  await expect(dialog.getByRole('alert')).toContainText(`${site.url}/gone`);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Clip' })).toBeEnabled();
  expect(app.library.list().total).toBe(1);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('1 clip', { exact: true })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(1);
});

test('a page with no article text shows an error and saves nothing', async ({ app, page, scope }) => {
  const site = await servePages(new Map([['/app', APP_SHELL]]));
  scope.after(() => site.close());
  await page.goto(app.host.url);
  const dialog = await openAddClip(page);
  await dialog.getByRole('textbox', { name: 'Web address' }).fill(`${site.url}/app`);
  await dialog.getByRole('button', { name: 'Clip' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The page has no readable text to clip.', IMPORTED);
  expect(app.library.list().total).toBe(0);
});

test('an .html file and a .md file dropped onto the window become clips', async ({ app, page }) => {
  await page.goto(app.host.url);
  await drop(page, fileItem('cranes.html', 'text/html', ARTICLE));
  await expect(readerHeading(page, ARTICLE_TITLE)).toBeVisible(IMPORTED);
  await expect(articleText(page)).toContainText('The cranes will double the number of containers');

  await page.getByRole('button', { name: 'All clips' }).click();
  const markdown = '# Tide tables for the spring\n\nThe **highest tides** of the year come in *March*.\n';
  await drop(page, fileItem('tides.md', 'text/markdown', markdown));
  await expect(readerHeading(page, 'Tide tables for the spring')).toBeVisible(IMPORTED);
  await expect(articleText(page).locator('strong')).toHaveText('highest tides');
  expect(app.library.list().total).toBe(2);
});

test('a link dropped onto the window is clipped in the background with progress in the header', async ({ app, page, scope }) => {
  const site = await serveGated(new Map([['/slow/cranes', ARTICLE]]));
  scope.after(() => site.close());
  await page.goto(app.host.url);
  await drop(page, { uriList: `# dragged from a news site\r\n${site.url}/slow/cranes\r\n` });
  await expect(page.getByRole('banner').getByRole('progressbar', { name: 'Importing' })).toBeVisible();
  site.release();
  await expect(readerHeading(page, ARTICLE_TITLE)).toBeVisible(IMPORTED);
  await expect(page.getByRole('banner').getByRole('progressbar')).toBeHidden();
  expect(app.library.list().clips.map((clip) => clip.url)).toEqual([`${site.url}/slow/cranes`]);
});

test('a dropped link that fails and a dropped file of the wrong kind explain why, and save nothing', async ({ app, page, scope }) => {
  const site = await servePages(new Map());
  scope.after(() => site.close());
  await page.goto(app.host.url);
  await drop(page, { uriList: `${site.url}/missing` });
  await expect(page.getByRole('alert')).toContainText('Could not clip this', IMPORTED);
  await expect(page.getByRole('alert')).toContainText('404');
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await drop(page, fileItem('chart.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
  await expect(page.getByRole('alert')).toContainText('chart.png is not a file Clipdesk can clip');
  expect(app.library.list().total).toBe(0);
});

test('a GBK-encoded page saved as .html and dropped onto the window is decoded correctly', async ({ app, page }) => {
  // Declared gb2312, as such pages usually are, yet using a GBK-only character (镕), as they often do.
  const title = '西湖龙井春茶提早开采';
  const head = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${title}</title>`;
  const html = `<!doctype html><html><head>${head}</head>
<body><article><h1>${title}</h1>
<p>西湖龙井茶园今年春茶开采比往年提早了一周，茶农说，三月气温偏高，嫩芽长得快。</p>
<p>杭州市农业部门预计，今年龙井茶产量将比去年增加一成，价格基本持平。茶农朱镕生说，今年的茶叶品质是近五年最好的。</p>
<p>茶叶专家提醒消费者，购买时要认准地理标志，谨防外地茶冒充西湖龙井。</p></article></body></html>`;
  const bytes = encodeGbk(html);
  expect(bytes.includes(Buffer.from(title, 'utf8'))).toBe(false); // really not UTF-8

  await page.goto(app.host.url);
  await drop(page, fileItem('longjing.html', 'text/html', bytes));
  await expect(readerHeading(page, title)).toBeVisible(IMPORTED);
  await expect(articleText(page)).toContainText('茶农朱镕生说，今年的茶叶品质是近五年最好的。');
  await expect(articleText(page)).not.toContainText('\ufffd');
  const [clip] = app.library.list().clips;
  expect(clip?.title).toBe(title);
  expect(clip?.language).toMatch(/^zh/);
});
