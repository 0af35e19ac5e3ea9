import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isClipdeskError } from '../../electron/core/errors.js';
import { SearchIndex } from '../../electron/core/search/index.js';
import type { SearchDoc } from '../../electron/core/search/index.js';
import { generateClips } from '../bench/corpus.js';

const seedPath = new URL('../../../shared/fixtures/seed-article.txt', import.meta.url);

/** An index over in-memory docs; `loads` counts text loads, as the index must not keep texts. */
function library(docs: Partial<SearchDoc>[]) {
  const texts = new Map<string, string>();
  const loads: string[] = [];
  const index = new SearchIndex({
    loadText: (id) => {
      loads.push(id);
      return texts.get(id) ?? '';
    },
  });
  const add = (partial: Partial<SearchDoc>) => {
    const doc = clip(partial);
    texts.set(doc.id, doc.text);
    index.add(doc);
  };
  docs.forEach(add);
  const ids = (query: string) => index.search(query).hits.map((hit) => hit.id);
  return { index, add, ids, loads };
}

let nextId = 0;
function clip(partial: Partial<SearchDoc>): SearchDoc {
  return {
    id: `c${nextId++}`,
    title: '',
    text: '',
    source: '',
    byline: '',
    url: '',
    tags: [],
    note: '',
    annotations: '',
    publishedAt: null,
    clippedAt: '2024-01-01T00:00:00Z',
    starred: false,
    annotated: false,
    ...partial,
  };
}

function seedDoc(): Partial<SearchDoc> {
  const text = readFileSync(seedPath, 'utf8');
  return { id: 'seed', title: text.split('\n')[0] ?? '', text, publishedAt: '2023-08-26T13:36:00+08:00' };
}

test('finds the seed article by a name and by a hyphenated place', () => {
  const { ids } = library([seedDoc(), { text: 'unrelated' }]);
  assert.deepEqual(ids('Zhou Hui'), ['seed']);
  assert.deepEqual(ids('Jilin High-tech'), ['seed']);
});

test('finds a Chinese two-character word', () => {
  const { ids } = library([{ id: 'zh', text: '中国医药保健品进出口商会会长来访' }, { text: '商业 会议' }]);
  assert.deepEqual(ids('商会'), ['zh']);
  assert.deepEqual(ids('医药'), ['zh']);
});

test('finds a Chinese query longer than one word inside a longer word', () => {
  const { ids } = library([{ id: 'zh', text: '吉林高新区管委会' }, { text: '吉林 新区 高' }]);
  assert.deepEqual(ids('吉林高新'), ['zh']);
});

test('searches Japanese and Korean text without crashing', () => {
  const { ids } = library([{ id: 'ja', text: '東京都に住んでいます' }, { id: 'ko', text: '서울에서 만나요' }]);
  assert.deepEqual(ids('東京'), ['ja']);
  assert.deepEqual(ids('서울에서'), ['ko']);
});

test('ranks a title match above a body match', () => {
  const { ids } = library([
    { id: 'body', title: 'Weekly roundup', text: 'Markets moved. Beijing announced tariffs on steel.' },
    { id: 'title', title: 'Beijing tariffs', text: 'Markets moved on the news about steel.' },
  ]);
  assert.deepEqual(ids('tariffs'), ['title', 'body']);
});

test('ranks a tag match above a body match', () => {
  const { ids } = library([
    { id: 'body', text: 'A long note mentioning shipping among many other words here.' },
    { id: 'tag', text: 'A long note about many other words here too.', tags: ['shipping'] },
  ]);
  assert.deepEqual(ids('shipping'), ['tag', 'body']);
});

test('matches the last word as a prefix while typing', () => {
  const { ids } = library([{ id: 'cn', text: 'trade with China' }, { id: 'ch', text: 'chin up' }]);
  assert.deepEqual(ids('trade chin'), ['cn']);
  assert.deepEqual(new Set(ids('chin')), new Set(['cn', 'ch']));
});

test('matches earlier words exactly', () => {
  const { ids } = library([{ text: 'trade with China' }]);
  assert.deepEqual(ids('chin trade'), []);
});

test('requires every word (AND)', () => {
  const { ids } = library([{ id: 'both', text: 'steel tariffs' }, { text: 'steel mills' }]);
  assert.deepEqual(ids('steel tariffs'), ['both']);
});

