import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankEntry, readExport } from '../helpers/import-fixtures.js';

describe('reading JSON exports', () => {
  it('reads Karakeep: links with their lists as tags, text bookmarks as Markdown, archived and favourited', async () => {
    const { file, entries } = await readExport('karakeep-export.json');
    assert.equal(file.format, 'karakeep-json');
    assert.deepEqual(entries, [
      {
        ...blankEntry('bookmark 1'),
        url: 'https://www.inkandswitch.com/local-first/',
        title: 'Local-first software: You own your data, in spite of the cloud',
        tags: ['local-first', 'crdt', 'Research', 'Sync engines'],
        note: 'The seven ideals — reread before the design review.',
        excerpt: 'Cloud apps like Google Docs and Trello are popular because they enable real-time collaboration.',
        byline: 'Martin Kleppmann, Adam Wiggins, Peter van Hardenberg, Mark McGranaghan',
        addedAt: '2024-10-21T12:00:00Z',
        readState: 'archived',
        starred: true,
      },
      {
        ...blankEntry('bookmark 2'),
        title: '周末读书会：关于《置身事内》的讨论',
        tags: ['读书会', '经济', '读书'],
        addedAt: '2024-11-12T08:00:00Z',
        readState: 'unread',
        starred: false,
        content: { kind: 'markdown', body: '# 读书会笔记\n\n- 地方政府的**土地财政**\n- 债务与发展的关系\n\n下次讨论第五章。' },
      },
    ]);
  });

  it('reads Wallabag: HTML content, 0/1 flags, +0200 dates, authors and annotations with notes', async () => {
    const { file, entries } = await readExport('wallabag-export.json');
    assert.equal(file.format, 'wallabag-json');
    assert.deepEqual(entries[0], {
      ...blankEntry('entry 1'),
      url: 'https://www.lemonde.fr/pixels/article/2023/05/01/attention_6171234_4408996.html',
      title: 'Les réseaux sociaux et la fin de l’attention',
      tags: ['attention', 'médias'],
      byline: 'Claire Martin, Paul Durand',
      addedAt: '2023-05-01T14:03:22+02:00',
      publishedAt: '2023-05-01T06:00:00+02:00',
      readState: 'archived',
      starred: true,
      content: {
        kind: 'html',
        body: '<p>Nous n’avons jamais autant lu, et jamais aussi peu retenu.</p>'
          + '<p>Les plateformes optimisent le temps passé, pas la compréhension.</p>',
      },
      highlights: [
        {
          quote: 'Nous n’avons jamais autant lu, et jamais aussi peu retenu.',
          note: 'La thèse centrale.',
          createdAt: '2023-05-02T08:05:11+02:00',
          tags: [],
        },
      ],
    });
    assert.deepEqual(entries[1], {
      ...blankEntry('entry 2'),
      url: 'https://www.thepaper.cn/newsDetail_forward_23000000',
      title: '为什么我们需要慢新闻',
      tags: ['新闻'],
      addedAt: '2023-06-10T21:45:00+08:00',
      readState: 'unread',
      starred: false,
      content: { kind: 'html', body: '<p>慢新闻不是慢半拍，而是多想一步。</p>' },
    });
    assert.equal(entries[2]?.content, null);
  });

  it('reads an older Wallabag export with boolean flags and tag objects', async () => {
    const { entries } = await readExport('wallabag-2.3-export.json');
    assert.deepEqual(entries, [{
      ...blankEntry('entry 1'),
      url: 'https://realpython.com/primer-on-python-decorators/',
      title: 'Python decorators, explained',
      tags: ['python'],
      addedAt: '2018-02-14T17:50:31+01:00',
      readState: 'archived',
      starred: false,
      content: { kind: 'html', body: '<p>Decorators provide a simple syntax for calling higher-order functions.</p>' },
    }]);
  });

  it('reads Linkwarden: nested collections as tags, pinned as starred, the description as the note', async () => {
    const { file, entries } = await readExport('linkwarden-export.json');
    assert.equal(file.format, 'linkwarden-json');
    assert.deepEqual(entries, [
      {
        ...blankEntry('collection "Frontend" link 1'),
        url: 'https://css-tricks.com/snippets/css/complete-guide-grid/',
        title: 'A Complete Guide to CSS Grid',
        tags: ['开发', 'Frontend', 'css', '布局'],
        note: 'Bookmark for the layout refactor.',
        addedAt: '2024-02-01T10:01:00.000Z',
        starred: false,
        content: { kind: 'text', body: 'CSS Grid Layout is the most powerful layout system available in CSS.' },
      },
      {
        ...blankEntry('collection "开发" link 1'),
        url: 'https://go.dev/blog/loopvar-preview',
        tags: ['开发'],
        addedAt: '2023-09-19T00:00:00.000Z',
        starred: true,
      },
    ]);
  });

  it('reads Hypothesis: one entry a page, quotes with their context, page notes, replies and tags', async () => {
    const { file, entries } = await readExport('hypothesis-export.json');
    assert.equal(file.format, 'hypothesis-json');
    assert.deepEqual(entries, [
      {
        ...blankEntry('annotation 1 and 2 more on the same page'),
        url: 'https://www.theatlantic.com/ideas/archive/2024/02/reading-decline/677000/',
        title: 'The Decline of Reading - The Atlantic',
        tags: ['idea'],
        note: 'Worth a follow-up piece.',
        addedAt: '2024-03-02T09:30:12.345+00:00',
        highlights: [{
          quote: 'Americans read fewer books for pleasure than at any time since the surveys began 📉.',
          prefix: 'ntinues a long slide. \n',
          suffix: ' The share of adults who',
          note: 'Compare with the 1980s survey.\n\nThe survey changed its wording in 2004, though.',
          createdAt: '2024-03-02T09:30:12.345+00:00',
          tags: ['reading', 'data'],
          position: { start: 5110, end: 5230, units: 'utf-16' },
        }],
      },
      {
        ...blankEntry('annotation 4'),
        url: 'https://www.zaobao.com.sg/news/china/story20240410-0000000',
        title: '报纸的未来 | 联合早报',
        addedAt: '2024-04-10T01:20:00.000+00:00',
        highlights: [{
          quote: '报纸的未来在于信任𠮷。',
          prefix: '编辑认为，',
          suffix: '这一点',
          note: null,
          createdAt: '2024-04-10T01:20:00.000+00:00',
          tags: ['新加坡', '媒体'],
          position: { start: 840, end: 860, units: 'utf-16' },
        }],
      },
    ]);
  });
});

