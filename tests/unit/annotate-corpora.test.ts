// Runs the external anchoring corpora (../shared/corpora/anchoring, read in place) against the
// string-level annotate functions. The apache-annotator cases are DOM ranges: each page is parsed with
// jsdom and flattened to its text content, and every expected (XPath, offset) boundary becomes an offset
// in that text. We compare offsets rather than DOM boundary points because a node edge is ambiguous
// (the end of one text node is the start of the next) and upstream's matchers pick different sides.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { TextPositionSelector, TextQuoteSelector } from '../../electron/api.js';
import { anchor, describeRange, matchTextQuote } from '../../electron/core/annotate/index.js';
import { CodePointMap } from '../../electron/core/annotate/code-points.js';
import { fuzzySearch, type FuzzyMatch } from '../../electron/core/annotate/fuzzy-search.js';

const corpora = new URL('../../../shared/corpora/anchoring/', import.meta.url);
const readCorpus = (path: string): unknown => JSON.parse(readFileSync(new URL(path, corpora), 'utf8'));

interface DomRange {
  startContainerXPath: string;
  startOffset: number;
  endContainerXPath: string;
  endOffset: number;
}
interface Range {
  start: number;
  end: number;
}

/** The text content of an HTML page, head included, and a way to turn a DOM boundary into a UTF-16 offset. */
function flatten(html: string): { text: string; unitRange: (range: DomRange) => Range } {
  const { document, NodeFilter } = new JSDOM(html).window;
  const starts = new Map<Node, number>();
  let text = '';
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    starts.set(node, text.length);
    text += node.nodeValue ?? '';
  }
  const offsetOf = (xpath: string, offset: number): number => {
    const node = document.evaluate(xpath, document, null, 9 /* FIRST_ORDERED_NODE_TYPE */, null).singleNodeValue;
    const start = node ? starts.get(node) : undefined;
    assert.notEqual(start, undefined, `${xpath} is not a text node of the page`);
    return (start as number) + offset;
  };
  const unitRange = (range: DomRange): Range => ({
    start: offsetOf(range.startContainerXPath, range.startOffset),
    end: offsetOf(range.endContainerXPath, range.endOffset),
  });
  return { text, unitRange };
}

/** UTF-16 offsets to code points, counted independently of the code under test. */
function codePointRange(text: string, { start, end }: Range): Range {
  const count = (unit: number) => [...text.slice(0, unit)].length;
  return { start: count(start), end: count(end) };
}

type Cases<T> = Record<string, T>;

describe('apache-annotator text quote match cases', () => {
  const { testCases } = readCorpus('apache-annotator/text-quote-match-cases.json') as {
    testCases: Cases<{ html: string; selector: TextQuoteSelector; expected: DomRange[] }>;
  };
  for (const [name, { html, selector, expected }] of Object.entries(testCases)) {
    it(`finds every match: ${name}`, () => {
      const { text, unitRange } = flatten(html);
      const want = expected.map((range) => codePointRange(text, unitRange(range)));
      assert.deepEqual(matchTextQuote(text, selector), want);
    });
  }
});

describe('apache-annotator text quote describe cases', () => {
  const groups = readCorpus('apache-annotator/text-quote-describe-cases.json') as Cases<
    Cases<{ html: string; range: DomRange; expected: TextQuoteSelector }>
  >;
  for (const [group, cases] of Object.entries(groups)) {
    for (const [name, { html, range, expected }] of Object.entries(cases)) {
      it(`describes a range that anchors back to itself: ${group} / ${name}`, () => {
        const { text, unitRange } = flatten(html);
        const { start, end } = codePointRange(text, unitRange(range));
        if (start === end) {
          // Clipdesk refuses empty highlights, where upstream describes a caret position.
          assert.throws(() => describeRange(text, start, end), { code: 'BAD_INPUT' });
          return;
        }
        const { quote, position } = describeRange(text, start, end);
        assert.equal(quote.exact, expected.exact);
        // Both contexts are cut from the same text, so upstream's minimal one and our 32-code-point one agree.
        assert.ok(isAffix(quote.prefix, expected.prefix, 'end'), `prefix ${quote.prefix} vs ${expected.prefix}`);
        assert.ok(isAffix(quote.suffix, expected.suffix, 'start'), `suffix ${quote.suffix} vs ${expected.suffix}`);
        assert.deepEqual(matchTextQuote(text, quote), [{ start, end }], 'the quote selector alone is unambiguous');
        assert.deepEqual(anchor(text, quote, position), { start, end, status: 'exact' });
        const lostPosition: TextPositionSelector = { type: 'TextPositionSelector', start: 0, end: 0 };
        assert.deepEqual(anchor(text, quote, lostPosition), { start, end, status: 'quote' });
      });
    }
  }
});

/** Whether the shorter string is the start (or end) of the longer one. */
function isAffix(a: string, b: string, side: 'start' | 'end'): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return side === 'start' ? long.startsWith(short) : long.endsWith(short);
}

describe('apache-annotator text position match cases', () => {
  const { testCases } = readCorpus('apache-annotator/text-position-match-cases.json') as {
    testCases: Cases<{ html: string; selector: TextPositionSelector; expected: DomRange[] }>;
  };
  for (const [name, { html, selector, expected }] of Object.entries(testCases)) {
    it(`counts positions in code points: ${name}`, () => {
      const { text, unitRange } = flatten(html);
      assert.equal(expected.length, 1);
      const units = unitRange(expected[0] as DomRange);
      const map = new CodePointMap(text);
      assert.deepEqual({ start: map.toUnits(selector.start), end: map.toUnits(selector.end) }, units);
      assert.deepEqual({ start: map.toCodePoints(units.start), end: map.toCodePoints(units.end) }, codePointRange(text, units));
      if (selector.start === selector.end) return; // an empty range has no quote to anchor
      const { quote } = describeRange(text, selector.start, selector.end);
      assert.equal(quote.exact, text.slice(units.start, units.end));
      assert.deepEqual(anchor(text, quote, selector), { start: selector.start, end: selector.end, status: 'exact' });
    });
  }
});

describe('approx-string-match fixtures', () => {
  const fixtures = readCorpus('approx-string-match/fixtures.json') as {
    extra: Array<{ text: string; pattern: string; maxErrors: number; expected: FuzzyMatch[] }>;
    groups: Cases<Array<[string, string, FuzzyMatch[]]>>;
  };
  const byPosition = (a: FuzzyMatch, b: FuzzyMatch) => a.start - b.start || a.end - b.end;
  const check = (text: string, pattern: string, maxErrors: number, expected: FuzzyMatch[]) => {
    const found = fuzzySearch(text, pattern, maxErrors);
    const fewest = Math.min(...found.map((match) => match.errors));
    const best = found.filter((match) => match.errors === fewest);
    if (best.length === 1 && expected.length > 1) {
      assert.ok(expected.some((match) => match.start === best[0]?.start && match.end === best[0].end && match.errors === best[0].errors));
    } else {
      assert.deepEqual(best.sort(byPosition), [...expected].sort(byPosition));
    }
  };
  for (const [group, cases] of Object.entries(fixtures.groups)) {
    for (const [text, pattern, expected] of cases) {
      it(`finds the closest matches: ${group} / ${pattern} in ${text}`, () => check(text, pattern, pattern.length, expected));
    }
  }
  for (const { text, pattern, maxErrors, expected } of fixtures.extra) {
    it(`respects the error budget: ${pattern} in "${text}" with ${maxErrors} errors`, () => check(text, pattern, maxErrors, expected));
  }
});
