import type { Locator, Page } from '@playwright/test';
import type { Library } from '../../electron/core/library.js';
import { HARBOUR_CRANES, SEED_FILE, SEED_PUBLISHED_TEXT, SEED_TITLE, paragraphsHtml } from '../helpers/seed.js';
import { expect, test } from './fixtures.js';

/**
 * The library view as a reader meets it: a few real clips (three news pages and the plain-text seed
 * clipping) arranged through the facade, then listed, sorted and filtered only through the UI.
 */

function newsPage(title: string, site: string, published: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${site}</title>
<meta property="og:site_name" content="${site}"><meta property="article:published_time" content="${published}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>
${paragraphsHtml(paragraphs)}</article><footer>© ${site}</footer></body></html>`;
}

const HARBOUR = HARBOUR_CRANES.title;
const ZINC = 'Zinc prices climb on smelter outages';
const MONSOON = 'Monsoon rains lift rice harvest forecasts';
const SEED = SEED_TITLE;

/**
 * Clipped in this order (so newest clipped first is SEED, MONSOON, ZINC, HARBOUR), with published dates
 * in yet another order (MONSOON, HARBOUR, ZINC, SEED) and titles in a third (SEED, HARBOUR, MONSOON, ZINC).
 */
async function arrangeLibrary(library: Library): Promise<void> {
  const harbour = await library.import({
    kind: 'html', url: 'https://harbour.example/news/cranes',
    html: newsPage(HARBOUR, 'Harbour Daily', '2024-03-05T08:30:00+01:00', HARBOUR_CRANES.paragraphs),
  });
  const zinc = await library.import({
    kind: 'html', url: 'https://ledger.example/markets/zinc',
    html: newsPage(ZINC, 'The Ledger', '2023-11-20T16:05:00Z', [
      'Zinc rose to a seven-month high in London on Monday after two smelters in northern Europe halted output over power costs.',
      'Traders said stocks in exchange warehouses had fallen by a third since the summer, leaving little cushion for buyers.',
      'Galvanisers, who coat steel with zinc, warned that higher prices would reach car makers and builders by spring.',
    ]),
  });
  const monsoon = await library.import({
    kind: 'html', url: 'https://farm.example/asia/monsoon',
    html: newsPage(MONSOON, 'Asia Farm Weekly', '2024-07-14T06:00:00+05:30', [
      'Heavy monsoon rains across the eastern plains have lifted forecasts for the autumn rice harvest, the farm ministry said.',
      'Reservoirs stand at their highest level for a decade, and planting is two weeks ahead of last year.',
      'Exporters expect the government to ease limits on shipments of broken rice if the harvest meets the forecast.',
    ]),
  });
  const seed = await library.importFile(SEED_FILE);

  await library.addTags(harbour.clip.id, ['trade', 'shipping']);
  await library.addTags(zinc.clip.id, ['trade', 'metals']);
  await library.addTags(monsoon.clip.id, ['agriculture']);
  await library.addTags(seed.clip.id, ['pharma']);
  await library.update(zinc.clip.id, { starred: true });
  await library.annotate(seed.clip.id, { quote: 'Zhou Hui', color: 'yellow' });
  await library.annotate(seed.clip.id, { quote: 'biomedical industry', color: 'green', note: 'a leading industry' });
  await library.annotate(harbour.clip.id, { quote: 'double the number of containers', color: 'blue' });
}

function clipList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Clips' });
}

function rows(page: Page): Locator {
  return clipList(page).getByRole('option');
}

function row(page: Page, title: string): Locator {
  return rows(page).filter({ hasText: title });
}

/** Rows whose text starts with these titles, in this order and no others. */
function inOrder(...titles: string[]): RegExp[] {
  return titles.map((title) => new RegExp(`^\\s*${escapeRegExp(title)}`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sidebar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Library' });
}

/** A tag's filter button: its name is the tag and its count ("trade 2"), unlike "Rename tag trade". */
function tagFilter(page: Page, tag: string): Locator {
  return sidebar(page).getByRole('button', { name: new RegExp(`^${escapeRegExp(tag)}\\s*\\d+$`) });
}

test.use({ locale: 'en-US', timezoneId: 'UTC' });

test.beforeEach(async ({ app, page }) => {
  await arrangeLibrary(app.library);
  await page.goto(app.host.url);
  await expect(rows(page)).toHaveCount(4);
});

test('each row shows the title, source, published date, tags, excerpt and highlight count', async ({ page }) => {
  await expect(page.getByText('4 clips', { exact: true })).toBeVisible();

  const harbour = row(page, HARBOUR);
  await expect(harbour).toContainText('Harbour Daily');
  await expect(harbour).toContainText(/Mar 5, 2024,\s7:30\sAM/);
  await expect(harbour).toContainText('Tags: trade, shipping');
  await expect(harbour).toContainText('Four new ship-to-shore cranes arrived at the eastern terminal');
  await expect(harbour).toContainText('1 highlight');
  await expect(harbour).not.toContainText('Starred');

  const zinc = row(page, ZINC);
  await expect(zinc).toContainText('The Ledger');
  await expect(zinc).toContainText(/Nov 20, 2023,\s4:05\sPM/);
  await expect(zinc).toContainText('★ Starred');
  await expect(zinc).toContainText('Tags: trade, metals');
  await expect(zinc).not.toContainText('highlight');

  const seed = row(page, SEED);
  await expect(seed).toContainText(/Aug 26, 2023,\s1:36\sPM/); // the clipping's own clock
  await expect(seed).not.toContainText(SEED_PUBLISHED_TEXT);
  await expect(seed).toContainText('2 highlights');
  await expect(seed).toContainText('Tags: pharma');
  await expect(seed).toContainText('On August 26, Jiao Jiguo');

  await expect(row(page, MONSOON)).toContainText('Asia Farm Weekly');
  await expect(row(page, MONSOON)).toContainText('Tags: agriculture');
});

test('sorting by date clipped, date published and title changes the order, and the order button reverses it', async ({ page }) => {
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sortBy).toHaveValue('clippedAt');
  await expect(rows(page)).toHaveText(inOrder(SEED, MONSOON, ZINC, HARBOUR));

  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(page.getByRole('button', { name: 'Oldest first' })).toBeVisible();
  await expect(rows(page)).toHaveText(inOrder(HARBOUR, ZINC, MONSOON, SEED));

  await sortBy.selectOption({ label: 'Date published' });
  await expect(rows(page)).toHaveText(inOrder(MONSOON, HARBOUR, ZINC, SEED));

  await sortBy.selectOption({ label: 'Title' });
  await expect(page.getByRole('button', { name: 'A–Z' })).toBeVisible();
  await expect(rows(page)).toHaveText(inOrder(SEED, HARBOUR, MONSOON, ZINC));

  await page.getByRole('button', { name: 'A–Z' }).click();
  await expect(rows(page)).toHaveText(inOrder(ZINC, MONSOON, HARBOUR, SEED));
});

test('the tag sidebar lists every tag with how many clips carry it', async ({ page }) => {
  await expect(tagFilter(page, 'trade')).toHaveAccessibleName(/^trade\s*2$/);
  for (const tag of ['shipping', 'metals', 'agriculture', 'pharma']) {
    await expect(tagFilter(page, tag)).toHaveAccessibleName(new RegExp(`^${tag}\\s*1$`));
  }
  await expect(sidebar(page).getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(5);
  // Most used first.
  await expect(sidebar(page).getByRole('listitem').first()).toContainText('trade');
});

test('clicking a tag shows its clips, a second tag narrows to clips with both, and All clips clears the filter', async ({ page }) => {
  await tagFilter(page, 'trade').click();
  await expect(tagFilter(page, 'trade')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveText(inOrder(ZINC, HARBOUR));
  await expect(page.getByText('2 clips', { exact: true })).toBeVisible();

  await tagFilter(page, 'shipping').click();
  await expect(rows(page)).toHaveText(inOrder(HARBOUR));

  // Two tags no clip has together: nothing, and the filters are named.
  await tagFilter(page, 'shipping').click();
  await expect(tagFilter(page, 'shipping')).toHaveAttribute('aria-pressed', 'false');
  await expect(rows(page)).toHaveText(inOrder(ZINC, HARBOUR));
  await tagFilter(page, 'pharma').click();
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('No clips match these filters (tags: trade, pharma).')).toBeVisible();

  await sidebar(page).getByRole('button', { name: 'All clips' }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(tagFilter(page, 'trade')).toHaveAttribute('aria-pressed', 'false');
  await expect(tagFilter(page, 'pharma')).toHaveAttribute('aria-pressed', 'false');
});

test('the starred and annotated filters show only starred or highlighted clips, and combine with tags', async ({ page }) => {
  const starred = page.getByRole('button', { name: '★ Starred' });
  const annotated = page.getByRole('button', { name: 'Annotated' });

  await starred.click();
  await expect(starred).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveText(inOrder(ZINC));
  await starred.click();
  await expect(rows(page)).toHaveCount(4);

  await annotated.click();
  await expect(annotated).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveText(inOrder(SEED, HARBOUR));

  await tagFilter(page, 'trade').click();
  await expect(rows(page)).toHaveText(inOrder(HARBOUR));

  await starred.click();
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText(/^No clips match these filters/)).toBeVisible();
});