test('phrase requires adjacent words', () => {
  const { ids } = library([
    { id: 'adjacent', text: 'The Zhou Hui visit' },
    { id: 'apart', text: 'Hui met Zhou' },
  ]);
  assert.deepEqual(ids('"zhou hui"'), ['adjacent']);
});

test('phrase ignores case, diacritics, punctuation and whitespace', () => {
  const { ids } = library([{ id: 'a', text: 'Visit to the  CAFÉ-Zürich\nbranch' }]);
  assert.deepEqual(ids('"cafe zurich branch"'), ['a']);
});

test('phrase matches the title without loading the text', () => {
  const { ids, loads } = library([{ id: 'a', title: 'Jilin High-tech Zone', text: 'body' }]);
  assert.deepEqual(ids('"jilin high-tech zone"'), ['a']);
  assert.deepEqual(loads, []);
});

test('Chinese phrase matches inside a longer word', () => {
  const { ids } = library([{ id: 'a', text: '来访吉林高新区' }, { text: '吉林 的 高新 技术' }]);
  assert.deepEqual(ids('"吉林高新"'), ['a']);
});

test('excludes -word', () => {
  const { ids } = library([{ id: 'keep', text: 'china trade' }, { text: 'china trade war' }]);
  assert.deepEqual(ids('china -war'), ['keep']);
});

test('excludes -"phrase" only where the words stand together', () => {
  const { ids } = library([
    { id: 'apart', text: 'korea in the north' },
    { text: 'north korea tested' },
  ]);
  assert.deepEqual(ids('korea -"north korea"'), ['apart']);
});

test('OR matches either side, and the next word is still required', () => {
  const { ids } = library([
    { id: 'a', text: 'china trade' },
    { id: 'b', text: 'japan trade' },
    { text: 'japan travel' },
  ]);
  assert.deepEqual(new Set(ids('china OR japan trade')), new Set(['a', 'b']));
});

test('OR with a phrase checks the phrase only on its side', () => {
  const { ids } = library([
    { id: 'phrase', text: 'the zhou hui visit' },
    { id: 'word', text: 'hui and zhou at 商会' },
    { text: 'hui and zhou' },
  ]);
  assert.deepEqual(new Set(ids('"zhou hui" OR 商会')), new Set(['phrase', 'word']));
});

test('filters by tag, case-insensitively and with quoted names', () => {
  const { ids } = library([
    { id: 'nk', text: 'missile', tags: ['North Korea'] },
    { id: 'cn', text: 'missile', tags: ['china'] },
  ]);
  assert.deepEqual(ids('missile tag:"north korea"'), ['nk']);
  assert.deepEqual(ids('missile -tag:CHINA'), ['nk']);
});

test('filters by source as a case-insensitive substring', () => {
  const { ids } = library([
    { id: 'r', text: 'oil', source: 'Reuters World' },
    { text: 'oil', source: 'AP' },
  ]);
  assert.deepEqual(ids('oil source:reuters'), ['r']);
  assert.deepEqual(ids('oil -source:reuters').length, 1);
});

test('filters by date: after is inclusive, before is exclusive, published before clipped', () => {
  const { ids } = library([
    { id: 'aug26', text: 'x', publishedAt: '2023-08-26T13:36:00+08:00', clippedAt: '2024-05-01T00:00:00Z' },
    { id: 'aug27', text: 'x', publishedAt: null, clippedAt: '2023-08-27T09:00:00Z' },
  ]);
  assert.deepEqual(new Set(ids('x after:2023-08-26')), new Set(['aug26', 'aug27']));
  assert.deepEqual(ids('x after:2023-08-27'), ['aug27']);
  assert.deepEqual(ids('x before:2023-08-27'), ['aug26']);
  assert.deepEqual(ids('x before:2023-08-26'), []);
});

test('filters by is:starred, is:annotated and their negations', () => {
  const { ids } = library([
    { id: 's', text: 'x', starred: true },
    { id: 'a', text: 'x', annotated: true },
  ]);
  assert.deepEqual(ids('x is:starred'), ['s']);
  assert.deepEqual(ids('x is:annotated'), ['a']);
  assert.deepEqual(ids('x -is:starred'), ['a']);
});

