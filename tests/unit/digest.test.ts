import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { DigestDefinition } from '../../electron/api.js';
import { digestPeriod, periodFilters } from '../../electron/core/digest/digest-period.js';
import { DIGEST_PRESETS_FILE } from '../../electron/core/digest/digest-presets.js';
import { Library } from '../../electron/core/library.js';
import { html, serveRoutes } from '../helpers/picture-server.js';
import { CHINESE_TITLE, DEFINITION, page, paragraphs, pressLibrary } from '../helpers/press-library.js';
import { SEED_TITLE } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

async function digestText(library: Library, definition: DigestDefinition): Promise<string> {
  return Buffer.from((await library.digests.make(definition, 'html')).bytes).toString('utf8');
}

describe('a press review as HTML', () => {
  it('has a cover, a contents list linking every item, and the items under their tags, newest first', async (t) => {
    const { library } = await pressLibrary(t);
    const digest = await digestText(library, { ...DEFINITION, title: 'Weekly trade' });
    assert.match(digest, /<h1>Weekly trade<\/h1>/);
    assert.match(digest, /4 items · compiled /);
    assert.match(digest, /<p class="period">Aug 20, 2023 – Aug 26, 2023<\/p>/, 'the items\' span closes an open period');
    const headings = [...digest.matchAll(/<section class="group">\n<h2[^>]*>([^<]+)<\/h2>/g)].map((match) => match[1]);
    assert.deepEqual(headings, ['pharma', 'ports', 'trade']);
    const items = [...digest.matchAll(/<article class="item" id="item-(\d+)"/g)].map((match) => Number(match[1]));
    assert.deepEqual(items, [1, 2, 3, 4]);
    for (const n of items) assert.equal(digest.split(`href="#item-${n}"`).length - 1, 1, `one contents link to item ${n}`);
    const order = [SEED_TITLE, 'Ports expand their berths', CHINESE_TITLE, 'Tariffs'].map((title) => digest.lastIndexOf(title));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'items in group order, newest first inside a group');
    assert.match(digest, /<p class="meta">Harbour Times · Aug 24, 2023/);
    assert.match(digest, /<p class="original"><a href="https:\/\/harbour.example\/ports">/);
  });

  it('escapes every value and neither runs script nor loads anything', async (t) => {
    const { library } = await pressLibrary(t);
    const digest = await digestText(library, { ...DEFINITION, title: '<img src=x onerror=alert(3)> review', content: 'highlights' });
    assert.doesNotMatch(digest, /<script/i);
    assert.doesNotMatch(digest, /<img src=x/);
    assert.match(digest, /<title>&lt;img src=x onerror=alert\(3\)&gt; review<\/title>/);
    assert.match(digest, /Tariffs &lt;b&gt;&amp;&lt;\/b&gt; &quot;quotas&quot; &lt;script&gt;/);
    assert.match(digest, /Follow up &lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(digest, /content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/);
    assert.doesNotMatch(digest, /@import|url\(/);
    const { document } = new JSDOM(digest).window;
    assert.equal(document.querySelectorAll('script, link, iframe, frame, object, embed, base, meta[http-equiv=refresh]').length, 0);
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames());
    const handlers = attributes.filter((name) => name.startsWith('on'));
    assert.deepEqual(handlers, []);
    const hrefs = [...document.querySelectorAll('[href]')].map((element) => element.getAttribute('href') ?? '');
    assert.ok(hrefs.every((href) => /^(#item-\d+|https?:\/\/)/.test(href)), hrefs.join(' '));
  });

  it('marks Chinese items lang="zh" for their face and line breaking, and keeps their full stops', async (t) => {
    const { library } = await pressLibrary(t);
    const digest = await digestText(library, { ...DEFINITION, content: 'full' });
    assert.match(digest, new RegExp(`<article class="item" id="item-\\d" lang="zh">\\n<h3>${CHINESE_TITLE}</h3>`));
    assert.match(digest, /双方就关税和配额问题交换了意见。会议在北京举行。/);
    assert.match(digest, /:lang\(zh\) \{[^}]*line-break: strict/);
  });

  it('shows highlights with their notes in text order, and the excerpt where an item has none', async (t) => {
    const { library, ids } = await pressLibrary(t);
    await library.annotate(ids.seed, { quote: 'Zhou Hui', note: 'the visitor' });
    const digest = await digestText(library, { ...DEFINITION, content: 'highlights', group: 'none' });
    const seedItem = digest.slice(digest.indexOf(SEED_TITLE, digest.indexOf('<main>')));
    assert.ok(seedItem.indexOf('Jilin High-tech Zone</blockquote>') < seedItem.indexOf('Zhou Hui</blockquote>'));
    assert.match(seedItem, /<blockquote class="highlight hl-green">Jilin High-tech Zone<\/blockquote>\n<p class="highlight-note">Follow up/);
    assert.match(digest, /<p class="excerpt">Paragraph 0 on berths/);
  });

  it('carries the pictures the library keeps inline and loads none from the web', async (t) => {
    const { library } = await tempLibrary(t);
    const site = await serveRoutes(t, {
      '/cranes': html(page('Cranes', 'Port News', '2023-08-21', `${paragraphs('cranes')}<img src="/c.png" alt="crane">`)),
      '/c.png': { type: 'image/png', body: TINY_IMAGES.png },
    });
    await library.import({ kind: 'url', url: `${site.url}/cranes` });
    const digest = await digestText(library, { ...DEFINITION, content: 'full' });
    const sources = [...digest.matchAll(/\ssrc="([^"]*)"/g)].map((match) => match[1] ?? '');
    assert.deepEqual(sources, [`data:image/png;base64,${Buffer.from(TINY_IMAGES.png).toString('base64')}`]);
    assert.equal(site.hits.get('/c.png'), 1, 'fetched once, when clipped');
  });
});

describe('what a press review holds', () => {
  it('selects by query and by a period whose both days count', async (t) => {
    const { library, ids } = await pressLibrary(t);
    const titles = async (definition: Partial<DigestDefinition>) =>
      (await library.digests.items({ ...DEFINITION, ...definition })).map((clip) => clip.id);
    assert.deepEqual(await titles({ query: 'tag:trade' }), [ids.chinese, ids.tariffs]);
    assert.deepEqual(await titles({ from: '2023-08-22', to: '2023-08-24' }), [ids.ports, ids.chinese]);
    assert.deepEqual(await titles({ query: 'berths OR 关税', to: '2023-08-23' }), [ids.chinese]);
  });

  it('keeps picked clips in the order arranged, or sorts them by date, and leaves trashed ones out', async (t) => {
    const { library, ids } = await pressLibrary(t);
    const picked = [ids.tariffs, ids.seed, ids.ports];
    await library.trash(ids.ports);
    const arranged = await library.digests.items({ ...DEFINITION, ids: picked, order: 'arranged' });
    assert.deepEqual(arranged.map((clip) => clip.id), [ids.tariffs, ids.seed]);
    const byDate = await library.digests.items({ ...DEFINITION, ids: picked, order: 'date' });
    assert.deepEqual(byDate.map((clip) => clip.id), [ids.seed, ids.tariffs]);
  });

  it('counts the last N days up to today, and refuses a period given two ways or backwards', async (t) => {
    assert.deepEqual(digestPeriod({ ...DEFINITION, lastDays: 7 }, '2026-03-02'), { from: '2026-02-24', to: '2026-03-02' });
    assert.equal(periodFilters({ from: '2026-02-24', to: '2026-02-28' }), 'after:2026-02-24 before:2026-03-01');
    const { library } = await tempLibrary(t);
    await assert.rejects(library.digests.items({ ...DEFINITION, lastDays: 7, from: '2026-01-01' }), { code: 'BAD_INPUT' });
    await assert.rejects(library.digests.items({ ...DEFINITION, from: '2026-02-01', to: '2026-01-01' }), /from is after to/);
    await assert.rejects(library.digests.items({ ...DEFINITION, from: '2026-02-30' }), { code: 'BAD_INPUT' });
  });
});

describe('saved press reviews', () => {
  it('saves, replaces by name whatever the case, lists and deletes, keeping the query but never picked ids', async (t) => {
    const { library, dir } = await tempLibrary(t);
    const weekly = { ...DEFINITION, title: 'Weekly', query: 'tag:trade', lastDays: 7, ids: ['a1b2'] };
    await library.digests.savePreset({ name: 'Weekly trade', definition: weekly });
    const replaced = await library.digests.savePreset({ name: 'weekly TRADE ', definition: { ...weekly, group: 'source' } });
    assert.deepEqual(replaced.map((preset) => [preset.name, preset.definition.group]), [['weekly TRADE', 'source']]);
    const reopened = await Library.open(dir);
    t.after(() => reopened.close());
    const definition = await reopened.digests.preset('Weekly Trade');
    assert.equal(definition.query, 'tag:trade');
    assert.equal(definition.lastDays, 7);
    assert.equal(definition.ids, undefined);
    assert.deepEqual(await reopened.digests.presets.delete('WEEKLY trade'), []);
    await assert.rejects(reopened.digests.preset('Weekly trade'), { code: 'NOT_FOUND' });
  });

  it('refuses a damaged presets file by name and leaves it as it was', async (t) => {
    const { library, dir } = await tempLibrary(t);
    await writeFile(join(dir, DIGEST_PRESETS_FILE), '{"presets": [{"name": "x"}]}');
    await assert.rejects(library.digests.presets.list(), (error: Error & { code: string }) =>
      error.code === 'CORRUPT_LIBRARY' && error.message.includes(DIGEST_PRESETS_FILE));
    await assert.rejects(library.digests.savePreset({ name: 'new', definition: DEFINITION }), { code: 'CORRUPT_LIBRARY' });
    assert.equal(await readFile(join(dir, DIGEST_PRESETS_FILE), 'utf8'), '{"presets": [{"name": "x"}]}');
  });
});
