import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankEntry, readExport } from '../helpers/import-fixtures.js';

describe('reading CSV exports', () => {
  it('reads Instapaper: Tags as a JSON list, Folder as the read state, starred, or a tag', async () => {
    const { file, entries } = await readExport('instapaper-export.csv');
    assert.equal(file.format, 'instapaper-csv');
    assert.deepEqual(entries, [
      {
        ...blankEntry('line 2'),
        url: 'https://www.economist.com/briefing/2024/01/11/the-future-of-reading',
        title: 'The future of reading',
        tags: ['reading', 'media'],
        excerpt: 'Print is not dead, but it is resting.',
        addedAt: '2024-01-12T00:00:00Z',
        readState: 'unread',
      },
      {
        ...blankEntry('line 3'),
        url: 'https://www.bbc.com/future/article/20230101-deep-reading',
        title: 'Why deep reading matters',
        addedAt: '2023-01-02T00:00:00Z',
        readState: 'archived',
      },
      {
        ...blankEntry('line 4'),
        url: 'https://www.caixin.com/2024-05-20/102200000.html',
        title: '中国电动车出海的新挑战',
        tags: ['汽车', '财经'],
        addedAt: '2024-05-20T08:00:00Z',
        starred: true,
      },
      {
        ...blankEntry('line 5'),
        url: 'https://aeon.co/essays/what-is-a-library-for',
        title: 'What is a library for?',
        tags: ['读书笔记', 'libraries'],
        addedAt: '2024-07-01T00:00:00Z',
      },
    ]);
  });

  it('reads Readwise Reader: Python-style tag lists, microsecond dates, locations and progress', async () => {
    const { file, entries } = await readExport('readwise-export.csv');
    assert.equal(file.format, 'readwise-csv');
    assert.deepEqual(entries[0], {
      ...blankEntry('line 2'),
      url: 'https://www.nytimes.com/2016/10/23/books/review/attention-merchants.html',
      title: 'The Attention Merchants',
      tags: ['books', "it's complicated", '媒体'],
      addedAt: '2022-12-20T19:47:00.442+00:00',
      readState: 'archived',
    });
    assert.deepEqual(entries[2], {
      ...blankEntry('line 4'),
      url: 'https://www.thepaper.cn/newsDetail_forward_26000000',
      title: 'Shortlist pick: 慢新闻, revisited',
      tags: ['新闻'],
      addedAt: '2023-05-01T12:00:00+00:00',
      readState: 'unread',
      starred: true,
    });
    assert.deepEqual(entries.map((entry) => [entry.readState, entry.tags]), [
      ['archived', ['books', "it's complicated", '媒体']],
      ['unread', []],
      ['unread', ['新闻']],
      ['unread', ['feed']],
      ['read', ['essays']],
    ]);
  });

  it('reads Raindrop.io: folder paths and tags, entities in excerpts, highlights with notes, favourites', async () => {
    const { file, entries } = await readExport('raindrop-export.csv');
    assert.equal(file.format, 'raindrop-csv');
    assert.deepEqual(entries[1], {
      ...blankEntry('line 3'),
      url: 'https://www.uisdc.com/design-system-decade',
      title: '设计系统的十年：从组件库到设计语言',
      tags: ['Reading', '长文', '设计', 'design systems'],
      note: '团队周会要讨论这篇',
      excerpt: '设计系统 不只是组件库。 它是一种共同语言。',
      addedAt: '2024-10-12T03:15:00.000Z',
      starred: true,
      highlights: [
        { quote: '设计系统不只是组件库。', note: '这句可以引用', createdAt: null, tags: [] },
        { quote: '它是一种共同语言。', note: null, createdAt: null, tags: [] },
      ],
    });
    assert.deepEqual(entries[0], {
      ...blankEntry('line 2'),
      url: 'https://github.com/bee-queue/bee-queue',
      title: 'bee-queue/bee-queue: A simple, fast, robust job/task queue for Node.js, backed by Redis.',
      excerpt: 'A simple, fast, robust job/task queue for Node.js, backed by Redis. - bee-queue/bee-queue',
      addedAt: '2024-09-03T20:06:53.347Z',
      starred: false,
      highlights: [{ quote: 'A simple, fast, robust job/task queue for Node.js, backed by Redis.', note: null, createdAt: null, tags: [] }],
    });
  });
});

describe('reading browser bookmark files', () => {
  it('reads Firefox\'s file: folders as tags (not the toolbar), TAGS, descriptions as notes, entities decoded', async () => {
    const { file, entries } = await readExport('bookmarks-firefox.html');
    assert.equal(file.format, 'netscape-bookmarks');
    assert.deepEqual(entries[0], {
      ...blankEntry('line 16'),
      url: 'https://www.thepaper.cn/',
      title: '澎湃新闻',
      tags: ['新闻 & 评论', '新闻', '中文'],
      note: '上海的新闻网站，\n深度报道做得好。',
      addedAt: '2023-07-22T04:28:20Z',
    });
    assert.deepEqual(entries[1], {
      ...blankEntry('line 21'),
      url: 'https://longreads.com/2023/04/05/the-case-for-slow-news/',
      title: 'The Case for Slow News — Longreads',
      tags: ['新闻 & 评论', 'Long reads', 'journalism', 'slow news'],
      addedAt: '2023-04-05T08:00:00Z',
    });
    assert.deepEqual(entries.slice(2).map((entry) => [entry.title, entry.tags]), [
      ['HTML: HyperText Markup Language | MDN', []],
      ['Getting Started', []],
      ['LRB essays', []],
    ]);
  });

  it('reads Chrome\'s file: the bookmarks bar is no tag, a folder inside it is', async () => {
    const { entries } = await readExport('bookmarks-chrome.html');
    assert.deepEqual(entries[1], {
      ...blankEntry('line 14'),
      url: 'https://www.36kr.com/p/2000000000000000',
      title: '36氪：大模型创业的下半场',
      tags: ['科技'],
      addedAt: '2024-03-09T16:00:00Z',
    });
    assert.deepEqual(entries.map((entry) => entry.url), [
      'https://news.ycombinator.com/',
      'https://www.36kr.com/p/2000000000000000',
      'https://www.ft.com/content/0000-1111-2222',
      'https://m.example.com/article?id=42&from=share',
    ]);
  });

  it('reads TOREAD as unread (Pinboard) and Safari\'s Reading List as unread with its preview as note', async () => {
    const pinboard = await readExport('bookmarks-pinboard.html');
    assert.deepEqual(pinboard.entries[0], {
      ...blankEntry('line 5'),
      url: 'https://www.gwern.net/Spaced-repetition',
      title: 'Spaced Repetition for Efficient Learning',
      tags: ['learning', 'memory'],
      note: "Gwern's long essay on SRS & memory.",
      addedAt: '2023-11-01T00:00:00Z',
      readState: 'unread',
    });
    assert.equal(pinboard.entries[1]?.readState, null);
    const safari = await readExport('bookmarks-safari.html');
    assert.deepEqual(safari.entries, [
      { ...blankEntry('line 8'), url: 'https://www.apple.com/', title: 'Apple', tags: ['Favourites'] },
      {
        ...blankEntry('line 12'),
        url: 'https://www.theverge.com/2024/1/1/24000000/the-year-in-reading',
        title: 'The year in reading',
        note: 'A look back at what we read this year, from long features to newsletters.',
        readState: 'unread',
      },
    ]);
  });
});
