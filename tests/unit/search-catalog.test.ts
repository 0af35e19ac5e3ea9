import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Catalog } from '../../electron/core/catalog/catalog.js';
import { connectCatalogDb } from '../../electron/core/catalog/catalog-db.js';
import { FtsPrimitives } from '../../electron/core/catalog/fts-primitives.js';
import { listQuery } from '../../electron/core/catalog/list-query.js';
import { Statements } from '../../electron/core/catalog/statements.js';
import { COUNT_LIMIT, RANK_WINDOW, planSearch } from '../../electron/core/search/search-plan.js';
import { isClipdeskError } from '../../electron/core/errors.js';
import { parseQuery, toSqlQuery } from '../../electron/core/search/index.js';
import type { SearchDoc } from '../../electron/core/search/index.js';
import type { ClipRecord } from '../../electron/core/store/schema.js';
import type { ListOptions, ListResult } from '../../electron/api.js';
import { SEED_FILE } from '../helpers/seed.js';
import { toSummary } from '../../electron/core/clip-record.js';

const root = mkdtempSync(join(tmpdir(), 'clipdesk-catalog-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** What a test says about a clip (what is indexed, plus what filters read); the rest gets a default. */
type Doc = SearchDoc & {
  publishedAt: string | null;
  clippedAt: string;
  starred: boolean;
  annotated: boolean;
};

let nextLibrary = 0;
/** A real catalog file (SQLite) holding the docs, as the library mirrors clips into it. */
function library(docs: Partial<Doc>[]) {
  const dir = join(root, String(nextLibrary++));
  mkdirSync(dir);
  const catalog = Catalog.open(dir);
  const add = (partial: Partial<Doc>) => apply(catalog, clip(partial));
  docs.forEach(add);
  const search = (query: string, limit = 50, offset = 0) => catalog.search(parseQuery(query), limit, offset);
  const ids = (query: string) => search(query).hits.map((hit) => hit.clip.id);
  return { catalog, add, ids, search, dir };
}

function apply(catalog: Catalog, doc: Doc): void {
  catalog.write([{ id: doc.id, record: record(doc), text: doc.text }]);
}

/**
 * The ids a listing or search shows when fetched a page of `limit` at a time over `count` clips, each
 * page's total checked against `total`.
 */
function pageByPage(count: number, limit: number, total: number, label: string, fetch: (offset: number) => Paged): string[] {
  const ids: string[] = [];
  for (let offset = 0; offset < count; offset += limit) {
    const page = fetch(offset);
    assert.equal(page.total, total, label);
    ids.push(...page.ids);
  }
  return ids;
}

interface Paged {
  total: number;
  ids: string[];
}

function listed(page: ListResult): Paged {
  return { total: page.total, ids: page.clips.map((clip) => clip.id) };
}

let nextId = 0;
function clip(partial: Partial<Doc>): Doc {
  return {
    id: `c${nextId++}`, title: '', text: '', source: '', byline: '', tags: [], note: '', annotations: '',
    publishedAt: null, clippedAt: '2024-01-01T00:00:00Z', starred: false, annotated: false, ...partial,
  };
}

function record(doc: Doc): ClipRecord {
  const quote = doc.annotations || (doc.annotated ? 'quoted' : '');
  return {
    id: doc.id, url: null, canonicalUrl: null, title: doc.title, byline: doc.byline, source: doc.source,
    publishedAt: doc.publishedAt, publishedText: null, language: null, excerpt: '', wordCount: 0,
    clippedAt: doc.clippedAt, updatedAt: doc.clippedAt, tags: doc.tags, note: doc.note, starred: doc.starred,
    readState: 'unread', pending: null, deletedAt: null, contentHash: `h${doc.id}`, revisions: [], stamps: {}, history: [],
    annotations: quote ? [{
      id: `a${doc.id}`, clipId: doc.id, created: doc.clippedAt, modified: doc.clippedAt, color: 'yellow', note: '', status: 'exact',
      target: {
        source: doc.id,
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 1 },
        ],
      },
    }] : [],
  };
}

