import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ImportedHighlight } from '../../electron/core/import/index.js';
import { IMPORT_FIXTURES, blankEntry, fixtureBytes, readExport } from '../helpers/import-fixtures.js';

const ATLANTIC = 'https://www.theatlantic.com/technology/archive/2024/03/slow-web-rss/677651/';
const THE_PAPER = 'https://www.thepaper.cn/newsDetail_forward_25123456';

/** Pocket keeps a highlight's quote and time, nothing more. */
function pocketHighlight(quote: string, createdAt: string): ImportedHighlight {
  return { quote, note: null, createdAt, tags: [] };
}

function fixtureText(path: string): string {
  return readFileSync(IMPORT_FIXTURES + path, 'utf8');
}

describe('reading Pocket exports', () => {
  it('reads every part of the zip by column name, with the highlights joined by URL', async () => {
    const { file, entries, problems } = await readExport('pocket-export');
    assert.equal(file.format, 'pocket-zip');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((entry) => entry.source), [
      'part_000000.csv line 2', 'part_000000.csv line 3', 'part_000000.csv line 5', 'part_000000.csv line 6',
      'part_000001.csv line 2', 'part_000001.csv line 3',
    ]);
    assert.deepEqual(entries[0], {
      ...blankEntry('part_000000.csv line 2'),
      url: ATLANTIC,
      title: 'How the "Slow Web" movement, and RSS, came back',
      tags: ['reading', 'tech'],
      addedAt: '2024-03-06T08:00:23Z',
      readState: 'unread',
      highlights: [
        pocketHighlight('The feed reader never died; it just stopped being fashionable.', '2024-03-07T08:00:00Z'),
        pocketHighlight('Subscriptions put the reader, not the algorithm, in charge.', '2024-03-07T09:00:00Z'),
      ],
    });
  });

  it('keeps a title that spans lines as one line, and Chinese titles, tags and highlights', async () => {
    const { entries } = await readExport('pocket-export');
    assert.deepEqual(entries[1], {
      ...blankEntry('part_000000.csv line 3'),
      url: 'https://www.theguardian.com/news/2023/jun/08/long-read-attention',
      title: 'The Long Read: why we stopped finishing articles',
      tags: ['longread'],
      addedAt: '2023-06-08T11:00:00Z',
      readState: 'archived',
    });
    assert.deepEqual(entries[2], {
      ...blankEntry('part_000000.csv line 5'),
      url: THE_PAPER,
      title: '城市更新中的老街区：北京胡同的新生活',
      tags: ['城市', '北京', '建筑'],
      addedAt: '2023-11-15T08:00:00Z',
      readState: 'unread',
      highlights: [pocketHighlight('胡同里的生活节奏，比城市其他地方慢半拍。', '2023-11-16T08:00:00Z')],
    });
  });

  it('takes a title Pocket filled in with the URL for no title', async () => {
    const { entries } = await readExport('pocket-export');
    assert.deepEqual(entries[3], {
      ...blankEntry('part_000000.csv line 6'),
      url: 'https://example.org/untitled-page?ref=pocket&utm_source=pocket_saves',
      addedAt: '2024-05-06T12:53:20Z',
      readState: 'unread',
    });
  });

  it('reads one CSV part taken out of the zip, without the cursor column', async () => {
    const { file, entries } = await readExport('pocket-part_000000.csv');
    assert.equal(file.format, 'pocket-csv');
    assert.deepEqual(entries[1], {
      ...blankEntry('line 3'),
      url: 'https://stripe.com/blog/writing-guide',
      title: 'Stripe\'s guide to writing, with "examples"',
      tags: ['writing'],
      addedAt: '2024-08-01T00:00:00Z',
      readState: 'unread',
    });
  });

  it('reads the older ril_export.html by its Unread and Read Archive sections', async () => {
    const { file, entries } = await readExport('ril_export.html');
    assert.equal(file.format, 'pocket-html');
    assert.deepEqual(entries, [
      {
        ...blankEntry('line 11'),
        url: 'https://www.newyorker.com/magazine/2021/01/25/the-art-of-slow-reading',
        title: 'The Art of Slow Reading & Why It Matters',
        tags: ['reading', 'longform'],
        addedAt: '2021-01-25T00:00:00Z',
        readState: 'unread',
      },
      { ...blankEntry('line 12'), url: 'https://news.ycombinator.com/item?id=35000000&p=2', addedAt: '2023-03-01T00:00:00Z', readState: 'unread' },
      {
        ...blankEntry('line 13'),
        url: 'https://www.infzm.com/contents/250000',
        title: '一座小城的二十年变迁',
        tags: ['南方周末', '深度报道'],
        addedAt: '2023-07-01T00:00:00Z',
        readState: 'unread',
      },
      {
        ...blankEntry('line 19'),
        url: 'http://paulgraham.com/read.html',
        title: 'The Need to Read',
        tags: ['essays'],
        addedAt: '2023-01-01T00:00:00Z',
        readState: 'archived',
      },
    ]);
  });
});