describe('reading lists of links', () => {
  it('reads Markdown links, bullets, numbered items and bare URLs with their titles, skipping front matter and headings', async () => {
    const { file, entries } = await readExport('reading-list.md');
    assert.equal(file.format, 'url-list');
    assert.deepEqual(entries, [
      { ...blankEntry('line 10'), url: 'https://anildash.com/2012/12/13/the_web_we_lost/', title: 'The Web We Lost' },
      { ...blankEntry('line 11'), url: 'https://www.douban.com/note/123456789/', title: '为什么要写作' },
      { ...blankEntry('line 12'), url: 'https://www.paulgraham.com/words.html', title: 'Putting Ideas into Words' },
      { ...blankEntry('line 13'), url: 'https://jvns.ca/blog/2023/08/07/tactics-for-writing-in-public/' },
      { ...blankEntry('line 21'), url: 'https://daringfireball.net/2024/01/the_vision_pro' },
    ]);
  });

  it('reads a plain text file of one URL a line', async () => {
    const { entries } = await readExport('reading-list.txt');
    assert.deepEqual(entries.map((entry) => [entry.source, entry.url]), [
      ['line 1', 'https://www.gutenberg.org/ebooks/1342'],
      ['line 2', 'https://www.gutenberg.org/ebooks/84'],
      ['line 4', 'https://www.gutenberg.org/ebooks/2701'],
    ]);
  });
});
