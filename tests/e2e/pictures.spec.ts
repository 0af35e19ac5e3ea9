import type { Page } from '@playwright/test';
import { html, pictureAfterOutage, serveRoutes } from '../helpers/picture-server.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';
import { expect, test } from './fixtures.js';

/**
 * A clipped article keeps its pictures: the reader shows the library's copies with every request
 * outside the app's own origin blocked, an SVG with script shows as a picture and runs nothing, and a
 * picture that could not be fetched is offered again.
 */

const TITLE = 'New cranes for the eastern terminal';
const PARAGRAPHS = Array.from({ length: 6 }, (_, i) =>
  `<p>Paragraph ${i + 1}: four ship-to-shore cranes arrived after a six-week voyage, the port authority said.</p>`).join('');
const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#2a6"/>' +
  '<script>parent.document.title = "svg ran"; top.document.title = "svg ran"</script></svg>';

/** Blocks every request that does not go to the app's own origin, as an offline reader would have it. */
async function offlineBut(page: Page, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  return blocked;
}

async function shownPictures(page: Page): Promise<Array<{ alt: string; width: number }>> {
  return page.getByRole('region', { name: 'Article text' }).locator('img').evaluateAll((images) =>
    (images as HTMLImageElement[]).map((image) => ({ alt: image.alt, width: image.naturalWidth })));
}

test('the reader shows the kept pictures with the web blocked, an SVG runs nothing, and a missing one is fetched again', async ({
  app, page, scope,
}) => {
  const chart = pictureAfterOutage(TINY_IMAGES.gif, 'image/gif');
  const site = await serveRoutes(scope, {
    '/cranes': html(`<html><head><title>${TITLE}</title></head><body><article><h1>${TITLE}</h1>${PARAGRAPHS}` +
      '<figure><img src="/crane.png" alt="crane" width="1" height="1"><figcaption>The first crane</figcaption></figure>' +
      '<img src="/map.svg" alt="map"><img src="/chart.gif" alt="chart"></article></body></html>'),
    '/crane.png': { type: 'image/png', body: TINY_IMAGES.png },
    '/map.svg': { type: 'image/svg+xml', body: SVG_WITH_SCRIPT },
    '/chart.gif': chart.route,
  });
  const { clip, pictures } = await app.library.import({ kind: 'url', url: `${site.url}/cranes` });
  expect(pictures).toEqual({ kept: 2, missing: 1 });

  const origin = new URL(app.host.url).origin;
  const blocked = await offlineBut(page, origin);
  await page.goto(app.host.url);
  await page.getByRole('option', { name: new RegExp(TITLE) }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect.poll(() => shownPictures(page)).toEqual([{ alt: 'crane', width: 1 }, { alt: 'map', width: 40 }, { alt: 'chart', width: 0 }]);
  await expect(page.getByRole('figure')).toContainText('The first crane');
  expect(await page.title()).not.toBe('svg ran');
  expect(blocked).toEqual([]);

  const notice = page.getByRole('note').filter({ hasText: 'could not be kept offline' });
  await expect(notice).toContainText('1 picture of this article');
  chart.comeUp();
  await notice.getByRole('button', { name: 'Fetch missing pictures' }).click();
  await expect(page.getByText('All pictures of this clip are kept now')).toBeVisible();
  await expect(notice).toBeHidden();
  await expect.poll(() => shownPictures(page)).toEqual([{ alt: 'crane', width: 1 }, { alt: 'map', width: 40 }, { alt: 'chart', width: 1 }]);
  expect(app.library.pictures.missing()).not.toContain(clip.id);
  expect(blocked).toEqual([]);
});

test('the library offers to fetch every clip\'s missing pictures and shows its progress', async ({ app, page, scope }) => {
  const picture = pictureAfterOutage(TINY_IMAGES.png);
  const routes: Parameters<typeof serveRoutes>[1] = { '/p.png': picture.route };
  for (const n of [1, 2, 3]) {
    routes[`/a${n}`] = html(`<html><head><title>Report ${n}</title></head><body><article><h1>Report ${n}</h1>${PARAGRAPHS}` +
      `<p>Berth ${n}.</p><img src="/p.png" alt="p"></article></body></html>`);
  }
  const site = await serveRoutes(scope, routes);
  for (const n of [1, 2, 3]) await app.library.import({ kind: 'url', url: `${site.url}/a${n}` });

  await page.goto(app.host.url);
  const fetchAll = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Fetch missing pictures (3 clips)' });
  await expect(fetchAll).toBeVisible();
  picture.comeUp();
  await fetchAll.click();
  await expect(page.getByText('All pictures of 3 clips are kept now')).toBeVisible();
  await expect(fetchAll).toBeHidden();
  expect(app.library.pictures.missing()).toEqual([]);
});
