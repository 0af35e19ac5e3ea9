import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { clipFromText } from '../../electron/core/clip/index.js';
import { parseSeedText } from '../../electron/core/clip/input/seed-text.js';
import { isClipdeskError } from '../../electron/core/errors.js';

/** Characters of clippings: Latin, CJK, an astral Han character, an emoji, punctuation, inner spaces. */
const WORD_CHARS = ['a', 'Z', 'é', '1', '中', '国', '港', '口', '。', '，', ',', '.', '-', '𠀀', '😀', ' ', '\u3000'];
const INDENTS = ['', '  ', '\t', '\u00a0\u00a0', '\u3000\u3000'];
/** Fragments that steer text towards and away from the seed format. */
const SEED_PIECES = [
  '来源', '时间', ':', '：', '\n', '\r\n', '\r', '\u3000', '\u00a0', '\uFEFF', '(', ')', '（', '）', ' ',
  '2023-08-26 13:36', '2023-13-45 99:99', 'x',
];

const words = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WORD_CHARS), { minLength: 1, maxLength }).map((chars) => chars.join('').trim()).filter((text) => text !== '');

const minute = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 16));

/** A clipping in the seed format, and what it says. */
const seedClippings = fc.record({
  title: words(60).filter((title) => !/^[\s\u3000]*(?:来源|时间)/.test(title)),
  source: fc.option(words(20), { nil: null }),
  published: minute,
  paragraphs: fc.array(words(80), { minLength: 1, maxLength: 5 }),
  byline: fc.option(words(40), { nil: null }),
  indent: fc.constantFrom(...INDENTS),
  newline: fc.constantFrom('\n', '\r\n'),
  colon: fc.constantFrom(':', '：'),
  sourceFirst: fc.boolean(),
  fullWidthParentheses: fc.boolean(),
});

type SeedClippingParts = typeof seedClippings extends fc.Arbitrary<infer T> ? T : never;

function render(parts: SeedClippingParts): string {
  const { colon, indent, newline } = parts;
  const fields = [`来源${colon} ${parts.source ?? ''}`, `时间${colon} ${parts.published.replace('T', ' ')}`];
  const header = (parts.sourceFirst ? fields : fields.reverse()).join('\u3000\u3000');
  const [open, close] = parts.fullWidthParentheses ? ['（', '）'] : [' (', ')'];
  const lines = parts.paragraphs.map((paragraph) => `${indent}${paragraph}`);
  if (parts.byline) lines[lines.length - 1] += `${open}${parts.byline}${close}`;
  return [parts.title, '', header, ...lines].join(newline) + newline;
}

const seedPiece = fc.oneof(fc.constantFrom(...SEED_PIECES), fc.string({ unit: 'binary', maxLength: 4 }));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(seedPiece, { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('the seed text importer under random input', () => {
  it('reads back the title, source, date, paragraphs and byline of any seed clipping', () => {
    fc.assert(fc.property(seedClippings, (parts) => {
      const parsed = parseSeedText(render(parts));
      assert.ok(parsed, 'recognised as a seed clipping');
      assert.deepEqual(
        {
          title: parsed.title, source: parsed.source, published: parsed.published?.iso,
          paragraphs: parsed.paragraphs, byline: parsed.byline,
        },
        {
          title: parts.title, source: parts.source, published: parts.published,
          paragraphs: parts.paragraphs, byline: parts.byline,
        },
      );
    }), { numRuns: 1000 });
  });

  it('never throws on any text, and what it reads is trimmed and non-empty', () => {
    fc.assert(fc.property(anyText, (text) => {
      const parsed = parseSeedText(text);
      if (!parsed) return;
      for (const value of [parsed.title, ...parsed.paragraphs, parsed.byline, parsed.source]) {
        if (value !== null) assert.ok(value !== '' && value === value.trim(), JSON.stringify(value));
      }
    }), { numRuns: 3000 });
  });

  it('imports any text as a clip or refuses it as BAD_INPUT, and never renders its markup', () => {
    fc.assert(fc.property(anyText, fc.boolean(), (text, markdown) => {
      try {
        const clip = clipFromText(text, { markdown });
        assert.ok(clip.title.length > 0);
        if (!markdown) assert.doesNotMatch(clip.content, /<(?!\/?(?:p|br)>)/, 'only the importer\'s own <p> and <br>');
      } catch (error) {
        assert.ok(isClipdeskError(error) && error.code === 'BAD_INPUT', `${JSON.stringify(text)} threw ${String(error)}`);
        assert.equal(text.trim(), '', 'only blank text is refused');
      }
    }), { numRuns: 500 });
  });

  it('reads long runs of spaces, parentheses and header words in linear time', () => {
    const pieces = fc.constantFrom(' ', '\u3000', '(', '来源:', '（x', '\n');
    const lengths = fc.integer({ min: 100_000, max: 200_000 });
    fc.assert(fc.property(pieces, lengths, (piece, length) => {
      const text = `Title\n\n来源: x 时间: 2023-08-26 13:36\na${piece.repeat(Math.ceil(length / piece.length))}b`;
      const started = performance.now();
      parseSeedText(text);
      parseSeedText(text.replace('Title', `T${piece.repeat(1000)}e`));
      assert.ok(performance.now() - started < 500, `${Math.round(performance.now() - started)} ms for ${JSON.stringify(piece)}`);
    }), { numRuns: 12 });
  });
});
