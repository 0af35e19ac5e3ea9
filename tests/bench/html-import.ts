import { join } from 'node:path';
import { Library } from '../../electron/core/library.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { tempDir } from '../helpers/temp-library.js';
import { aebPages } from './extraction-corpora.js';
import { SCHEMA, openBaseline, segmented } from './fts5.js';
import type { Sqlite } from '../../electron/core/sqlite-driver.js';
import { readabilityExtract } from './readability-baseline.js';

/**
 * Import throughput of real HTML pages (the first `count` of the 121 aeb pages), each through library.import({kind:
 * 'html'}) into a fresh library; the baseline does what a Readability-based tool does with the same
 * pages: jsdom + Readability, then one FTS5 insert. Start-up (module loading) is excluded from both.
 */
export async function htmlImportRates(
  Driver: Sqlite | null,
  count: number,
): Promise<{ clipdesk: number; baseline: number | null; pages: number }> {
  const pages = aebPages().slice(0, count).map((page) => ({ html: new TextDecoder().decode(page.bytes), url: page.url }));
  await using scope = new CleanupScope();
  const dir = await tempDir(scope, 'clipdesk-bench-html-');
  // Extraction against extraction: pictures are measured apart (picture-import.ts), not fetched from the web here.
  const library = await Library.open(join(dir, 'library'), { pictures: false });
  await library.import({ kind: 'html', html: '<title>warm-up</title><p>Extraction modules load on first use.</p>' });
  let start = performance.now();
  for (const page of pages) await library.import({ kind: 'html', html: page.html, url: page.url });
  const clipdesk = pages.length / ((performance.now() - start) / 1000);
  if (!Driver) return { clipdesk, baseline: null, pages: pages.length };

  const db = openBaseline(Driver, join(dir, 'baseline.sqlite'));
  db.exec(SCHEMA);
  const insert = db.prepare('insert into clips (title, text, tags, source, notes, cid, published) values (?, ?, ?, ?, ?, ?, ?)');
  readabilityExtract('<title>warm-up</title><p>jsdom loads on first use.</p>', undefined);
  start = performance.now();
  pages.forEach((page, i) => {
    const article = readabilityExtract(page.html, page.url);
    insert.run(segmented(article.title), segmented(article.text), '', '', '', String(i), article.publishedTime);
  });
  const baseline = pages.length / ((performance.now() - start) / 1000);
  db.close();
  return { clipdesk, baseline, pages: pages.length };
}
