import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BENCH = fileURLToPath(new URL('../bench/search.bench.ts', import.meta.url));
const DIGEST_BENCH = fileURLToPath(new URL('../bench/digest.bench.ts', import.meta.url));
const SYNC_BENCH = fileURLToPath(new URL('../bench/sync.bench.ts', import.meta.url));

/** CI runs the search bench small, for its shape only: timings on shared CI machines prove nothing. */
test('the search bench prints one JSON document with named results', { timeout: 180_000 }, async () => {
  const args = ['--import', 'tsx', BENCH, '--clips', '200', '--queries', '30', '--pocket', '60', '--json'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const report = JSON.parse(stdout) as { clips: unknown; machine: unknown; results: Array<Record<string, unknown>> };
  assert.equal(report.clips, 200);
  assert.equal(typeof report.machine, 'object');
  const metrics = report.results.map((result) => result.metric);
  const expected = [
    'search.p50_ms', 'search.p95_ms', 'search.max_ms', 'cold_start_ms', 'tag_edit.ms', 'tag_edit.bytes_written',
    'import.clips_per_s', 'rss.in_use_mb', 'disk.bytes_per_clip', 'disk.pictures.bytes_per_clip',
    'disk.whole_articles.en.bytes_per_clip', 'disk.whole_articles.zh.bytes_per_clip', 'disk.whole_articles.mixed.bytes_per_clip',
    'disk.whole_articles.mixed.fts5_bytes_per_clip', 'search.headline_words.p95_ms',
    'search.whole_articles.en.p50_ms', 'search.whole_articles.en.p95_ms', 'search.whole_articles.zh.p95_ms',
    'import_pictures.ms_per_clip', 'import_pictures.bytes_per_clip', 'library_import.s', 'library_import.live_mb',
    'library_import.peak_rss_mb', 'fill_batch.s_per_10k', 'list.page_ms', 'search.known_item.mrr',
  ];
  for (const metric of expected) {
    assert.ok(metrics.includes(metric), `${metric} is reported`);
  }
  for (const result of report.results) {
    assert.equal(typeof result.value, 'number', `${String(result.metric)} has a numeric value`);
    assert.equal(typeof result.unit, 'string');
    if (result.baseline !== undefined) {
      assert.equal(typeof result.baselineValue, 'number');
      assert.equal(typeof result.ratio, 'number');
    }
  }
});

test('the press review bench prints each content\'s HTML and PDF times next to its one-page baseline', { timeout: 120_000 }, async () => {
  const args = ['--import', 'tsx', DIGEST_BENCH, '--items', '4', '--runs', '1', '--json'];
  const { stdout } = await promisify(execFile)(process.execPath, args);
  const { results } = JSON.parse(stdout) as { results: Array<{ metric: string; value: number; baseline?: string; ratio?: number }> };
  const metrics = results.map((result) => result.metric);
  for (const content of ['highlights', 'excerpt', 'full']) {
    assert.ok(metrics.includes(`digest.${content}.html_ms`));
    const pdf = results.find((result) => result.metric === `digest.${content}.pdf_ms`);
    assert.equal(pdf?.baseline, 'Chromium printing one page');
    assert.ok((pdf?.ratio ?? 0) > 0);
  }
});

test('the sync bench prints first-sync and tag-edit times and bytes next to plain PouchDB replication', { timeout: 180_000 }, async () => {
  const args = ['--import', 'tsx', SYNC_BENCH, '--clips', '30', '--json'];
  const { stdout } = await promisify(execFile)(process.execPath, args);
  const { results } = JSON.parse(stdout) as { results: Array<{ metric: string; value: number; baseline?: string; ratio?: number }> };
  const receive = results.find((result) => result.metric === 'first_sync.receive_ms');
  assert.equal(receive?.baseline, 'plain PouchDB replication of the same documents');
  assert.ok((receive?.ratio ?? 0) > 0);
  for (const metric of ['first_sync.send_bytes', 'first_sync.receive_bytes', 'tag_edit.send_ms', 'tag_edit.receive_bytes']) {
    assert.ok((results.find((result) => result.metric === metric)?.value ?? 0) > 0, metric);
  }
});
