import { test as base } from '@playwright/test';
import { startWebHost } from '../../electron/hosts/web.js';
import type { WebHost } from '../../electron/hosts/web.js';
import type { Library } from '../../electron/core/library.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import type { TestScope } from '../helpers/cleanup-scope.js';
import { tempLibrary } from '../helpers/temp-library.js';

/**
 * Every spec gets the real app: a fresh library in a temp folder, the web host on a free loopback
 * port, and the page opened at the URL the host prints (token included). `scope` takes a spec's own
 * cleanups (a page server, say), as node:test's `t` does; `library` alone is the library without a host.
 */
export const test = base.extend<{ scope: TestScope; library: Library; app: { library: Library; host: WebHost } }>({
  scope: async ({}, use) => {
    await using scope = new CleanupScope();
    await use(scope);
  },
  library: async ({ scope }, use) => {
    await use((await tempLibrary(scope)).library);
  },
  app: async ({ page, library }, use) => {
    const host = await startWebHost(library);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await use({ library, host });
    await host.close();
  },
});

export { expect } from '@playwright/test';

// --- Helpers for the reader, highlight, tag, editing, keyboard and accessibility specs -----------

import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ClipSummary } from '../../electron/api.js';
import { SEED_FILE } from '../helpers/seed.js';

/** Clips the shared seed article (a plain-text clipping) straight into the library, as if from a page at `url`. */
export async function importSeed(library: Library, url = 'https://news.example/jilin-exchange'): Promise<ClipSummary> {
  const { clip } = await library.import({ kind: 'text', text: await readFile(SEED_FILE, 'utf8'), url });
  return clip;
}

/** Opens the clip whose row in the library list names `title`, and waits for the reader to show it. */
export async function openClip(page: Page, title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Clips' }).getByRole('option', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/**
 * Selects the `occurrence`-th appearance of `text` in the open clip's article, as a person dragging
 * over it would (a DOM Selection inside the reader's shadow root), and returns the 200 characters of
 * article text before it, so a spec can check a highlight later lands on this very passage.
 */
export async function selectInArticle(page: Page, text: string, occurrence = 1): Promise<string> {
  return page.getByRole('region', { name: 'Article text' }).evaluate((article, [wanted, nth]) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((node) => node.data).join('');
    let at = -1;
    for (let n = 0; n < nth; n++) {
      at = whole.indexOf(wanted, at + 1);
      if (at < 0) throw new Error(`"${wanted}" (occurrence ${nth}) is not in the article`);
    }
    const locate = (offset: number, end: boolean): [Text, number] => {
      let base = 0;
      for (const node of nodes) {
        if (offset < base + node.length || (end && offset === base + node.length)) return [node, offset - base];
        base += node.length;
      }
      throw new Error('offset past the article');
    };
    const [startNode, startOffset] = locate(at, false);
    const [endNode, endOffset] = locate(at + wanted.length, true);
    startNode.parentElement?.scrollIntoView({ block: 'center' });
    document.getSelection()?.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
    return whole.slice(Math.max(0, at - 200), at);
  }, [text, occurrence] as const);
}