test('a query of only filters lists matching clips newest first', () => {
  const { ids } = library([
    { id: 'old', tags: ['china'], publishedAt: '2020-01-01' },
    { id: 'new', tags: ['China'], publishedAt: '2023-01-01' },
    { id: 'mid', tags: ['china'], publishedAt: null, clippedAt: '2021-06-01T00:00:00Z' },
    { id: 'other', tags: ['japan'] },
  ]);
  assert.deepEqual(ids('tag:china'), ['new', 'mid', 'old']);
  assert.deepEqual(ids('tag:china -zzz'), ['new', 'mid', 'old']);
});

test('folds diacritics both ways', () => {
  const { ids } = library([{ id: 'a', text: 'Café in Zürich' }, { id: 'b', text: 'cafe in zurich' }]);
  assert.deepEqual(new Set(ids('café zurich')), new Set(['a', 'b']));
  assert.deepEqual(new Set(ids('CAFE ZÜRICH')), new Set(['a', 'b']));
});

test('searches the note, annotations, byline and source too', () => {
  const { ids } = library([
    { id: 'note', note: 'remember pelican' },
    { id: 'annotation', annotations: 'a quoted heron' },
    { id: 'byline', byline: 'Jia Ruifeng' },
    { id: 'source', source: 'Xinhua' },
  ]);
  assert.deepEqual(ids('pelican'), ['note']);
  assert.deepEqual(ids('heron'), ['annotation']);
  assert.deepEqual(ids('ruifeng'), ['byline']);
  assert.deepEqual(ids('xinhua'), ['source']);
});

test('returns the matched terms for snippets', () => {
  const { index } = library([{ text: 'trade with China' }]);
  assert.deepEqual(index.search('trade chin').hits[0]?.terms.sort(), ['china', 'trade']);
});

test('pages with limit and offset and reports the total', () => {
  const { index } = library(Array.from({ length: 7 }, () => ({ text: 'steel' })));
  const page = index.search('steel', { limit: 3, offset: 5 });
  assert.equal(page.total, 7);
  assert.equal(page.hits.length, 2);
});

test('an empty query finds nothing', () => {
  const { index } = library([{ text: 'steel' }]);
  assert.deepEqual(index.search('   '), { total: 0, hits: [] });
});

test('reports a bad query as BAD_QUERY', () => {
  const { index } = library([{ text: 'steel' }]);
  assert.throws(() => index.search('steel is:unread'), (error: unknown) => isClipdeskError(error) && error.code === 'BAD_QUERY');
});

test('replaces a doc added again with the same id', () => {
  const { index, add, ids } = library([{ id: 'a', text: 'old words' }]);
  add({ id: 'a', text: 'new words', tags: ['fresh'] });
  assert.equal(index.size, 1);
  assert.deepEqual(ids('old'), []);
  assert.deepEqual(ids('new tag:fresh'), ['a']);
});

test('removes a doc and ignores unknown ids', () => {
  const { index, ids } = library([{ id: 'a', text: 'steel' }, { id: 'b', text: 'steel' }]);
  index.remove('a');
  index.remove('never-added');
  assert.equal(index.has('a'), false);
  assert.equal(index.has('b'), true);
  assert.equal(index.size, 1);
  assert.deepEqual(ids('steel'), ['b']);
  assert.deepEqual(ids('is:starred -is:starred'), []);
});

test('survives replacing every document while clean-up of discarded entries runs', async () => {
  const clips = [...generateClips(300)];
  const index = new SearchIndex({ loadText: () => '' });
  const doc = (i: number, tags: string[]) => {
    const clip = clips[i] ?? clips[0]!;
    return {
      id: `d${i}`, title: clip.title, text: clip.text, source: clip.source, byline: '', url: '', tags, note: '', annotations: '',
      publishedAt: clip.publishedAt, clippedAt: '2024-01-01T00:00:00Z', starred: false, annotated: false,
    };
  };
  for (let i = 0; i < clips.length; i++) {
    index.add(doc(i, []));
    index.add(doc(i, ['edited'])); // a tag edit replaces the document
    await new Promise((tick) => setTimeout(tick, 0)); // a host awaits disk I/O between edits
  }
  assert.equal(index.size, 300);
  assert.equal(index.search('tag:edited').total, 300);
});
