import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Library } from '../../electron/core/library.js';
import { SEED_FILE, sampleText } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';

let library: Library;
let cleanup: () => Promise<void>;
let seedId: string;

beforeEach(async () => {
  ({ library, cleanup } = await tempLibrary());
  seedId = (await library.importFile(SEED_FILE)).clip.id;
});
afterEach(() => cleanup());

async function addSample(n: number): Promise<string> {
  return (await library.import({ kind: 'text', text: sampleText(n) })).clip.id;
}

describe('tags', () => {
  it('adds and removes tags case-insensitively, keeping the first spelling', async () => {
    await library.addTags(seedId, ['Pharma', 'pharma', ' PHARMA ', 'Jilin']);
    assert.deepEqual((await library.get(seedId)).tags, ['Pharma', 'Jilin']);
    await library.removeTags(seedId, ['JILIN']);
    assert.deepEqual((await library.get(seedId)).tags, ['Pharma']);
  });

  it('treats names differing only in accents, case, width or spacing as one tag, everywhere', async () => {
    const other = await addSample(1);
    await library.addTags(seedId, ['Café  society']);
    await library.addTags(other, ['cafe society', 'ＣＡＦＥ Society']);
    assert.deepEqual((await library.get(other)).tags, ['cafe society']);
    assert.deepEqual(library.tags(), [{ name: 'Café society', count: 2 }]);
    assert.equal(library.list({ tags: ['CAFE SOCIETY'] }).total, 2);
    assert.equal((await library.search('tag:"café society"')).total, 2);
    assert.equal((await library.search('tag:"cafe society" Zhou')).total, 1);
    assert.equal(await library.renameTag('cafe Society', 'Cafés'), 2);
    assert.deepEqual(library.tags(), [{ name: 'Cafés', count: 2 }]);
  });

  it('lists tags with counts, most used first', async () => {
    const other = await addSample(1);
    await library.addTags(seedId, ['trade', 'china']);
    await library.addTags(other, ['Trade']);
    assert.deepEqual(library.tags(), [{ name: 'trade', count: 2 }, { name: 'china', count: 1 }]);
  });

  it('counts tags on clips outside the trash only, each under the spelling of its oldest such clip', async () => {
    const other = await addSample(1);
    const third = await addSample(2);
    await library.addTags(seedId, ['Trade', 'binned']);
    await library.addTags(other, ['trade']);
    await library.addTags(third, ['TRADE']);
    await library.trash(seedId);
    assert.deepEqual(library.tags(), [{ name: 'trade', count: 2 }]);
    await library.restore(seedId);
    assert.deepEqual(library.tags(), [{ name: 'Trade', count: 3 }, { name: 'binned', count: 1 }]);
  });

  it('renames, merges and deletes a tag across the library', async () => {
    const other = await addSample(1);
    await library.addTags(seedId, ['pharma', 'health']);
    await library.addTags(other, ['Health', 'medicine']);
    assert.equal(await library.renameTag('HEALTH', 'Healthcare'), 2);
    assert.deepEqual((await library.get(other)).tags, ['medicine', 'Healthcare']);
    assert.equal(await library.mergeTags(['pharma', 'medicine'], 'healthcare'), 2);
    assert.deepEqual(library.tags(), [{ name: 'Healthcare', count: 2 }]);
    assert.equal(await library.deleteTag('healthcare'), 2);
    assert.deepEqual(library.tags(), []);
    await assert.rejects(library.deleteTag('nothing'), { code: 'NOT_FOUND' });
  });

  it('refuses an empty tag name', async () => {
    await assert.rejects(library.addTags(seedId, ['   ']), { code: 'BAD_INPUT' });
  });
});

describe('highlights', () => {
  it('adds, edits and deletes a highlight stored as W3C quote and position selectors', async () => {
    const highlight = await library.annotate(seedId, {
      quote: 'Jilin High-tech Zone', occurrence: 2, note: 'second mention', color: 'blue',
    });
    const [quote, position] = highlight.target.selector;
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(quote.exact, 'Jilin High-tech Zone');
    assert.equal(position.type, 'TextPositionSelector');
    const { text } = await library.get(seedId);
    assert.equal([...text].slice(position.start, position.end).join(''), 'Jilin High-tech Zone');
    assert.ok(position.start > [...text].join('').indexOf('Jilin High-tech Zone'), 'the second occurrence, not the first');

    const edited = await library.updateAnnotation(seedId, highlight.id, { note: 'check the date', color: 'pink' });
    assert.equal(edited.note, 'check the date');
    assert.equal(edited.color, 'pink');
    assert.equal(library.list({ annotated: true }).total, 1);

    await library.deleteAnnotation(seedId, highlight.id);
    assert.equal((await library.get(seedId)).annotations.length, 0);
    await assert.rejects(library.deleteAnnotation(seedId, highlight.id), { code: 'NOT_FOUND' });
  });

  it('highlights by code-point offsets and rejects a quote the text does not contain', async () => {
    const highlight = await library.annotate(seedId, { start: 0, end: 9 });
    assert.equal(highlight.target.selector[0].exact, 'On August');
    await assert.rejects(library.annotate(seedId, { quote: 'not in this article' }), { code: 'NOT_FOUND' });
    await assert.rejects(library.annotate(seedId, { start: 5, end: 2 }), { code: 'BAD_INPUT' });
  });

  it('makes highlight notes searchable', async () => {
    await library.annotate(seedId, { quote: 'biomedical industry', note: 'compare with Changchun plans' });
    assert.equal((await library.search('changchun')).hits[0]?.clip.id, seedId);
  });
});

