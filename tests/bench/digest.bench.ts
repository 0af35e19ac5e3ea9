/**
 * `npm run bench:digest [-- --items N] [--runs N] [--json]` (defaults: 100 items, 3 runs): what a person
 * waits for when making a press review of N clips (each with two highlights, ~900 words of generated
 * text from ../shared/corpora): the HTML, and the PDF printed by the system's Chromium for each kind of
 * content. Baseline: the same Chromium printing a one-page document in the same run, the fixed cost
 * of starting a browser that every PDF pays. Progress goes to stderr, results to stdout.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { DIGEST_CONTENTS } from '../../electron/api.js';
import type { DigestDefinition } from '../../electron/api.js';
import { chromiumPrinter } from '../../electron/core/digest/chromium-printer.js';
import { Library } from '../../electron/core/library.js';
import { CleanupScope } from '../helpers/cleanup-scope.js';
import { tempDir } from '../helpers/temp-library.js';
import { generateClips, seedText } from './corpus.js';
import { machine, median, printResults, timeIt } from './report.js';
import type { BenchResult } from './report.js';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean' } },
});
const items = Number(values.items);
const runs = Number(values.runs);
const BASELINE = 'Chromium printing one page';
const progress = (message: string) => console.error(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${message}`);

await using scope = new CleanupScope();
const dir = await tempDir(scope, 'clipdesk-digest-bench-');
const library = await Library.open(join(dir, 'library'), { pictures: false });
scope.after(() => library.close());

progress(`clipping ${items} generated clips with two highlights each`);
const clips = [...generateClips(items)];
const saved = await library.importMany(clips.map((clip) => ({ kind: 'text' as const, text: seedText(clip), tags: clip.tags })));
for (const result of saved) {
  if (!('clip' in result)) throw new Error(`a generated clip failed: ${result.reason}`);
  const { text } = await library.get(result.clip.id);
  const words = text.split(/\s+/).filter((word) => word.length > 6);
  await library.annotate(result.clip.id, { quote: words[3] ?? text.slice(0, 10), note: 'Worth quoting in the review.' });
  await library.annotate(result.clip.id, { quote: words[20] ?? text.slice(10, 20), color: 'green' });
}

const results: BenchResult[] = [];
const print = chromiumPrinter();
const onePage = '<!doctype html><html><head><meta charset="utf-8"><title>one</title></head><body><p>One page.</p></body></html>';
progress('baseline: one page');
await print(onePage, { paper: 'a4', header: 'x' }); // the first launch also loads playwright-core
const baseline = median(await repeat(() => print(onePage, { paper: 'a4', header: 'x' })));
results.push({ metric: 'baseline.one_page_pdf_ms', value: baseline, unit: 'ms' });

for (const content of DIGEST_CONTENTS) {
  const definition: DigestDefinition = { title: 'Bench review', query: '', group: 'tag', content, order: 'date', paper: 'a4' };
  progress(`${content}: HTML and PDF`);
  const htmlMs = median(await repeat(() => library.digests.make(definition, 'html')));
  let pdf: Uint8Array = new Uint8Array();
  const pdfMs = median(await repeat(async () => {
    pdf = (await library.digests.make(definition, 'pdf')).bytes;
  }));
  const file = join(dir, `${content}.pdf`);
  await writeFile(file, pdf);
  const pages = Number(/^Pages:\s+(\d+)/m.exec((await promisify(execFile)('pdfinfo', [file])).stdout)?.[1]);
  const note = `${items} items, ${pages} pages, ${(pdf.byteLength / 1e6).toFixed(1)} MB`;
  results.push({ metric: `digest.${content}.html_ms`, value: htmlMs, unit: 'ms', note: `${items} items` });
  const compared = { baseline: BASELINE, baselineValue: baseline, ratio: pdfMs / baseline };
  results.push({ metric: `digest.${content}.pdf_ms`, value: pdfMs, unit: 'ms', ...compared, note });
}

printResults({ clips: items, machine: machine(), results }, Boolean(values.json));

async function repeat(task: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await timeIt(task));
  return times;
}
