import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { tempDir } from '../helpers/temp-library.js';

// The scope e2e specs and scripts hand their cleanups to (node:test tests use `t`).

test('runs its cleanups when the block ends, in the order they were added', async () => {
  const ran: string[] = [];
  let dir = '';
  {
    await using scope = new CleanupScope();
    dir = await tempDir(scope, 'clipdesk-scope-');
    scope.after(() => ran.push(existsSync(dir) ? 'second, folder there' : 'second, folder gone'));
    ran.push('body');
  }
  assert.deepEqual(ran, ['body', 'second, folder gone']);
  assert.equal(existsSync(dir), false);
});

test('runs every cleanup even when some fail, and then reports each failure', async () => {
  const ran: number[] = [];
  const scope = new CleanupScope();
  scope.after(() => { throw new Error('first'); });
  scope.after(() => ran.push(2));
  scope.after(async () => { throw new Error('third'); });
  await assert.rejects(scope[Symbol.asyncDispose](), (error: AggregateError) => {
    assert.deepEqual(error.errors.map((e: Error) => e.message), ['first', 'third']);
    return true;
  });
  assert.deepEqual(ran, [2]);
  await scope[Symbol.asyncDispose](); // nothing is run twice
  assert.deepEqual(ran, [2]);
});
