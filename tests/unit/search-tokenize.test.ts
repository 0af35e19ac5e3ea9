import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexTerms, queryTerms } from '../../electron/core/search/index.js';

test('indexes Chinese as character pairs in text order, then each run\'s last character', () => {
  assert.deepEqual(indexTerms('中国医药 Jilin 商会'), ['中国', '国医', '医药', 'jilin', '商会', '药', '会']);
  assert.deepEqual(indexTerms('中国GDP增长'), ['中国', 'gdp', '增长', '国', '长']);
  assert.deepEqual(indexTerms('美'), ['美']);
});

test('queries Chinese as the pairs of each run', () => {
  assert.deepEqual(queryTerms('吉林高新'), ['吉林', '林高', '高新']);
  assert.deepEqual(queryTerms('商会 Jilin'), ['商会', 'jilin']);
});

test('folds case, width and diacritics', () => {
  assert.deepEqual(indexTerms('Café ZÜRICH Ｆｕｌｌ'), ['cafe', 'zurich', 'full']);
});

test('keeps only word-like segments', () => {
  assert.deepEqual(indexTerms('High-tech, zone! 😀 — 3.14'), ['high', 'tech', 'zone', '3.14']);
});

test('keeps Korean syllables whole, pairs Japanese, and splits Thai into words', () => {
  assert.deepEqual(indexTerms('서울에서 만나요'), ['서울에서', '만나요']);
  assert.ok(indexTerms('東京都に住んでいます').includes('東京'));
  assert.deepEqual(indexTerms('ภาษาไทยง่าย'), ['ภาษา', 'ไทย', 'งาย']); // marks folded away, as in every script
});

test('survives lone surrogates and control characters', () => {
  assert.deepEqual(indexTerms('a\uD800b \uDC00\u0000c'), ['a', 'b', 'c']);
});