function seedDoc(): Partial<Doc> {
  const text = readFileSync(SEED_FILE, 'utf8');
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

test('finds a single Chinese character wherever it stands', () => {
  const { ids } = library([{ id: 'start', text: '美国经济' }, { id: 'end', text: '中美' }, { id: 'alone', text: '美' }, { text: '中国' }]);
  assert.deepEqual(new Set(ids('美')), new Set(['start', 'end', 'alone']));
  assert.deepEqual(ids('"美"'), ids('美'));
});

test('ranks a two-character Chinese word (a whole word, not a word being typed)', () => {
  const { ids } = library([{ id: 'often', text: '商会 商会 商会' }, { id: 'once', text: '商会 年会' }]);
  assert.deepEqual(ids('商会'), ['often', 'once']);
});

test('finds a Chinese query longer than one word inside a longer word', () => {
  const { ids } = library([{ id: 'zh', text: '吉林高新区管委会' }, { text: '吉林 新区 高' }]);
  assert.deepEqual(ids('吉林高新'), ['zh']);
});

test('a typed word ending in a Chinese pair finds what the finished word does; one ending in a lone character, longer words', () => {
  const { ids } = library([
    { id: 'rate', text: '投资回报率很高' }, { id: 'pair', text: '回报' }, { id: 'latin', text: '回报abc' },
    { id: 'mixed', text: 'abc学习' }, { id: 'ja', text: 'ラーメン屋' }, { text: '回 报 投资' },
  ]);
  for (const query of ['回报', '投资回报', '报率', 'メン', '学习']) {
    assert.deepEqual(new Set(ids(query)), new Set(ids(`"${query}"`)), query);
  }
  assert.deepEqual(new Set(ids('回报')), new Set(['rate', 'pair', 'latin']));
  assert.deepEqual(ids('abc学'), ['mixed']);
  assert.equal(toSqlQuery(parseQuery('投资回报')).match, '"投资 资回 回报"');
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

test('finds a word typed one key at a time, from its first letter on, in any field', () => {
  const { ids } = library([
    { id: 'title', title: 'Weather warning' },
    { id: 'note', text: 'plain', note: 'weekly digest' },
    { id: 'tag', text: 'plain', tags: ['Wellington'] },
    { id: 'other', text: 'a jaw, a saw and a new law' },
  ]);
  for (const typed of ['w', 'we']) assert.deepEqual(new Set(ids(typed)), new Set(['title', 'note', 'tag']), typed);
  for (const [typed, found] of [['wea', 'title'], ['weat', 'title'], ['weathe', 'title'], ['wee', 'note'], ['wel', 'tag']]) {
    assert.deepEqual(ids(typed ?? ''), [found], typed);
  }
  assert.deepEqual(ids('wa'), ['title'], 'a word that only ends so is not found');
  assert.deepEqual(ids('oth'), [], 'a clip\'s id is not one of its words');
});

test('a short word being typed ranks the clips holding it whole above those with only longer words it begins', () => {
  const { ids } = library([
    // A tag weighs more than the text, and this clip has more words beginning "war", each once a clip in the index.
    { id: 'ward', text: 'Denzel Ward of the Browns, a Lego Star Wars set and a warning about warm weather.', tags: ['trade'] },
    { id: 'war', text: 'Tariffs on steel widen the trade war between the two largest economies.' },
    ...['Markets moved on the news.', 'Rain is due on Monday.', 'The harbour reopened.', 'A new bridge opens.'].map((text) => ({ text })),
  ]);
  assert.deepEqual(ids('trade war'), ['war', 'ward']);
  assert.deepEqual(ids('war'), ['war', 'ward']);
  assert.deepEqual(ids('trade warn'), ['ward'], 'the clips found are those of the words it begins');
});

test('a two-letter word being typed finds itself and the longer words it begins', () => {
  const { ids } = library([{ id: 'us', text: 'tell us' }, { id: 'use', text: 'in use' }, { id: 'bus', text: 'the bus' }]);
  assert.deepEqual(new Set(ids('us')), new Set(['us', 'use']));
  assert.deepEqual(ids('trade us'), []);
});

test('a hyphenated word being typed matches its parts', () => {
  const { ids } = library([{ id: 'ht', text: 'high-tech exports' }, { text: 'low-tech exports' }]);
  for (const typed of ['high-t', 'high-te', 'high-tech']) assert.deepEqual(ids(typed), ['ht'], typed);
});

test('matches earlier words exactly', () => {
  const { ids } = library([{ text: 'trade with China' }]);
  assert.deepEqual(ids('chin trade'), []);
});

test('finds a possessive or contraction by its word, and by itself', () => {
  const { ids } = library([{ id: 'poss', text: "China's exports and Beijing’s answer; they don't know" }, { text: 'Chinas exports' }]);
  assert.deepEqual(ids('china exports'), ['poss']);
  assert.deepEqual(ids('beijing answer'), ['poss']);
  assert.deepEqual(ids("china's"), ['poss']);
  assert.deepEqual(ids("don't know"), ['poss']);
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

test('phrase matches the title', () => {
  const { ids } = library([{ id: 'a', title: 'Jilin High-tech Zone', text: 'body' }]);
  assert.deepEqual(ids('"jilin high-tech zone"'), ['a']);
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
  // A tag is matched whole, with or without words to match: one word of its name is not the tag.
  for (const query of ['missile tag:korea', 'tag:korea']) assert.deepEqual(ids(query), [], query);
  assert.deepEqual(ids('tag:"NORTH  korea"'), ['nk']);
});

test('tag: filters ignore accents and match tags in any script', () => {
  const { ids } = library([
    { id: 'fr', text: 'élection', tags: ['Économie'] },
    { id: 'zh', text: 'élection', tags: ['经济'] },
  ]);
  assert.deepEqual(ids('election tag:economie'), ['fr']);
  assert.deepEqual(ids('election tag:经济'), ['zh']);
  assert.deepEqual(ids('election -tag:经济'), ['fr']);
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

test('pages with limit and offset and reports the total', () => {
  const { search } = library(Array.from({ length: 7 }, () => ({ text: 'steel' })));
  const page = search('steel', 3, 5);
  assert.equal(page.total, 7);
  assert.equal(page.hits.length, 2);
});

test('reports a bad query as BAD_QUERY', () => {
  const { search } = library([{ text: 'steel' }]);
  assert.throws(() => search('steel is:unknown'), (error: unknown) => isClipdeskError(error) && error.code === 'BAD_QUERY');
});

test('replaces a clip written again with the same id', () => {
  const { catalog, add, ids } = library([{ id: 'a', text: 'old words' }]);
  add({ id: 'a', text: 'new words', tags: ['fresh'] });
  assert.equal(catalog.size, 1);
  assert.deepEqual(ids('old'), []);
  assert.deepEqual(ids('new tag:fresh'), ['a']);
});

test('removes a deleted clip and ignores unknown ids', () => {
  const { catalog, ids } = library([{ id: 'a', text: 'steel' }, { id: 'b', text: 'steel' }]);
  catalog.write([{ id: 'a', record: undefined, text: '' }, { id: 'never-added', record: undefined, text: '' }]);
  assert.equal(catalog.size, 1);
  assert.deepEqual(ids('steel'), ['b']);
  assert.deepEqual(ids('is:starred -is:starred'), []);
});

test('a clip in the trash is listed there but not searched', () => {
  const { catalog, ids } = library([{ id: 'a', text: 'steel' }]);
  catalog.write([{ id: 'a', record: { ...record(clip({ id: 'a', text: 'steel' })), deletedAt: '2024-02-01T00:00:00Z' }, text: 'steel' }]);
  assert.deepEqual(ids('steel'), []);
  assert.deepEqual(catalog.trashedIds(), ['a']);
});

test('a one- or two-letter word being typed lists its clips newest first', () => {
  const { ids } = library([{ id: 'old', text: 'tariffs tariffs tariffs' }, { id: 'new', text: 'tariffs' }]);
  assert.deepEqual(ids('ta'), ['new', 'old']);
  assert.deepEqual(ids('tariffs'), ['old', 'new']);
});

test('remembers the shard files it mirrored, and forgets one that is gone', () => {
  const { catalog } = library([]);
  catalog.write([], new Map([['abc', '1:10:5'], ['def', '2:20:6']]));
  catalog.write([], new Map([['def', null]]));
  assert.deepEqual([...catalog.shardStamps()], [['abc', '1:10:5']]);
});

test('stops counting past COUNT_LIMIT matches and says the total is a lower bound', () => {
  const { catalog, search } = library([]);
  catalog.write(Array.from({ length: COUNT_LIMIT + 5 }, (_, i) => {
    const doc = clip({ id: `many${i}`, text: 'steel' });
    return { id: doc.id, record: record(doc), text: doc.text };
  }));
  const found = search('steel', 10);
  assert.equal(found.total, COUNT_LIMIT);
  assert.equal(found.totalIsLowerBound, true);
  assert.equal(search('steel -steel').totalIsLowerBound, false);
});

test('a query with more matches than RANK_WINDOW is ranked among its newest matches', () => {
  const { catalog, ids, search } = library([]);
  const count = RANK_WINDOW + 50;
  catalog.write(Array.from({ length: 2 * count }, (_, i) => {
    // Every other clip has the word (so it is not common); the oldest of them and one inside the
    // window say it most often, so BM25 puts them first.
    const text = i % 2 === 1 ? 'other' : i === 0 || i === 2 * count - 20 ? 'steel steel steel steel' : `steel ${'filler '.repeat(i % 7)}`;
    const doc = clip({ id: `w${String(i).padStart(4, '0')}`, text });
    return { id: doc.id, record: record(doc), text };
  }));
  assert.equal(ids('steel')[0], `w${String(2 * count - 20).padStart(4, '0')}`);
  assert.ok(!ids('steel').includes('w0000'));
  // A page past the window widens it: every match can be reached by paging.
  assert.equal(search('steel', 50, count - 50).hits.length, 50);
  assert.equal(search('steel', 1, count - 1).hits.length, 1);
});

test('a word in more than half the clips weighs nothing: alone it lists newest first, with others they rank', () => {
  const { catalog, ids } = library([]);
  catalog.write(Array.from({ length: 300 }, (_, i) => {
    // The first clip says both words most often, so BM25 would put it first.
    const text = i === 0 ? 'rare rare rare everywhere everywhere everywhere' : i < 100 ? 'everywhere rare' : 'everywhere';
    const doc = clip({ id: `w${String(i).padStart(3, '0')}`, text });
    return { id: doc.id, record: record(doc), text };
  }));
  assert.equal(ids('everywhere')[0], 'w299');
  assert.equal(ids('rare')[0], 'w000');
  assert.deepEqual(ids('everywhere rare'), ids('rare'));
  assert.deepEqual(ids('rare everywhere -nothing').slice(0, 3), ids('rare').slice(0, 3));
});

test('a phrase with a common word is found whole and ranked by its other words', () => {
  const { catalog, ids } = library([]);
  catalog.write(Array.from({ length: 300 }, (_, i) => {
    const text =
      i === 0 ? 'the company said the company and company again'
      : i < 50 ? 'the company said'
      : i < 60 ? 'company the'
      : 'the end';
    const doc = clip({ id: `p${String(i).padStart(3, '0')}`, text });
    return { id: doc.id, record: record(doc), text };
  }));
  const found = ids('"the company"');
  assert.equal(found.length, 50, 'only the clips with the words in that order');
  assert.equal(found[0], 'p000');
  assert.ok(!found.some((id) => id >= 'p050'));
});

test('a clip comes back from the catalog field for field, in lists, hits and lookups', () => {
  const { catalog } = library([]);
  // Every field its own value, so a field read from another's place shows.
  const stored: ClipRecord = {
    ...record(clip({ id: 'every-field', title: 'The title', text: 'distinctive words', source: 'The source', byline: 'The byline' })),
    url: 'https://example.com/a?utm=1', canonicalUrl: 'https://example.com/a', publishedAt: '2024-02-03T04:05:06+08:00',
    publishedText: '2024年2月3日', language: 'zh', excerpt: 'The excerpt', wordCount: 7, updatedAt: '2024-03-01T00:00:00Z',
    tags: ['one', 'two'], note: 'The note', starred: true, readState: 'archived', deletedAt: null, contentHash: 'hash-1',
    pending: { attempts: 2, lastError: 'timed out', nextAttemptAt: '2024-04-01T00:00:00Z' },
    revisions: [{ n: 1, savedAt: '2024-02-10T00:00:00Z', title: 'An older title', contentHash: 'hash-0' }],
  };
  catalog.write([{ id: stored.id, record: stored, text: 'distinctive words' }]);
  const expected = toSummary(stored);
  assert.deepEqual(catalog.summary('every-field'), expected);
  assert.deepEqual(catalog.list({ limit: 10 }).clips, [expected]);
  assert.deepEqual(catalog.search(parseQuery('distinctive'), 10, 0).hits.map((hit) => hit.clip), [expected]);
});

test('a list read page by page holds every clip once, in its order, ties newest first', () => {
  // Five moments for 60 clips, as an import stamps a batch: most clips tie with others.
  const docs = Array.from({ length: 60 }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`, title: `Title ${i % 7}`, clippedAt: `2024-01-0${1 + (i % 5)}T00:00:00Z`,
    publishedAt: i % 3 === 0 ? null : `2023-0${1 + (i % 4)}-01T00:00:00Z`,
  }));
  const { catalog } = library(docs);
  const written = docs.map((doc) => doc.id);
  const orders = {
    clippedAt: (doc: (typeof docs)[number]) => doc.clippedAt,
    publishedAt: (doc: (typeof docs)[number]) => doc.publishedAt ?? doc.clippedAt,
    title: (doc: (typeof docs)[number]) => doc.title.toLowerCase(),
  };
  for (const [sort, key] of Object.entries(orders) as Array<[keyof typeof orders, (typeof orders)[keyof typeof orders]]>) {
    for (const descending of [true, false]) {
      const expected = [...docs].sort((a, b) => key(a).localeCompare(key(b)) || written.indexOf(a.id) - written.indexOf(b.id))
        .map((doc) => doc.id);
      if (descending) expected.reverse();
      const label = `${sort} ${descending ? 'descending' : 'ascending'}`;
      const page = (offset: number) => listed(catalog.list({ sort, descending, limit: 13, offset }));
      const paged = pageByPage(docs.length, 13, docs.length, label, page);
      assert.deepEqual(paged, expected, label);
    }
  }
});

test('the count of a list follows every write, by this connection or another', () => {
  const { catalog, add, dir } = library([{ id: 'one' }, { id: 'two' }]);
  assert.equal(catalog.list({ limit: 1 }).total, 2);
  assert.equal(catalog.list({ limit: 1, offset: 1 }).total, 2);
  add({ id: 'three' });
  assert.equal(catalog.list({ limit: 1 }).total, 3);
  // Another connection, as the rebuild worker writes.
  const other = connectCatalogDb(join(dir, 'index.sqlite'));
  try {
    other.prepare("update clip set trashed = 1 where id = 'one'").run();
  } finally {
    other.close();
  }
  assert.equal(catalog.list({ limit: 1 }).total, 2);
  assert.equal(catalog.list({ limit: 1, trashed: true }).total, 1);
});

test('a list counts the clips its pages hold, and pages them in order, for every mix of filters', () => {
  const docs = Array.from({ length: 40 }, (_, i) => ({
    id: `m${i}`, starred: i % 3 === 0, annotated: i % 4 === 0,
    tags: [...(i % 2 === 0 ? ['even'] : []), ...(i % 5 === 0 ? ['fifth'] : [])],
  }));
  const { catalog } = library(docs);
  const mixes: ListOptions[] = [
    {}, { starred: true }, { annotated: true }, { starred: true, annotated: true }, { starred: false, annotated: true },
    { tags: ['even'] }, { tags: ['even', 'fifth'] }, { tags: ['fifth'], starred: true },
    { tags: ['Even'], annotated: false, readState: 'unread' }, { readState: 'archived' },
  ];
  for (const mix of mixes) {
    const expected = docs.filter((doc) => (mix.starred === undefined || doc.starred === mix.starred)
      && (mix.annotated === undefined || doc.annotated === mix.annotated) && (mix.readState ?? 'unread') === 'unread'
      && (mix.tags ?? []).every((tag) => doc.tags.includes(tag.toLowerCase()))).map((doc) => doc.id).reverse();
    // Whole, and in pages of 3 (near the top of a list a page walks the sort's index; further down, or
    // with a filter few clips pass, it is picked from a tag's rows or the clip table): the same clips in
    // the same order, ties (every clip here was clipped at the same moment) newest first.
    for (const limit of [100, 3]) {
      const page = (offset: number) => listed(catalog.list({ ...mix, limit, offset }));
      const paged = pageByPage(docs.length, limit, expected.length, JSON.stringify(mix), page);
      assert.deepEqual(paged, expected, `${JSON.stringify(mix)}, pages of ${limit}`);
    }
  }
});

test('a query of filters alone pages its clips in order, newest published first, however few pass', () => {
  const docs = Array.from({ length: 45 }, (_, i) => ({
    id: `f${i}`, starred: i % 4 === 0, tags: i % 9 === 0 ? ['rare'] : ['common'], publishedAt: `2020-0${1 + (i % 3)}-01T00:00:00Z`,
  }));
  const { search } = library(docs);
  const newestFirst = (kept: typeof docs) => [...kept]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || docs.indexOf(b) - docs.indexOf(a)).map((doc) => doc.id);
  const cases = [
    ['is:starred', newestFirst(docs.filter((doc) => doc.starred))],
    ['tag:rare', newestFirst(docs.filter((doc) => doc.tags.includes('rare')))],
    ['-tag:rare', newestFirst(docs.filter((doc) => !doc.tags.includes('rare')))],
    ['tag:common is:starred', newestFirst(docs.filter((doc) => doc.starred && doc.tags.includes('common')))],
    ['is:starred -tag:rare', newestFirst(docs.filter((doc) => doc.starred && !doc.tags.includes('rare')))],
  ] as const;
  for (const [query, expected] of cases) {
    for (const limit of [100, 4]) {
      const paged = pageByPage(docs.length, limit, expected.length, query, (offset) => {
        const page = search(query, limit, offset);
        return { total: page.total, ids: page.hits.map((hit) => hit.clip.id) };
      });
      assert.deepEqual(paged, expected, `${query}, pages of ${limit}`);
    }
  }
});

test('a list or a search of the starred clips reads the index of just those, and a page of most clips walks the sort', () => {
  const docs = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, starred: i % 50 === 0, annotated: i % 2 === 0 }));
  const { catalog, dir } = library(docs);
  catalog.close();
  const db = connectCatalogDb(join(dir, 'index.sqlite'));
  after(() => db.close());
  const plan = (sql: string, params: ReadonlyArray<string | number>) =>
    (db.prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('; ');
  const starred = listQuery({ starred: true, limit: 100 });
  assert.match(plan(starred.count.sql, starred.count.params), /clip_starred/, 'the count');
  const page = starred.page(4, 200);
  assert.ok(page);
  assert.match(plan(page.sql, page.params), /clip_starred/, 'the page');
  // A search of filters alone reads from the index it names (and throws if SQLite cannot use it).
  assert.equal(toSqlQuery(parseQuery('is:starred')).index, 'clip_starred');
  // Half the clips are annotated: their first page walks the list's sort and stops at the page's end.
  const annotated = listQuery({ annotated: true, limit: 10 }).page(100, 200);
  assert.ok(annotated);
  assert.doesNotMatch(plan(annotated.sql, annotated.params), /clip_annotated/);
});

test('a word with a flag few clips carry is checked against a list of their clips, with the hits and order of the word alone', () => {
  // 400 clips: half hold the word, as often as 1 to 5 times (scores differ); 16 starred, 8 of them
  // with the word; 300 annotated.
  const starred = (i: number) => i % 50 < 2;
  const annotated = (i: number) => i % 4 !== 0;
  const docs = Array.from({ length: 400 }, (_, i) => ({
    id: `w${i}`, text: `${i % 2 === 0 ? 'harbour '.repeat(1 + (i % 5)) : ''}report ${i}`, starred: starred(i), annotated: annotated(i),
  }));
  const { dir, search } = library(docs);
  const db = connectCatalogDb(join(dir, 'index.sqlite'));
  after(() => db.close());
  const statements = new RecordingStatements(db);
  const primitives = new FtsPrimitives(statements);
  const hitsOf = (query: string) =>
    planSearch(toSqlQuery(parseQuery(query)), { limit: 400, offset: 0 }, primitives).rows.map((row) => row.n);
  const word = hitsOf('harbour');
  const rowOf = (id: string) => Number(db.prepare('select n from clip where id = ?').pluck().get(id));
  for (const [flag, kept, listed] of [['is:starred', starred, true], ['is:annotated', annotated, false]] as const) {
    statements.texts.length = 0;
    const keptRows = new Set(docs.filter((_, i) => kept(i)).map((doc) => rowOf(doc.id)));
    assert.deepEqual(hitsOf(`${flag} harbour`), word.filter((n) => keptRows.has(n)), flag);
    assert.equal(statements.texts.some((text) => text.includes('+fts.rowid in')), listed, `${flag}: checked against a list of its clips`);
    assert.deepEqual(search(`${flag} harbour`, 400).hits.map((hit) => rowOf(hit.clip.id)), word.filter((n) => keptRows.has(n)));
  }
});

test('the best matches a plan keeps are found, best first, however few of the first rows read it keeps', () => {
  const docs = Array.from({ length: 300 }, (_, i) => ({ id: `b${i}`, text: `${'harbour '.repeat(1 + (i % 7))}report ${i}` }));
  const { dir } = library(docs);
  const db = connectCatalogDb(join(dir, 'index.sqlite'));
  after(() => db.close());
  const primitives = new FtsPrimitives(new Statements(db));
  const all = primitives.scoredBest('"harbour"', 0, () => true, 1000);
  assert.equal(all.length, 300);
  const bestFirst = [...all].sort((a, b) => a.score - b.score || b.n - a.n);
  assert.deepEqual(all, bestFirst, 'best first, ties newest first');
  for (const keep of [(n: number) => n % 2 === 0, (n: number) => n % 37 === 0]) {
    for (const count of [5, 60]) {
      assert.deepEqual(primitives.scoredBest('"harbour"', 0, keep, count), all.filter((row) => keep(row.n)).slice(0, count));
    }
  }
});

/** The catalog's statements, each SQL text noted as it is asked for. */
class RecordingStatements extends Statements {
  readonly texts: string[] = [];

  override sql(text: string): ReturnType<Statements['sql']> {
    this.texts.push(text);
    return super.sql(text);
  }
}