describe('reading an Omnivore export', () => {
  it('makes the article HTML the content and the highlights file its highlights, labels and notes', async () => {
    const { file, entries, problems } = await readExport('omnivore-export');
    assert.equal(file.format, 'omnivore-zip');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries[0], {
      ...blankEntry('metadata_0_to_3.json item 1'),
      url: 'https://www.wired.com/story/read-later-apps-quiet-revolution/',
      title: 'The quiet revolution of read-later apps',
      tags: ['reading', 'apps'],
      excerpt: 'Read-later apps changed how a generation reads the web.',
      byline: 'Jane Doe',
      addedAt: '2024-06-02T08:15:30.000Z',
      publishedAt: '2024-05-30T12:00:00.000Z',
      readState: 'archived',
      content: { kind: 'html', body: fixtureText('omnivore-export/content/the-quiet-revolution-of-read-later-apps-1927a3b4c5d.html') },
      highlights: [
        {
          quote: 'Subscriptions put the reader, not the algorithm, in charge. That idea spread to Pocket, Omnivore and a dozen other apps.',
          note: 'The core argument of the piece.',
          createdAt: null,
          tags: ['key-idea', 'history'],
        },
        {
          quote: 'When Instapaper launched in 2008, saving an article for later\n\n'
            + 'felt like a small act of rebellion against the endless scroll.',
          note: null,
          createdAt: null,
          tags: [],
        },
      ],
    });
  });

  it('keeps a page note written before the highlights as the entry\'s note, with Chinese labels and a slug of no letters', async () => {
    const { entries } = await readExport('omnivore-export');
    assert.deepEqual(entries[1], {
      ...blankEntry('metadata_0_to_3.json item 2'),
      url: 'https://www.jiemian.com/article/10000000.html',
      title: '人工智能如何改变新闻编辑室',
      tags: ['人工智能', '新闻业'],
      note: '读完再整理一遍要点。',
      excerpt: '从自动摘要到事实核查，AI 正在进入新闻生产的每一个环节。',
      byline: '李明',
      addedAt: '2024-09-10T02:30:00.000Z',
      readState: 'unread',
      content: { kind: 'html', body: fixtureText('omnivore-export/content/-1927a3b4c5e.html') },
      highlights: [{ quote: '编辑们说，机器可以更快，但判断仍然属于人。', note: '这句话可以作为文章的结论。', createdAt: null, tags: ['观点'] }],
    });
  });

  it('leaves an article Omnivore never fetched without content, to be fetched', async () => {
    const { entries } = await readExport('omnivore-export');
    assert.deepEqual(entries[2], {
      ...blankEntry('metadata_0_to_3.json item 3'),
      url: 'https://example.com/notes-on-writing-well',
      title: 'Notes on writing well',
      addedAt: '2024-10-28T19:05:12.000Z',
      readState: 'unread',
    });
  });

  it('finds the files of an export unzipped and zipped again under a folder', async () => {
    const { entries } = await readExport('omnivore-export', 'omnivore.zip', fixtureBytes('omnivore-export', 'Omnivore/'));
    assert.equal(entries.length, 3);
    assert.equal(entries[0]?.highlights.length, 2);
    assert.equal(entries[1]?.content?.kind, 'html');
  });
});
