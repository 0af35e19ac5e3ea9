import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Annotation } from '../../electron/api.js';
import type { Library } from '../../electron/core/library.js';
import { serveRoutes } from '../helpers/picture-server.js';
import { HARBOUR_TRAFFIC, SEED_FILE, SEED_TITLE, paragraphsHtml } from '../helpers/seed.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';
import { expect, importSeed, openClip, selectInArticle, test } from './fixtures.js';

/**
 * Highlights as a reader makes them: select words in the article, pick a colour from the toolbar,
 * write a note, and find both again later, painted over the same words and listed in the side panel.
 */

const PASSAGE = 'Jilin High-tech Zone';

/**
 * Drags the mouse over the first appearance of `text` that sits on one line of the article, as a
 * person selecting it would. Returns the article text just before it, to tell this appearance apart.
 */
async function dragOver(page: Page, text: string): Promise<string> {
  const article = page.getByRole('region', { name: 'Article text' });
  const found = await article.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let before = '';
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let at = node.data.indexOf(wanted); at >= 0; at = node.data.indexOf(wanted, at + 1)) {
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size !== 1) continue; // wraps onto a second line: a straight drag would not cover it
        node.parentElement?.scrollIntoView({ block: 'center' });
        const box = (from: number) => {
          const char = new Range();
          char.setStart(node, from);
          char.setEnd(node, from + 1);
          const rect = char.getBoundingClientRect();
          return { left: rect.left, right: rect.right, middle: rect.top + rect.height / 2 };
        };
        return { first: box(at), last: box(at + wanted.length - 1), prefix: (before + node.data.slice(0, at)).slice(-200) };
      }
      before += node.data;
    }
    return null;
  }, text);
  if (!found) throw new Error(`"${text}" is not on a single line anywhere in the article`);
  await page.mouse.move(found.first.left + 1, found.first.middle);
  await page.mouse.down();
  await page.mouse.move((found.first.left + found.last.right) / 2, found.first.middle, { steps: 4 });
  await page.mouse.move(found.last.right - 1, found.last.middle, { steps: 4 });
  await page.mouse.up();
  return found.prefix;
}

/** The article text just before a highlight's first mark, to check it is painted where it was made. */
function textBeforeMark(page: Page, selector = 'mark'): Promise<string> {
  return page.getByRole('region', { name: 'Article text' }).evaluate((root, selector) => {
    const mark = root.querySelector(selector);
    if (!mark) return '';
    const range = new Range();
    range.setStart(root, 0);
    range.setEndBefore(mark);
    return range.toString().slice(-200);
  }, selector);
}

