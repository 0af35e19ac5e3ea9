import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TextPositionSelector, TextQuoteSelector } from '../../electron/api.js';
import { anchor, describeRange, findAllQuotes, findQuote } from '../../electron/core/annotate/index.js';
import { SEED_FILE } from '../helpers/seed.js';

const seed = readFileSync(SEED_FILE, 'utf8');
const PHRASE = 'Jilin High-tech Zone';

/** Highlights the n-th occurrence of `exact` in `text`, as the reader would. */
function highlight(text: string, exact: string, occurrence: number) {
  const found = findQuote(text, exact, occurrence);
  assert.ok(found, `${exact} occurs ${occurrence} times`);
  return { ...describeRange(text, found.start, found.end), found };
}

/** Replaces the n-th occurrence (1-based) of `search` in `text`. */
function replaceNth(text: string, search: string, occurrence: number, replacement: string): string {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen++) at = text.indexOf(search, at + 1);
  assert.notEqual(at, -1);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

const firstParagraph = seed.split('\n')[3] as string;
const insertedParagraph =
  '\u00a0 \u00a0 Editor’s note: this report was updated on August 28 with the names of the companies that took ' +
  'part in the exchange, the list of medical parks the delegation visited, and a correction to the title of the ' +
  'deputy director of the Electronic Information Industry Development Bureau of the high-tech zone。\n';

describe('re-anchoring a highlight in a news clip', () => {
  const { quote, position, found } = highlight(seed, PHRASE, 2);

  it('finds the highlight at its old position when the text is unchanged', () => {
    assert.deepEqual(anchor(seed, quote, position), { ...found, status: 'exact' });
  });

  it('finds the right occurrence by its context after a paragraph is inserted before it', () => {
    const edited = seed.replace(firstParagraph, insertedParagraph + firstParagraph);
    const moved = findQuote(edited, PHRASE, 2);
    const title = findQuote(edited, PHRASE, 1);
    assert.ok(moved && title);
    // The old position is now closer to the title's occurrence: only the context can tell them apart.
    assert.ok(Math.abs(title.start - position.start) < Math.abs(moved.start - position.start));
    assert.deepEqual(anchor(edited, quote, position), { ...moved, status: 'quote' });
  });

  it('finds a highlight approximately after a typo inside it was fixed', () => {
    const withTypo = replaceNth(seed, PHRASE, 2, 'Jilin Hihg-tech Zoen');
    const typo = highlight(withTypo, 'Jilin Hihg-tech Zoen', 1);
    assert.deepEqual(anchor(seed, typo.quote, typo.position), { ...found, status: 'fuzzy' });
  });

  it('finds an edited highlight even when its old wording survives elsewhere', () => {
    const edited = replaceNth(seed, PHRASE, 2, 'Jilin Hi-tech Zone');
    const expected = findQuote(edited, 'Jilin Hi-tech Zone');
    assert.ok(expected);
    assert.deepEqual(anchor(edited, quote, position), { ...expected, status: 'fuzzy' });
  });

  it('orphans the highlight when its passage is deleted, though the phrase occurs elsewhere', () => {
    const edited = seed.replace(firstParagraph + '\n', '');
    assert.equal(findAllQuotes(edited, PHRASE).length, 3);
    assert.equal(anchor(edited, quote, position), null);
  });

  it('orphans the highlight in a totally different text', () => {
    const other = 'The weather in Changchun was sunny on Saturday, with light winds from the north-west.';
    assert.equal(anchor(other, quote, position), null);
  });

  it('re-anchors a long highlight whose whole neighbourhood was rewritten', () => {
    const sentence = 'He stressed that the biomedical industry is one of the leading industries in the high-tech zone';
    const long = highlight(seed, sentence, 1);
    const edited = seed.replace(/location advantageWait condition。(He stressed.*?zone)/, 'and its strengths. $1, he said');
    const expected = findQuote(edited, sentence);
    assert.ok(expected);
    assert.deepEqual(anchor(edited, long.quote, long.position), { ...expected, status: 'quote' });
  });
});

