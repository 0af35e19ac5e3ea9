import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../electron/core/search/index.js';

test('segments mixed Chinese and English into words', () => {
  assert.deepEqual(tokenize('中国医药保健品进出口商会 Jilin'), ['中国', '医药', '保健', '品', '进出口', '商会', 'jilin']);
});

test('folds case, width and diacritics', () => {
  assert.deepEqual(tokenize('Café ZÜRICH Ｆｕｌｌ'), ['cafe', 'zurich', 'full']);
});

test('keeps only word-like segments', () => {
  assert.deepEqual(tokenize('High-tech, zone! 😀 — 3.14'), ['high', 'tech', 'zone', '3.14']);
});

test('keeps Korean syllables whole and handles Japanese', () => {
  assert.deepEqual(tokenize('서울에서 만나요'), ['서울에서', '만나요']);
  assert.ok(tokenize('東京都に住んでいます').includes('東京'));
});

test('survives lone surrogates and control characters', () => {
  assert.deepEqual(tokenize('a\uD800b \uDC00\u0000c'), ['a', 'b', 'c']);
});
