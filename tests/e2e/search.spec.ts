import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { HARBOUR_CRANES, SEED_FILE, SEED_TITLE, SHARED_DIR, paragraphsHtml } from '../helpers/seed.js';
import { expect, test } from './fixtures.js';

/**
 * Searching as a reader does: clip the seed article through the Add clip dialog, tag it in the reader,
 * then find it with a filtered query; type-ahead, the query in the address bar with back and forward,
 * the help shown when nothing matches, a query the parser rejects, and a Chinese page found by a word.
 */

const HARBOUR_TITLE = HARBOUR_CRANES.title;
const HARBOUR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HARBOUR_TITLE}</title>
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00"></head><body><article><h1>${HARBOUR_TITLE}</h1>
${paragraphsHtml(HARBOUR_CRANES.paragraphs)}</article></body></html>`;

/**
 * A GBK page from the CWCED corpus (declared gbk), about power prices; its body names 浙江 (Zhejiang), its title
 * does not. Its <title> adds the section (`_商业频道`), which its <h1>, and so the clip's title, leaves out.
 */
const CHINESE_PAGE = `${SHARED_DIR}corpora/extraction/cwced-dev/original/ecbe8d49-c640-4a08-b46d-f8b795f836ba.html`;
const CHINESE_TITLE = '利益集团左右电力体制改革 华东上调超发电价';

async function arrangeTwoClips(library: Library): Promise<void> {
  await library.importFile(SEED_FILE);
  await library.import({ kind: 'html', html: HARBOUR_PAGE, url: 'https://harbour.example/news/cranes' });
}

function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search clips' });
}

function results(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
}

test.use({ locale: 'en-US', timezoneId: 'UTC' });

test(
  'clips the seed article from the dialog, tags it in the reader, and finds it with tag:<tag> and a word, the word marked',
  async ({ app, page }) => {
    await page.goto(app.host.url);
    await page.getByRole('button', { name: 'Add clip' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add clip' });
    await dialog.getByRole('textbox', { name: 'Or paste HTML or text' }).fill(await readFile(SEED_FILE, 'utf8'));
    await dialog.getByRole('button', { name: 'Clip' }).click();

    // Clipping gets more than the default 5 s: on a busy 2-core runner a worker's first import is slow.
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(page.getByRole('list', { name: 'About this clip' })).toContainText(/Published Aug 26, 2023,\s1:36\sPM/);

    const addTag = page.getByRole('combobox', { name: 'Add tag' });
    await addTag.fill('pharma');
    await addTag.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove tag pharma' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^pharma\s*1$/ })).toBeVisible();

    await searchBox(page).fill('tag:pharma Zhou');
    await expect(page.getByText('1 clip found')).toBeVisible();
    await expect(results(page)).toHaveCount(1);
    await expect(results(page)).toContainText(SEED_TITLE);
    await expect(results(page).locator('mark').filter({ hasText: 'Zhou' }).first()).toBeVisible();

    // The tag filter really filters: the same word under another tag finds nothing.
    await searchBox(page).fill('tag:shipping Zhou');
    await expect(page.getByRole('heading', { name: 'No clips match' })).toBeVisible();
    await expect(results(page)).toHaveCount(0);
  },
);

test('search as you type finds clips by the start of a word and narrows with each word', async ({ app, page }) => {
  await arrangeTwoClips(app.library);
  await page.goto(app.host.url);
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(2);

  await searchBox(page).pressSequentially('Jil', { delay: 40 });
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText(SEED_TITLE);
  await expect(results(page).locator('mark').first()).toHaveText(/^Jilin$/i);

  await searchBox(page).press('End');
  await searchBox(page).pressSequentially('in cran', { delay: 40 });
  await expect(page.getByRole('heading', { name: 'No clips match' })).toBeVisible();

  await searchBox(page).fill('');
  await searchBox(page).pressSequentially('crane', { delay: 40 });
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText(HARBOUR_TITLE);
});

test(
  'the query is kept in the address, back and forward bring earlier queries back, and a search link opens its results',
  async ({ app, page }) => {
    await arrangeTwoClips(app.library);
    await page.goto(app.host.url);

    await searchBox(page).fill('Zhou');
    await expect(results(page)).toContainText(SEED_TITLE);
    await expect(page).toHaveURL(/\?q=Zhou$/);

    await searchBox(page).fill('rotterdam cranes');
    await expect(results(page)).toContainText(HARBOUR_TITLE);
    await expect(page).toHaveURL(/\?q=rotterdam\+cranes$/);

    await page.goBack();
    await expect(page).toHaveURL(/\?q=Zhou$/);
    await expect(searchBox(page)).toHaveValue('Zhou');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page)).toContainText(SEED_TITLE);

    await page.goBack();
    await expect(searchBox(page)).toHaveValue('');
    await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option')).toHaveCount(2);

    await page.goForward();
    await page.goForward();
    await expect(searchBox(page)).toHaveValue('rotterdam cranes');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page)).toContainText(HARBOUR_TITLE);

    // A search link (e.g. a bookmark) opens straight onto its results.
    await page.goto(app.host.url.replace('/#', '/?q=dock+workers#'));
    await expect(searchBox(page)).toHaveValue('dock workers');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page)).toContainText(HARBOUR_TITLE);
  },
);

test('an empty library and a search without hits both teach the query syntax', async ({ app, page }) => {
  await page.goto(app.host.url);
  await expect(page.getByText(/^Your library is empty/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Search tips' })).toBeVisible();
  await expect(page.getByText('tag:china', { exact: true })).toBeVisible();
  await expect(page.getByText('clips with a tag')).toBeVisible();

  await app.library.importFile(SEED_FILE);
  await searchBox(page).fill('zeppelin');
  await expect(page.getByText('0 clips found')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No clips match' })).toBeVisible();
  await expect(page.getByText('Try fewer words, or these forms:')).toBeVisible();
  for (const example of ['"trade surplus"', '-draft', 'tariffs OR quotas', 'source:xinhua', 'after:2024-01-01', 'is:starred']) {
    await expect(page.getByText(example, { exact: true })).toBeVisible();
  }
});

test('a query the parser cannot read shows an inline message, and the next good query searches again', async ({ app, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await arrangeTwoClips(app.library);
  await page.goto(app.host.url);

  await searchBox(page).fill('after:2023-13-45');
  const problem = page.getByRole('alert');
  await expect(problem).toContainText('Cannot read this query');
  await expect(problem).toContainText('2023-13-45');
  await expect(problem).toContainText('YYYY-MM-DD');
  await expect(results(page)).toHaveCount(0);

  await searchBox(page).fill('Zhou OR');
  await expect(problem).toContainText('OR must stand between two search words');

  await searchBox(page).fill('after:2023-09-01');
  await expect(problem).toBeHidden();
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText(HARBOUR_TITLE);
  expect(errors).toEqual([]);
});

test('a Chinese page clipped from its GBK bytes is found by a two-character word and shows it in the reader', async ({ app, page }) => {
  const bytes = await readFile(CHINESE_PAGE);
  await app.library.import({ kind: 'file', name: 'page.html', data: bytes.toString('base64') });
  await app.library.importFile(SEED_FILE);
  await page.goto(app.host.url);
  await expect(page.getByRole('listbox', { name: 'Clips' }).getByRole('option').filter({ hasText: CHINESE_TITLE })).toBeVisible();

  await searchBox(page).fill('浙江');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText(CHINESE_TITLE);
  await expect(results(page).locator('mark').first()).toHaveText('浙江');

  await results(page).click();
  await expect(page.getByRole('heading', { level: 1, name: CHINESE_TITLE })).toBeVisible();
  const article = page.getByRole('region', { name: 'Article text' });
  await expect(article).toContainText('1月4日，浙江东南发电股份有限公司接到了浙江省物价局的一份通知。');
  await expect(article).toHaveAttribute('lang', /^zh/);
});
