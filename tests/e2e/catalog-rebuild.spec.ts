import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Library } from '../../electron/core/library.js';
import { startWebHost } from '../../electron/hosts/web.js';
import { sampleText } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';
import { expect, test } from './fixtures.js';

/**
 * A library whose index is damaged opens at once, and the window shows the rebuild going on: the
 * clips as they are listed, a progress bar, then the whole list. A few hundred clips rebuild in well
 * under a second, so the rebuild pauses after each batch it writes (rebuildPauseMs, a hook for tests
 * only): at 100,000 clips the real thing runs for minutes.
 */

const CLIPS = 300;

test('the window shows the rebuild of a damaged index, then every clip', async ({ page, scope }) => {
  test.setTimeout(120_000);
  const { dir, library: filling } = await tempLibrary(scope);
  await filling.importMany(Array.from({ length: CLIPS }, (_, n) => ({ kind: 'text' as const, text: sampleText(n) })));
  await filling.close();
  await writeFile(join(dir, 'index.sqlite'), 'damaged');

  const library = await Library.open(dir, { rebuildInBackground: true, rebuildPauseMs: 500 });
  scope.after(() => library.close());
  const host = await startWebHost(library);
  scope.after(() => host.close());
  await page.goto(host.url);

  const rebuild = page.getByRole('status').filter({ hasText: 'Rebuilding the library index' });
  await expect(rebuild).toBeVisible();
  await expect(rebuild.getByRole('progressbar', { name: 'Rebuilding the library index' })).toBeVisible();
  // On a busy machine listing the clips alone can outlast expect's default 5 s.
  await expect(rebuild).toContainText(new RegExp(`of ${CLIPS}`), { timeout: 20_000 });
  await expect(page.getByText(`${CLIPS} clips`, { exact: true })).toBeVisible();
  await expect(rebuild).toBeHidden({ timeout: 30_000 });
  expect(library.catalogStatus().rebuilding).toBe(false);
  // Every text is indexed: a word only the articles' bodies have finds them all.
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('inspectors');
  await expect(page.getByText(`${CLIPS} clips found`)).toBeVisible();
});