describe('notes, stars and the trash', () => {
  it('sets a note, stars and unstars, and edits the title', async () => {
    await library.update(seedId, { note: 'ask the chamber for figures', starred: true, title: 'Chamber visit' });
    const clip = await library.get(seedId);
    assert.equal(clip.note, 'ask the chamber for figures');
    assert.equal(clip.title, 'Chamber visit');
    assert.equal(library.list({ starred: true }).total, 1);
    await library.update(seedId, { starred: false });
    assert.equal(library.list({ starred: true }).total, 0);
    await assert.rejects(library.update(seedId, { title: '' }), { code: 'BAD_INPUT' });
  });

  it('moves a clip to the trash, restores it, and empties the trash for good', async () => {
    const other = await addSample(7);
    await library.trash(seedId);
    assert.deepEqual(library.list().clips.map((c) => c.id), [other]);
    assert.equal(library.list({ trashed: true }).total, 1);
    assert.equal((await library.search('Zhou')).total, 0, 'trashed clips are not searched');

    await library.restore(seedId);
    assert.equal((await library.search('Zhou')).total, 1);

    await library.trash(seedId);
    assert.equal(await library.emptyTrash(), 1);
    assert.equal(library.list({ trashed: true }).total, 0);
    await assert.rejects(library.get(seedId), { code: 'NOT_FOUND' });
  });
});

describe('listing', () => {
  it('filters by several tags and sorts by title', async () => {
    const a = await addSample(1);
    const b = await addSample(2);
    await library.addTags(a, ['ports', 'asia']);
    await library.addTags(b, ['ports']);
    assert.deepEqual(library.list({ tags: ['PORTS', 'asia'] }).clips.map((c) => c.id), [a]);
    const titles = library.list({ sort: 'title', descending: false }).clips.map((c) => c.title);
    assert.deepEqual(titles, [...titles].sort((x, y) => x.localeCompare(y)));
    assert.equal(library.list({ limit: 1 }).clips.length, 1);
    assert.equal(library.list({ limit: 1 }).total, 3);
  });
});

describe('search through the facade', () => {
  it('finds the seed by name, marks the snippet, and filters by tag', async () => {
    await addSample(1);
    await library.addTags(seedId, ['pharma']);
    const found = await library.search('tag:pharma Zhou');
    assert.equal(found.total, 1);
    assert.equal(found.hits[0]?.clip.id, seedId);
    const snippet = found.hits[0]?.snippet;
    const marked = new Set(snippet?.marks.map(([start, end]) => snippet.text.slice(start, end)));
    assert.deepEqual([...marked], ['Zhou']);
    assert.equal((await library.search('-tag:pharma Zhou')).total, 0);
    await assert.rejects(library.search('after:2023-13-45'), { code: 'BAD_QUERY' });
  });
});

describe('export', () => {
  it('streams every clip outside the trash a piece at a time, as JSON that reads back whole', async () => {
    const others = [await addSample(1), await addSample(2), await addSample(3)];
    await library.trash(others[2] ?? '');
    await library.annotate(seedId, { quote: 'Jilin High-tech Zone', note: 'visit' });
    const pieces: string[] = [];
    for await (const piece of library.exports.export('json')) pieces.push(piece);
    assert.equal(pieces.length, 2 + 3, 'a beginning, one piece per clip, an end');
    const { clips } = JSON.parse(pieces.join('')) as { clips: Array<{ id: string; annotations: unknown[] }> };
    assert.deepEqual(new Set(clips.map((clip) => clip.id)), new Set([seedId, others[0], others[1]]));
    const seed = await library.get(seedId);
    const exported = pieces.join('');
    const stored = await Promise.all(clips.map((clip) => library.get(clip.id)));
    assert.equal(exported, JSON.stringify({ exportedAt: JSON.parse(exported).exportedAt, clips: stored }, null, 2) + '\n');
    assert.equal(clips.find((clip) => clip.id === seedId)?.annotations.length, seed.annotations.length);
  });

  it('writes an empty library as an empty list in every format', async () => {
    await library.trash(seedId);
    const text = async (format: 'json' | 'markdown' | 'html' | 'csv') => {
      let all = '';
      for await (const piece of library.exports.export(format)) all += piece;
      return all;
    };
    assert.deepEqual(JSON.parse(await text('json')).clips, []);
    assert.equal(await text('csv'), 'id,title,url,source,byline,publishedAt,clippedAt,tags,starred,note,highlights\r\n');
    assert.match(await text('html'), /<body>\n\n<\/body>/);
  });
});

describe('read state', () => {
  it('starts unread, is set to read or archived, and is listed and searched by', async () => {
    const other = await addSample(1);
    assert.equal((await library.get(seedId)).readState, 'unread');
    assert.equal((await library.update(seedId, { readState: 'archived' })).readState, 'archived');
    await library.update(other, { readState: 'read' });
    assert.deepEqual(library.list({ readState: 'archived' }).clips.map((clip) => clip.id), [seedId]);
    assert.deepEqual(library.list({ readState: 'read' }).clips.map((clip) => clip.id), [other]);
    assert.equal(library.list({ readState: 'unread' }).total, 0);
    assert.deepEqual((await library.search('is:archived')).hits.map((hit) => hit.clip.id), [seedId]);
    assert.deepEqual((await library.search('harbour -is:archived')).hits.map((hit) => hit.clip.id), [other]);
    assert.equal((await library.search('Zhou is:read')).total, 0);
    await assert.rejects(library.update(seedId, { readState: 'done' as never }), { code: 'BAD_INPUT' });
  });
});
