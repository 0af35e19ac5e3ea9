import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeSnippet as makeStructured } from '../../electron/core/search/index.js';
import type { SnippetOptions } from '../../electron/core/search/snippet.js';
import { snippetParts } from '../../electron/shared/snippet-parts.js';

/** The snippet with its marks shown as <mark>…</mark>, to compare at a glance (nothing is escaped). */
function makeSnippet(text: string, terms: string[], options?: SnippetOptions): string {
  return snippetParts(makeStructured(text, terms, options)).map((part) => (part.marked ? `<mark>${part.text}</mark>` : part.text)).join('');
}

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

test('marks matched terms', () => {
  assert.equal(makeSnippet('Trade with China grew.', ['china', 'trade']), '<mark>Trade</mark> with <mark>China</mark> grew.');
});

test('marks folded matches: cafe marks Café', () => {
  assert.equal(makeSnippet('A Café in Zürich', ['cafe', 'zurich']), 'A <mark>Café</mark> in <mark>Zürich</mark>');
});

test('does not mark a term inside a longer word', () => {
  assert.equal(makeSnippet('start the art', ['art']), 'start the <mark>art</mark>');
});

test('marks Chinese terms, merging overlapping bigrams', () => {
  assert.equal(makeSnippet('来访吉林高新区。', ['吉林', '林高', '高新']), '来访<mark>吉林高新</mark>区。');
});

test('keeps markup in the text as plain characters, marked by offsets (UTF-16 code units)', () => {
  const snippet = makeStructured(`<script>alert("x")</script> & 'tom' <b>`, ['alert', 'tom']);
  assert.equal(snippet.text, `<script>alert("x")</script> & 'tom' <b>`);
  assert.deepEqual(snippet.marks, [[8, 13], [31, 34]]);
});

test('counts mark offsets in UTF-16 code units, past ellipses and astral characters', () => {
  const snippet = makeStructured(`${'word '.repeat(60)}😀 china`, ['china'], { maxLength: 20 });
  const [[start, end] = [0, 0]] = snippet.marks;
  assert.equal(snippet.text.slice(start, end), 'china');
  assert.ok(snippet.text.startsWith('…'));
});

test('cuts about 200 characters around the densest match, with ellipses', () => {
  const text = `${filler(100)} alpha ${filler(30)} alpha beta gamma ${filler(100)}`;
  const snippet = makeSnippet(text, ['alpha', 'beta', 'gamma']);
  assert.match(snippet, /^….*<mark>alpha<\/mark> <mark>beta<\/mark> <mark>gamma<\/mark>.*…$/);
  assert.ok(snippet.replace(/<\/?mark>/g, '').length <= 202);
  assert.ok(!/^… ?word\d*[a-z]/.test(snippet), 'cuts between words');
});

test('starts at the beginning of the text when nothing matches', () => {
  const snippet = makeSnippet(`Opening line ${filler(100)}`, ['absent']);
  assert.match(snippet, /^Opening line word0 .*…$/);
  assert.ok(snippet.length <= 201);
});

test('collapses whitespace and honours maxLength', () => {
  assert.equal(makeSnippet('a\n\n\u00a0 b   china', ['china'], { maxLength: 50 }), 'a b <mark>china</mark>');
  assert.ok(makeSnippet(filler(100), [], { maxLength: 40 }).length <= 41);
});

test('never splits a surrogate pair and replaces lone surrogates', () => {
  const snippet = makeSnippet(`${'😀'.repeat(150)} china ${'😀'.repeat(150)}\uD800`, ['china']);
  assert.doesNotMatch(snippet, /\p{Cs}/u);
  assert.match(snippet, /^…(😀)+ <mark>china<\/mark> (😀)+…$/u);
  assert.equal(makeSnippet('x\uD800y', []), 'x\uFFFDy');
});

test('marks every word the word being typed starts, whole', () => {
  assert.equal(
    makeSnippet('Harbours and a harbour; not Saharb.', [], { prefixes: ['harb'] }),
    '<mark>Harbours</mark> and a <mark>harbour</mark>; not Saharb.',
  );
});

test('maps marks back to the original text when folding changes its length', () => {
  // 'ﬁ' folds to 'fi' and 'Ⅻ' to 'xii': offsets after them differ between the folded and original text.
  assert.equal(makeSnippet('Ⅻ ﬁnal Café report', ['final', 'cafe']), 'Ⅻ <mark>ﬁnal</mark> <mark>Café</mark> report');
});

test('folds Chinese text with full-width letters and punctuation around its characters', () => {
  assert.equal(
    makeSnippet('ＣＨＩＮＡ与中国，Café和ＷＴＯ。', ['china', '中国', 'cafe', 'wto']),
    '<mark>ＣＨＩＮＡ</mark>与<mark>中国</mark>，<mark>Café</mark>和<mark>ＷＴＯ</mark>。',
  );
});

test('leaves punctuation that folds to no letter as it is, and still folds symbols that hold letters or digits', () => {
  // '…' would fold to '...' and shift every offset after it; '™' folds to 'tm' and '①' to '1'.
  assert.equal(
    makeSnippet('“Café…” — ＣＡＦÉ, ™ ① ‘cafe’', ['cafe', 'tm', '1']),
    '“<mark>Café</mark>…” — <mark>ＣＡＦÉ</mark>, <mark>™</mark> <mark>①</mark> ‘<mark>cafe</mark>’',
  );
});

test('folds full-width digits and letters between the CJK punctuation it leaves as it is', () => {
  assert.equal(
    makeSnippet('「２０２３年」，《ＷＴＯ》、人々。', ['2023', 'wto', '人々']),
    '「<mark>２０２３</mark>年」，《<mark>ＷＴＯ</mark>》、<mark>人々</mark>。',
  );
});

test('drops a combining mark after a Chinese character as folding does, and keeps the offsets after it', () => {
  assert.equal(makeSnippet('中\u0301国 Zu\u0308rich', ['中国', 'zurich']), '<mark>中\u0301国</mark> <mark>Zu\u0308rich</mark>');
});

test('folds capitals and letters wherever they stand: ASCII among Chinese, İ, Greek, Cyrillic, Hangul', () => {
  assert.equal(
    makeSnippet('中国GDP增长，IMF说。İstanbul ΟΔΟΣ Москва Йошкар-Ола 서울시', ['gdp', 'imf', 'istanbul', 'οδος', 'москва', 'йошкар', '서울시']),
    '中国<mark>GDP</mark>增长，<mark>IMF</mark>说。<mark>İstanbul</mark> <mark>ΟΔΟΣ</mark> '
      + '<mark>Москва</mark> <mark>Йошкар</mark>-Ола <mark>서울시</mark>',
  );
});

test('finds a term again after passing over it inside a longer word', () => {
  assert.equal(makeSnippet('arts start art', ['art']), 'arts start <mark>art</mark>');
});

test('a letter outside the Basic Multilingual Plane continues a word', () => {
  assert.equal(makeSnippet('art𝐚 and art', ['art']), 'art𝐚 and <mark>art</mark>');
  assert.equal(makeSnippet('art𝐚 and', [], { prefixes: ['art'] }), '<mark>art𝐚</mark> and');
});
