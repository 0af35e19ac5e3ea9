import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { isClipdeskError } from '../../electron/core/errors.js';
import type { Library } from '../../electron/core/library.js';
import { MAX_QUERY_LENGTH, parseQuery, toSqlQuery } from '../../electron/core/search/index.js';
import { tempLibrary } from '../helpers/temp-library.js';

/** Pieces of the query language and of the text people search, bad ones included. */
const PIECES = [
  '"', '“', '”', '-', ':', ' ', 'OR', 'or', 'AND', 'NOT', 'NEAR', 'tag:', 'source:', 'after:', 'before:', 'is:',
  'starred', 'annotated', '2023-08-26', '2023-02-30', '9999-99-99', 'china', '中国', '吉林高新', '東京', '서울', 'café',
  '😀', '𠀀', '\u0301', '\u200B', '\uD800', '\uDFFF', '\u0000', '\n', '*', '^', '(', ')', '{', '}', '[', ']', "'", '\\',
  '+', '.', 'ﬁ', 'İ', 'ß', 'Ｚ', '<script>', '%', '_', '&', '|',
];

const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 }));
const queries = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(piece, { maxLength: 16 }).map((parts) => parts.join('')),
);

/** True when `action` returns, or throws the BAD_QUERY error a user sees; fails on anything else. */
function searchesOrRefuses(action: () => unknown, query: string): boolean {
  try {
    action();
    return true;
  } catch (error) {
    assert.ok(isClipdeskError(error) && error.code === 'BAD_QUERY', `${JSON.stringify(query)} threw ${String(error)}`);
    return false;
  }
}

describe('the query parser under random input', () => {
  it('parses any query or refuses it as BAD_QUERY, and turns every parse into SQL', () => {
    fc.assert(fc.property(queries, (query) => {
      searchesOrRefuses(() => {
        const parsed = parseQuery(query);
        assert.deepEqual(parseQuery(query), parsed, 'the same query parses the same way');
        for (const term of [...parsed.groups.flat(), ...parsed.exclude]) {
          assert.ok(term.terms.length > 0 && term.terms.every(Boolean), 'no empty terms');
        }
        const sql = toSqlQuery(parsed);
        assert.ok(sql.match === null || sql.match.length > 0);
      }, query);
    }), { numRuns: 3000 });
  });

  it('refuses any query over the length limit at once', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: MAX_QUERY_LENGTH + 1, maxLength: MAX_QUERY_LENGTH + 50 }), (query) => {
      const started = performance.now();
      assert.equal(searchesOrRefuses(() => parseQuery(query), query), false);
      assert.ok(performance.now() - started < 50);
    }), { numRuns: 50 });
  });

  describe('searching a real library', () => {
    let library: Library;
    let cleanup: () => Promise<void>;

    before(async () => {
      ({ library, cleanup } = await tempLibrary());
      for (const text of ['China trade with 中国医药保健品进出口商会 in 吉林高新区, a café', 'Zürich <script> 東京都 서울에서 😀 "quoted" OR']) {
        const { clip } = await library.import({ kind: 'text', text });
        await library.addTags(clip.id, ['china', 'north korea']);
      }
    });
    after(async () => {
      library.close();
      await cleanup();
    });

    it('answers any query or refuses it as BAD_QUERY, never with a database error', async () => {
      let answered = 0;
      await fc.assert(fc.asyncProperty(queries, async (query) => {
        try {
          const result = await library.search(query);
          assert.ok(result.hits.length <= result.total);
          answered++;
        } catch (error) {
          assert.ok(isClipdeskError(error) && error.code === 'BAD_QUERY', `${JSON.stringify(query)} threw ${String(error)}`);
        }
      }), { numRuns: 500 });
      assert.ok(answered > 100, `only ${answered} of 500 random queries were answered`);
    });
  });
});
