import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API_METHODS } from '../../electron/shared/api-methods.js';
import { resourcesTouchedBy } from '../../renderer/controllers/library-resources.js';
import type { Mutation, Resource } from '../../renderer/controllers/library-resources.js';

const READS = new Set([
  'list', 'get', 'search', 'tags', 'revisions', 'clipsMissingPictures', 'describeExport', 'fetchStatus', 'catalogStatus', 'exportAs',
  'digestItems', 'makeDigest', 'digestPresets', 'clipperInfo', 'notices', 'syncStatus', 'syncSettings', 'testSyncConnection',
]);
/**
 * Changes whose answer is all the window shows of what they change: the saved presets, in the
 * press-review dialog alone; the sync settings, whose answer is the status the sync indicator shows.
 */
const SELF_ANSWERING = new Set(['saveDigestPreset', 'deleteDigestPreset', 'saveSyncSettings']);
const MUTATIONS = [...API_METHODS.filter((method) => !READS.has(method) && !SELF_ANSWERING.has(method)), 'external'] as Mutation[];

function touched(mutation: Mutation): Resource[] {
  return [...resourcesTouchedBy(mutation)].sort();
}

test('starring, retitling or noting a clip refetches its list row, search hit and open clip, not the tags', () => {
  assert.deepEqual(touched('update'), ['clip', 'list', 'search']);
});

test('tagging a clip, or renaming, merging or deleting a tag, refetches the tags and everything that shows a clip’s tags', () => {
  for (const mutation of ['addTags', 'removeTags', 'renameTag', 'mergeTags', 'deleteTag'] as const) {
    assert.deepEqual(touched(mutation), ['clip', 'list', 'search', 'tags'], mutation);
  }
});

test('adding or deleting a highlight refetches the rows that count highlights, not the tags', () => {
  for (const mutation of ['annotate', 'deleteAnnotation'] as const) {
    assert.deepEqual(touched(mutation), ['clip', 'list', 'search'], mutation);
  }
});

test('a highlight’s new colour or note refetches the open clip and the search (notes are searchable), not the list', () => {
  assert.deepEqual(touched('updateAnnotation'), ['clip', 'search']);
});

test('trashing or restoring a clip refetches the list, its search hit, the tag counts, the trash and the clips missing pictures', () => {
  for (const mutation of ['trash', 'restore'] as const) {
    assert.deepEqual(touched(mutation), ['list', 'pictures', 'search', 'tags', 'trash'], mutation);
  }
  assert.deepEqual(touched('emptyTrash'), ['trash']);
});

test('restoring an earlier version refetches the open clip, its versions and its rows, not the tags', () => {
  assert.deepEqual(touched('restoreRevision'), ['clip', 'list', 'revisions', 'search']);
});

test('a clip imported here or made elsewhere refetches everything (it may be the open clip, or come back from the trash)', () => {
  const everything: Resource[] = ['clip', 'fetching', 'list', 'pictures', 'revisions', 'search', 'tags', 'trash'];
  assert.deepEqual(touched('import'), everything);
  assert.deepEqual(touched('external'), everything);
});

test('fetching a clip\'s missing pictures refetches the open clip and the count of clips missing some, not its summary', () => {
  assert.deepEqual(touched('fetchPictures'), ['clip', 'pictures']);
});

test('whatever refetches the list rows also refetches the search hits, which show the same summaries', () => {
  for (const mutation of MUTATIONS) {
    if (touched(mutation).includes('list')) assert.ok(touched(mutation).includes('search'), mutation);
  }
});

test('saving press-review presets or sync settings refetches nothing: the answer is what the window shows of them', () => {
  for (const mutation of SELF_ANSWERING) assert.deepEqual(touched(mutation as Mutation), [], mutation);
});

test('every change that writes through the API refetches something', () => {
  assert.equal(MUTATIONS.length, 21);
  for (const mutation of MUTATIONS) assert.ok(touched(mutation).length > 0, mutation);
});
