import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isClipdeskError } from '../../electron/core/errors.js';
import { parseQuery } from '../../electron/core/search/index.js';
import { tempLibrary } from '../helpers/temp-library.js';

const PIECES = [
  '"', '“', '”', '-', ':', ' ', '  ', 'OR', 'or', 'tag:', 'source:', 'after:', 'before:', 'is:', 'starred',
  'annotated', '2023-08-26', '2023-13-40', 'china', 'chin', '中国', '吉林高新', '商会', 'café', 'Ｚ', '東京',
  '서울', '😀', '\uD800', '\uDC00', '\u0000', '\u200B', '\u0301', '\n', '\t', '<script>', '&', "'", '(', ')',
  '*', '\\', '/', '.', ',', 'ﬁ', 'İ', 'ß',
];

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomQuery(next: () => number): string {
  const length = Math.floor(next() * 12);
  let query = '';
  for (let i = 0; i < length; i++) {
    query += next() < 0.8 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
  }
  return query;
}

test('any string either searches or fails as BAD_QUERY', async (t) => {
  const { library } = await tempLibrary(t);
  for (const text of ['China trade with 中国医药保健品进出口商会 in 吉林高新区, a café', 'Zürich <script> 東京都 서울에서 😀']) {
    const { clip } = await library.import({ kind: 'text', text });
    await library.addTags(clip.id, ['china', 'north korea']);
  }
  const next = random(42);
  let searched = 0;
  for (let i = 0; i < 2000; i++) {
    const query = randomQuery(next);
    try {
      await library.search(query);
      searched++;
    } catch (error) {
      assert.ok(isClipdeskError(error) && error.code === 'BAD_QUERY', `query ${JSON.stringify(query)} threw ${String(error)}`);
    }
  }
  assert.ok(searched > 200, 'most random queries are searchable');
});

test('rejects huge input quickly with a clear message', () => {
  const started = performance.now();
  assert.throws(() => parseQuery('"'.repeat(1_000_000)), /too long/);
  assert.ok(performance.now() - started < 100);
});