describe('offsets count Unicode code points', () => {
  const text = '🎉 长春讯：吉林高新区举办交流会。😀 会上，吉林高新区介绍了产业发展。';
  const exact = '吉林高新区';

  it('reports code-point offsets after an emoji', () => {
    assert.deepEqual(findAllQuotes(text, exact), [
      { start: 6, end: 11 },
      { start: 22, end: 27 },
    ]);
    assert.equal(text.indexOf(exact, 12), 24, 'UTF-16 offsets would differ');
  });

  it('keeps code points in the selectors and re-anchors after an emoji is inserted before the highlight', () => {
    const { quote, position } = describeRange(text, 22, 27);
    assert.equal(quote.exact, exact);
    assert.equal(quote.prefix, text.slice(0, 24), 'the whole text before it is shorter than 32 code points');
    const edited = '👍' + text;
    assert.deepEqual(anchor(edited, quote, position), { start: 23, end: 28, status: 'quote' });
  });

  it('re-anchors approximately when an emoji inside the highlight changed', () => {
    const { quote, position } = describeRange(text, 17, 27);
    assert.equal(quote.exact, '😀 会上，吉林高新区');
    const edited = text.replace('😀', '😃');
    assert.deepEqual(anchor(edited, quote, { ...position, start: 0, end: 1 }), { start: 17, end: 27, status: 'fuzzy' });
  });

  it('counts a context of 32 code points, not UTF-16 units', () => {
    const emoji = '😀'.repeat(40);
    const { quote } = describeRange(`${emoji}abc${emoji}`, 40, 43);
    assert.deepEqual([[...quote.prefix].length, quote.exact, [...quote.suffix].length], [32, 'abc', 32]);
  });
});

describe('finding and describing quotes', () => {
  it('finds overlapping occurrences and the n-th one', () => {
    assert.deepEqual(findAllQuotes('bananas', 'ana'), [
      { start: 1, end: 4 },
      { start: 3, end: 6 },
    ]);
    assert.deepEqual(findQuote('bananas', 'ana', 2), { start: 3, end: 6 });
    assert.equal(findQuote('bananas', 'ana', 3), null);
    assert.throws(() => findQuote('bananas', 'ana', 0), { code: 'BAD_INPUT' });
  });

  it('refuses empty, inverted, fractional and out-of-range highlights', () => {
    for (const [start, end] of [[3, 3], [4, 2], [-1, 2], [0, 8], [0.5, 2], [Number.NaN, 2]] as const) {
      assert.throws(() => describeRange('bananas', start, end), { code: 'BAD_INPUT' }, `[${start}, ${end})`);
    }
  });

  it('orphans a highlight with an empty quote', () => {
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: '', prefix: 'ban', suffix: 'anas' };
    const position: TextPositionSelector = { type: 'TextPositionSelector', start: 3, end: 3 };
    assert.equal(anchor('bananas', quote, position), null);
  });
});

describe('anchoring in a huge text', () => {
  // ~230k UTF-16 units: the seed a hundred times, the phrase 400 times.
  const huge = Array.from({ length: 100 }, (_, i) => seed.replace('On August 26', `On August 26 (part ${i})`)).join('\n');
  const { quote, position, found } = highlight(huge, PHRASE, 302);

  it('re-anchors by context among hundreds of occurrences quickly', () => {
    const edited = insertedParagraph + huge;
    const started = performance.now();
    const result = anchor(edited, quote, position);
    const elapsed = performance.now() - started;
    const shift = [...insertedParagraph].length;
    assert.deepEqual(result, { start: found.start + shift, end: found.end + shift, status: 'quote' });
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });

  it('re-anchors a long edited quote quickly', () => {
    const opening = 'On August 26 (part 74), Jiao Jiguo, deputy secretary of the Party Working Committee and director';
    const long = highlight(huge, opening, 1);
    const edited = huge.replaceAll('deputy secretary', 'deputy Party secretary');
    const started = performance.now();
    const result = anchor(edited, long.quote, long.position);
    const elapsed = performance.now() - started;
    const expected = findQuote(edited, opening.replace('deputy secretary', 'deputy Party secretary'));
    assert.deepEqual(result, { ...expected, status: 'fuzzy' });
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });
});
