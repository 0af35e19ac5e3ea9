import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isClipdeskError } from '../../electron/core/errors.js';
import { parseQuery } from '../../electron/core/search/index.js';

function rejects(query: string, pattern: RegExp): void {
  assert.throws(
    () => parseQuery(query),
    (error: unknown) => isClipdeskError(error) && error.code === 'BAD_QUERY' && pattern.test(error.message),
  );
}

test('groups words around OR: a OR b c = (a OR b) AND c', () => {
  const { groups } = parseQuery('a OR b c');
  assert.deepEqual(groups.map((group) => group.map((term) => term.text)), [['a', 'b'], ['c']]);
});

test('treats lower-case or as a plain word', () => {
  assert.equal(parseQuery('a or b').groups.length, 3);
});

test('marks only the last bare word as a prefix', () => {
  const terms = parseQuery('china "trade war" jap -x').groups.flat();
  assert.deepEqual(terms.map((term) => term.prefix), [false, false, true]);
});

test('reads phrases, exclusions and quoted tag names', () => {
  const parsed = parseQuery('"Zhou Hui" -"north korea" -spam tag:"North Korea" -tag:old');
  assert.equal(parsed.groups[0]?.[0]?.kind, 'phrase');
  assert.deepEqual(parsed.exclude.map((term) => [term.kind, term.text]), [['phrase', 'north korea'], ['word', 'spam']]);
  assert.deepEqual(parsed.filters, [
    { kind: 'tag', value: 'north korea', negate: false },
    { kind: 'tag', value: 'old', negate: true },
  ]);
});

test('closes an unterminated quote at the end of the query', () => {
  const term = parseQuery('"zhou hu').groups[0]?.[0];
  assert.deepEqual([term?.kind, term?.text], ['phrase', 'zhou hu']);
});

test('reads date, source and flag filters case-insensitively', () => {
  assert.deepEqual(parseQuery('AFTER:2023-08-01 before:2023-09-01 Source:Reuters is:Starred -is:annotated').filters, [
    { kind: 'after', day: '2023-08-01' },
    { kind: 'before', day: '2023-09-01' },
    { kind: 'source', value: 'reuters', negate: false },
    { kind: 'is', value: 'starred', negate: false },
    { kind: 'is', value: 'annotated', negate: true },
  ]);
});

test('keeps words with unknown colons, such as times and URLs, as words', () => {
  assert.deepEqual(parseQuery('10:30 http://example.com').filters, []);
  assert.equal(parseQuery('10:30 http://example.com').groups.length, 2);
});

test('drops terms without any word in them', () => {
  assert.deepEqual(parseQuery('!!! -- 😀').groups, []);
});

test('reports a bad date in after: as BAD_QUERY', () => {
  rejects('after:2023-13-01', /after:.*YYYY-MM-DD/);
  rejects('after:2023-02-30', /Bad date/);
  rejects('before:yesterday', /before:/);
});

test('reports an unknown is: value, naming the ones there are', () => rejects('is:flagged', /is:starred, is:annotated, is:unread, is:read or is:archived/));

test('reads is:unread, is:read and is:archived as read-state filters, negatable', () => {
  assert.deepEqual(parseQuery('harbour is:Unread -is:archived').filters, [
    { kind: 'state', value: 'unread', negate: false },
    { kind: 'state', value: 'archived', negate: true },
  ]);
});
test('reports a filter without a value', () => rejects('china tag:', /tag: needs a value/));
test('reports a query of only exclusions', () => rejects('-china -"north korea"', /only excludes/));
test('reports a dangling or misplaced OR', () => {
  rejects('OR china', /OR/);
  rejects('china OR', /OR/);
  rejects('china OR OR japan', /OR/);
  rejects('china OR -japan', /OR/);
  rejects('china OR tag:x', /OR/);
});
test('reports a negated date filter', () => rejects('china -after:2023-01-01', /cannot be negated/));
test('reports a query over 1000 characters', () => rejects('a '.repeat(501), /too long/));