test('a highlight made from a mouse selection keeps its colour and note after a reload', async ({ page, app }) => {
  await page.goto(app.host.url);
  // Clip the seed through the app, pasted into the import dialog like a person would.
  await page.getByRole('button', { name: 'Add clip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add clip' });
  await dialog.getByLabel('Or paste HTML or text').fill(await readFile(SEED_FILE, 'utf8'));
  await dialog.getByRole('button', { name: 'Clip' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();

  const prefix = await dragOver(page, PASSAGE);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Highlight green' }).click();
  await expect(toolbar).toBeHidden();

  // The new highlight's note is ready for typing straight away.
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  const note = panel.getByRole('textbox', { name: `Note on “${PASSAGE}”` });
  await expect(note).toBeFocused();
  await page.keyboard.type('Where the delegation was received');
  await page.keyboard.press('Tab'); // the note is saved when the field loses focus
  const [clip] = app.library.list().clips;
  await expect.poll(async () => (await app.library.get(clip!.id)).annotations.map((a) => [a.target.selector[0].exact, a.color, a.note]))
    .toEqual([[PASSAGE, 'green', 'Where the delegation was received']]);

  await page.reload();
  await openClip(page, SEED_TITLE);
  const mark = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(PASSAGE, { useInnerText: true });
  await expect(mark).toHaveClass(/\bhl-green\b/);
  expect(await textBeforeMark(page)).toBe(prefix.slice(-200));
  await expect(panel.getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();
  await expect(panel.getByRole('button', { name: PASSAGE, exact: true })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: `Note on “${PASSAGE}”` })).toHaveValue('Where the delegation was received');
});

test('choosing a highlight in the side panel scrolls to its passage and flashes it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1100, height: 560 });
  const clip = await importSeed(app.library);
  await app.library.annotate(clip.id, { quote: 'Tsuen Jikang Medical Technology', color: 'blue', note: 'Last stop of the visit' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);

  const mark = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(mark).toHaveText('Tsuen Jikang Medical Technology');
  await expect(mark).not.toBeInViewport();
  await page.getByRole('complementary', { name: 'Highlights and notes' })
    .getByRole('button', { name: 'Tsuen Jikang Medical Technology', exact: true }).click();
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveClass(/\bflash\b/);
});

test('a highlight’s colour and note can be changed in the side panel', async ({ page, app }) => {
  const clip = await importSeed(app.library);
  await app.library.annotate(clip.id, { quote: PASSAGE, color: 'yellow', note: 'first thought' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  const mark = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(mark).toHaveClass(/\bhl-yellow\b/);

  await panel.getByLabel('Colour').selectOption('pink');
  await expect(mark).toHaveClass(/\bhl-pink\b/);
  await expect(panel.getByRole('button', { name: PASSAGE, exact: true })).toHaveClass(/\bhl-pink\b/);

  const note = panel.getByRole('textbox', { name: `Note on “${PASSAGE}”` });
  await note.fill('second thought');
  await note.press('Control+Enter'); // saves without leaving the field
  await expect.poll(async () => (await app.library.get(clip.id)).annotations[0]?.note).toBe('second thought');
  await expect(note).toBeFocused();

  await page.reload();
  await openClip(page, SEED_TITLE);
  await expect(mark).toHaveClass(/\bhl-pink\b/);
  await expect(panel.getByRole('textbox', { name: `Note on “${PASSAGE}”` })).toHaveValue('second thought');
  expect((await app.library.get(clip.id)).annotations.map((a) => a.color)).toEqual(['pink']);
});

test('deleting a highlight unpaints it and removes it from the panel', async ({ page, app }) => {
  const clip = await importSeed(app.library);
  await app.library.annotate(clip.id, { quote: PASSAGE, color: 'purple' });
  await app.library.annotate(clip.id, { quote: 'biomedical industry', color: 'green' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  const marks = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(marks).toHaveText([PASSAGE, 'biomedical industry']);

  await panel.getByRole('button', { name: `Delete highlight “${PASSAGE}”` }).click();
  await expect(marks).toHaveText(['biomedical industry']);
  await expect(panel.getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();
  await expect(panel.getByRole('button', { name: PASSAGE, exact: true })).toHaveCount(0);
  expect((await app.library.get(clip.id)).annotations.map((a) => a.target.selector[0].exact)).toEqual(['biomedical industry']);
  // The words themselves are untouched.
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText(`Management Committee of ${PASSAGE}, received`);
});

test('a highlight whose passage left the article is listed as not found, not painted and not lost', async ({ page, app }) => {
  const url = 'https://gazette.example/harbour-traffic';
  const { title, paragraphs: [kept, dropped, closing] } = HARBOUR_TRAFFIC;
  const page1 = (paragraphs: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
    <body><article><h1>${title}</h1>${paragraphsHtml(paragraphs, '')}</article></body></html>`;
  const { clip } = await app.library.import({ kind: 'html', html: page1([kept, dropped, closing]), url });
  await app.library.annotate(clip.id, { quote: 'new deep-water berth', color: 'pink', note: 'Opened in April' });
  await app.library.annotate(clip.id, { quote: 'strained the old cranes', color: 'green' });
  const { outcome } = await app.library.import({ kind: 'html', html: page1([kept, closing]), url });
  expect(outcome).toBe('updated');

  await page.goto(app.host.url);
  await openClip(page, title);
  const article = page.getByRole('region', { name: 'Article text' });
  await expect(article).not.toContainText('deep-water');
  await expect(article.locator('mark')).toHaveText(['strained the old cranes']);

  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  await expect(panel.getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();
  const orphans = panel.getByRole('list', { name: 'Not found in the current text' });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(orphans).toContainText('“new deep-water berth”');
  await expect(orphans.getByRole('textbox', { name: 'Note on “new deep-water berth”' })).toHaveValue('Opened in April');
  // Not a button that would scroll to nothing.
  await expect(orphans.getByRole('button', { name: 'new deep-water berth', exact: true })).toHaveCount(0);
  const stored = (await app.library.get(clip.id)).annotations;
  expect(stored.map((a) => [a.target.selector[0].exact, a.status])).toEqual(
    expect.arrayContaining([['new deep-water berth', 'orphan'], ['strained the old cranes', expect.not.stringMatching('orphan')]]),
  );
});

test('highlights land on the chosen words in a Chinese article with characters outside the BMP', async ({ page, app }) => {
  // 𠮷 and the emoji are two UTF-16 units each but one code point: offsets must not drift past them.
  const text = '吉林高新区举办生物医药产业交流会\n\n来源: 新华社   时间: 2023-09-01 09:15\n' +
    '\u00a0\u00a0\u00a0\u00a0九月一日，𠮷野家与🚢船运公司代表来到吉林高新区，参加生物医药产业交流会。会议介绍了园区的发展规划。\n' +
    '\u00a0\u00a0\u00a0\u00a0与会代表参观了医药健康产业园，并就合作项目进行了深入交流。(记者 王小明)\n';
  const { clip } = await app.library.import({ kind: 'text', text });
  await page.goto(app.host.url);
  await openClip(page, '吉林高新区举办生物医药产业交流会');

  await selectInArticle(page, '生物医药产业交流会');
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight blue' }).click();
  const marks = page.getByRole('region', { name: 'Article text' }).locator('mark');
  await expect(marks).toHaveText(['生物医药产业交流会']);
  await selectInArticle(page, '医药健康产业园');
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight yellow' }).click();

  await expect(marks).toHaveText(['生物医药产业交流会', '医药健康产业园']);
  expect((await app.library.get(clip.id)).annotations.map((a) => a.target.selector[0].exact).sort())
    .toEqual(['医药健康产业园', '生物医药产业交流会'].sort());
  await page.reload();
  await openClip(page, '吉林高新区举办生物医药产业交流会');
  await expect(marks).toHaveText(['生物医药产业交流会', '医药健康产业园']);
});

test('a highlight across bold text and a link paints every piece and lists the whole passage', async ({ page, app }) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes</title></head><body><article>
    <h1>Ferry timetable changes</h1>
    <p>The island ferry will run <strong>every forty minutes</strong> from June, according to the <a href="https://ferry.example/timetable">new timetable</a> published on Friday by the operator.</p>
    <p>Commuters had asked for later sailings for years, and the last boat now leaves the mainland at midnight.</p>
    </article></body></html>`;
  const { clip } = await app.library.import({ kind: 'html', html, url: 'https://gazette.example/ferry' });
  await page.goto(app.host.url);
  await openClip(page, 'Ferry timetable changes');

  await selectInArticle(page, 'forty minutes from June, according to the new');
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight purple' }).click();
  await expect.poll(async () => (await app.library.get(clip.id)).annotations.map((a) => a.target.selector[0].exact))
    .toEqual(['forty minutes from June, according to the new']);
  const [annotation] = (await app.library.get(clip.id)).annotations;
  // Painted without gaps: the spaces where the passage crosses into and out of the link are marked too.
  await expect.poll(() => paintedText(page, annotation!.id)).toBe('forty minutes from June, according to the new');
  await expect(page.getByRole('region', { name: 'Article text' }).locator('mark')).toHaveCount(3);
  await expect(page.getByRole('complementary', { name: 'Highlights and notes' })
    .getByRole('button', { name: 'forty minutes from June, according to the new' })).toBeVisible();
});

test('a picture\'s caption is shown but is not article text: a highlight after it lands on its own words', async ({ page, app, scope }) => {
  const site = await serveRoutes(scope, { '/ferry.png': { type: 'image/png', body: TINY_IMAGES.png } });
  // The caption says the same words as the paragraph after it: mapped as text, it would take the highlight.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A new ferry for the island</title></head><body><article>
    <h1>A new ferry for the island</h1>
    <p>The island's new ferry arrived on Friday after a week at sea, and the operator will put it on the morning run.</p>
    <figure><img src="${site.url}/ferry.png" alt="The ferry">
      <figcaption>The new ferry in the harbour on Friday. Photo: Port Authority</figcaption></figure>
    <p>The new ferry in the harbour carries 300 passengers, twice as many as the boat it replaces.</p>
    </article></body></html>`;
  const { clip } = await app.library.import({ kind: 'html', html, url: `${site.url}/ferry` });
  expect((await app.library.get(clip.id)).text).not.toContain('Port Authority');
  await page.goto(app.host.url);
  await openClip(page, 'A new ferry for the island');
  await expect(page.getByRole('figure')).toContainText('The new ferry in the harbour on Friday');

  await selectInArticle(page, 'ferry in the harbour carries 300');
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
  const [annotation] = await savedHighlights(app.library, clip.id, 1);
  expect(annotation?.target.selector[0].exact).toBe('ferry in the harbour carries 300');
  await expect.poll(() => paintedText(page, annotation!.id)).toBe('ferry in the harbour carries 300');
  await expect(page.getByRole('figure').locator('mark')).toHaveCount(0);
});

/** The clip's highlights once the library holds `count` of them (the UI saves in the background). */
async function savedHighlights(library: Library, clipId: string, count: number): Promise<Annotation[]> {
  await expect.poll(async () => (await library.get(clipId)).annotations.length).toBe(count);
  return (await library.get(clipId)).annotations;
}

/** The text of every mark painted for one highlight, joined in document order. */
async function paintedText(page: Page, annotationId: string): Promise<string> {
  const marks = page.getByRole('region', { name: 'Article text' }).locator(`mark[data-annotation-id="${annotationId}"]`);
  return (await marks.allTextContents()).join('');
}

test('double-clicking a word offers the toolbar and highlights just that word', async ({ page, app }) => {
  const clip = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await page.getByRole('region', { name: 'Article text' }).getByText('biomedical', { exact: false }).first()
    .evaluate((paragraph) => paragraph.scrollIntoView({ block: 'center' }));
  const box = await page.getByRole('region', { name: 'Article text' }).evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf('biomedical');
      if (at < 0) continue;
      const range = new Range();
      range.setStart(node, at + 2);
      range.setEnd(node, at + 3);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  await page.mouse.dblclick(box!.x, box!.y);
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(page.getByRole('region', { name: 'Article text' }).locator('mark')).toHaveText(['biomedical']);
  expect((await app.library.get(clip.id)).annotations[0]?.target.selector[0].exact).toBe('biomedical');
});

test('triple-clicking a paragraph highlights that paragraph and nothing of the next', async ({ page, app }) => {
  const clip = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  const second = page.getByRole('region', { name: 'Article text' }).getByRole('paragraph').nth(1);
  const paragraph = (await second.textContent())?.trim() ?? '';
  await second.click({ clickCount: 3, position: { x: 30, y: 10 } });
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight green' }).click();

  const [annotation] = await savedHighlights(app.library, clip.id, 1);
  expect(annotation?.target.selector[0].exact).toBe(paragraph);
  await expect.poll(() => paintedText(page, annotation!.id)).toBe(paragraph);
  await expect(page.getByRole('region', { name: 'Article text' }).getByRole('paragraph').nth(2).locator('mark')).toHaveCount(0);
});

test('a highlight across two paragraphs paints both parts and survives a reload', async ({ page, app }) => {
  const clip = await importSeed(app.library);
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  const article = page.getByRole('region', { name: 'Article text' });
  await article.getByRole('paragraph').nth(1).scrollIntoViewIfNeeded();
  await article.evaluate((root) => {
    const [first, second] = [...root.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const start = first!.data.indexOf('participated in the discussion');
    const end = second!.data.indexOf(' introduced');
    document.getSelection()?.setBaseAndExtent(first!, start, second!, end);
  });
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight blue' }).click();

  const [annotation] = await savedHighlights(app.library, clip.id, 1);
  expect(annotation?.target.selector[0].exact).toMatch(/^participated in the discussion and exchange。\s+Jiao Jiguo$/);
  await expect(article.getByRole('paragraph').nth(0).locator('mark')).toHaveText('participated in the discussion and exchange。');
  await expect(article.getByRole('paragraph').nth(1).locator('mark')).toHaveText('Jiao Jiguo');
  await page.reload();
  await openClip(page, SEED_TITLE);
  await expect(article.getByRole('paragraph').nth(0).locator('mark')).toHaveText('participated in the discussion and exchange。');
  await expect(article.getByRole('paragraph').nth(1).locator('mark')).toHaveText('Jiao Jiguo');
});

test('a highlight overlapping another keeps both passages whole', async ({ page, app }) => {
  const clip = await importSeed(app.library);
  const first = await app.library.annotate(clip.id, { quote: 'Jilin High-tech Zone, received Zhou Hui', color: 'yellow' });
  await page.goto(app.host.url);
  await openClip(page, SEED_TITLE);
  await expect(page.getByRole('region', { name: 'Article text' }).locator('mark')).toHaveCount(1);

  await selectInArticle(page, 'Management Committee of Jilin High-tech');
  await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight pink' }).click();
  const sidebar = page.getByRole('complementary', { name: 'Highlights and notes' });
  await expect(sidebar.getByRole('heading', { name: 'Highlights (2)' })).toBeVisible();
  const second = (await app.library.get(clip.id)).annotations.find((a) => a.id !== first.id);
  expect(second?.target.selector[0].exact).toBe('Management Committee of Jilin High-tech');
  await expect.poll(() => paintedText(page, first.id)).toBe('Jilin High-tech Zone, received Zhou Hui');
  await expect.poll(() => paintedText(page, second!.id)).toBe('Management Committee of Jilin High-tech');
  await expect(page.getByRole('region', { name: 'Article text' }).getByRole('paragraph').first())
    .toContainText('director of the Management Committee of Jilin High-tech Zone, received Zhou Hui, president');
});

test.describe('the highlight toolbar stays inside the reader', () => {
  // Narrow enough that the article column reaches the reader's right edge, next to the highlights panel.
  test.use({ viewport: { width: 960, height: 640 } });

  /** The edges of the reader's on-screen part (the window clips it) that the toolbar crosses. */
  async function edgesCrossed(page: Page): Promise<string[]> {
    const toolbar = await page.getByRole('toolbar', { name: 'Highlight selection' }).boundingBox();
    const reader = await page.locator('clip-reader').boundingBox();
    const window = page.viewportSize();
    if (!toolbar || !reader || !window) return ['no toolbar'];
    const area = {
      top: Math.max(reader.y, 0), left: Math.max(reader.x, 0),
      bottom: Math.min(reader.y + reader.height, window.height), right: Math.min(reader.x + reader.width, window.width),
    };
    return Object.entries({
      top: toolbar.y < area.top,
      left: toolbar.x < area.left,
      bottom: toolbar.y + toolbar.height > area.bottom,
      right: toolbar.x + toolbar.width > area.right,
    }).filter(([, crossed]) => crossed).map(([edge]) => edge);
  }

  /** Scrolls the reader so the selected passage's top is `offset` pixels below the reader's top edge (above it when negative). */
  async function scrollSelectionTo(page: Page, offset: number): Promise<void> {
    await page.locator('clip-reader').evaluate((reader, offset) => {
      const [found] = document.getSelection()?.getComposedRanges({ shadowRoots: [reader.shadowRoot!] }) ?? [];
      if (!found) throw new Error('nothing is selected');
      const range = new Range();
      range.setStart(found.startContainer, found.startOffset);
      range.setEnd(found.endContainer, found.endOffset);
      reader.scrollTop += range.getBoundingClientRect().top - reader.getBoundingClientRect().top - offset;
    }, offset);
  }

  test('for a word double-clicked at the right end of a line', async ({ page, app }) => {
    await importSeed(app.library);
    await page.goto(app.host.url);
    await openClip(page, SEED_TITLE);
    const word = await page.getByRole('region', { name: 'Article text' }).getByRole('paragraph').first().evaluate((paragraph) => {
      paragraph.scrollIntoView({ block: 'center' });
      let best = { x: 0, y: 0, right: -Infinity };
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const match of node.data.matchAll(/[A-Za-z]{3,}/g)) {
          const range = new Range();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rect = range.getBoundingClientRect();
          if (rect.right > best.right) best = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, right: rect.right };
        }
      }
      return best;
    });
    await page.mouse.dblclick(word.x, word.y);
    await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
    expect(await edgesCrossed(page)).toEqual([]);
  });

  const PLACES = [['at the reader’s top edge', 0], ['scrolled partly above the reader', -12], ['at its bottom edge', 600]] as const;
  for (const [where, offset] of PLACES) {
    test(`for a passage ${where}`, async ({ page, app }) => {
      await importSeed(app.library);
      await page.goto(app.host.url);
      await openClip(page, SEED_TITLE);
      await selectInArticle(page, PASSAGE);
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
      const readerHeight = (await page.locator('clip-reader').boundingBox())?.height ?? 0;
      await scrollSelectionTo(page, Math.min(offset, readerHeight - 12));
      await expect.poll(() => edgesCrossed(page)).toEqual([]);
      await page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: 'Highlight blue' }).click();
      await expect(page.getByRole('region', { name: 'Article text' }).locator('mark')).toHaveText([PASSAGE]);
    });
  }
});
