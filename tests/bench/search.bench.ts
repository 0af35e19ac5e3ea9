/**
 * `npm run bench [-- --clips N] [--json]`: builds a real library of N generated clips through the
 * Library facade, then measures import, cold start and search latency against a named baseline
 * measured in the same run (a linear scan of the same texts, what a library without an index does).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Library } from '../../electron/core/library.js';
import { generateClips, random } from './corpus.js';
import type { BenchClip } from './corpus.js';
import { machine, percentile, printResults, timeIt } from './report.js';
import type { BenchResult } from './report.js';

const { values } = parseArgs({ options: { clips: { type: 'string', default: '1000' }, queries: { type: 'string', default: '300' }, json: { type: 'boolean' } } });
const clipCount = Number(values.clips);
const queryCount = Number(values.queries);

const dir = await mkdtemp(join(tmpdir(), 'clipdesk-bench-'));
try {
  const clips = [...generateClips(clipCount)];
  const results: BenchResult[] = [];
  let library = await Library.open(dir);

  const importMs = await timeIt(async () => {
    for (const clip of clips) {
      const { clip: saved } = await library.import({ kind: 'text', text: `${clip.title}\n\n${clip.text}` });
      await library.addTags(saved.id, clip.tags);
    }
  });
  results.push({ metric: 'import.clips_per_s', value: clipCount / (importMs / 1000), unit: 'clips/s' });

  const queries = makeQueries(clips, queryCount);
  const scan = clips.map((clip) => ({ text: `${clip.title}\n${clip.text}`.toLowerCase(), tags: clip.tags }));
  const baselineTimes = queries.map((query) => timeSync(() => linearScan(scan, query)));

  const coldMs = await timeIt(async () => {
    library = await Library.open(dir);
    await library.search(queries[0] ?? 'the');
  });
  results.push({ metric: 'cold_start_ms', value: coldMs, unit: 'ms' });

  const times: number[] = [];
  for (const query of queries) times.push(await timeIt(() => library.search(query, { limit: 20 })));
  for (const [name, p] of [['p50', 50], ['p95', 95], ['max', 100]] as const) {
    const value = percentile(times, p);
    const baselineValue = percentile(baselineTimes, p);
    results.push({ metric: `search.${name}_ms`, value, unit: 'ms', baseline: 'linear scan', baselineValue, ratio: value / baselineValue });
  }
  printResults({ clips: clipCount, machine: machine(), results }, Boolean(values.json));
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** Realistic queries: 1-3 words, prefixes typed key by key, phrases, tag filters, Chinese words. */
function makeQueries(clips: BenchClip[], count: number): string[] {
  const next = random(7);
  const words = (clip: BenchClip) => clip.text.split(/[^\p{L}\p{N}]+/u).filter((word) => /^[a-z]{4,}$/i.test(word));
  const queries: string[] = [];
  while (queries.length < count) {
    const clip = clips[Math.floor(next() * clips.length)];
    if (!clip) break;
    const kind = Math.floor(next() * 5);
    if (clip.language === 'zh') {
      const start = Math.floor(next() * Math.max(1, clip.text.length - 4));
      const han = clip.text.slice(start, start + (next() < 0.5 ? 2 : 4));
      if (/^\p{Script=Han}+$/u.test(han)) queries.push(han);
      continue;
    }
    const w = words(clip);
    const at = Math.floor(next() * Math.max(1, w.length - 3));
    const word = (w[at] ?? 'market').toLowerCase();
    if (kind === 0) for (let n = 1; n <= Math.min(4, word.length); n++) queries.push(word.slice(0, n));
    else if (kind === 1) queries.push(`"${w.slice(at, at + 2).join(' ')}"`);
    else if (kind === 2) queries.push(`tag:${clip.tags[0]} ${word}`);
    else queries.push(w.slice(at, at + 1 + Math.floor(next() * 3)).join(' '));
  }
  return queries.slice(0, count);
}

function linearScan(docs: Array<{ text: string; tags: string[] }>, query: string): number {
  const tag = /tag:(\S+)/.exec(query)?.[1];
  const terms = query.replace(/tag:\S+/, '').replaceAll('"', '').toLowerCase().split(/\s+/).filter(Boolean);
  return docs.filter((doc) => (!tag || doc.tags.includes(tag)) && terms.every((term) => doc.text.includes(term))).length;
}

function timeSync(task: () => unknown): number {
  const start = performance.now();
  task();
  return performance.now() - start;
}
