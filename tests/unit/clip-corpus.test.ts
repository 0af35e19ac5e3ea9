import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { clipFromHtml } from '../../electron/core/clip/index.js';

/** Third-party pages with human ground truth, used by path (see ../shared/corpora/README.md). */
const corpora = new URL('../../../shared/corpora/extraction/', import.meta.url);
const skip = existsSync(corpora) ? false : 'the shared corpora are not on this machine';
const PAGES = 5;

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}_]+/gu;

/** Upstream's metric: 4-gram shingles of \w+ tokens, every CJK character its own token. */
function shingles(text: string): Set<string> {
  const tokens = text.match(TOKEN) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + 4 <= tokens.length; i += 1) set.add(tokens.slice(i, i + 4).join(' '));
  return set;
}

function overlap(ours: string, truth: string): { precision: number; recall: number } {
  const mine = shingles(ours);
  const theirs = shingles(truth);
  let shared = 0;
  for (const shingle of mine) if (theirs.has(shingle)) shared += 1;
  return { precision: mine.size ? shared / mine.size : 0, recall: theirs.size ? shared / theirs.size : 1 };
}

function assertGoodExtraction(id: string, text: string, truth: string): void {
  const { precision, recall } = overlap(text, truth);
  assert.ok(text.length > 100, `${id}: only ${text.length} characters extracted`);
  assert.ok(recall > 0.5, `${id}: recall ${recall.toFixed(2)}`);
  assert.ok(precision > 0.3, `${id}: precision ${precision.toFixed(2)}`);
}

describe('extraction against human ground truth', { skip }, () => {
  it('extracts the article body of English pages (aeb)', () => {
    const truthJson = readFileSync(new URL('aeb/ground-truth.json', corpora), 'utf8');
    const truth = JSON.parse(truthJson) as Record<string, { articleBody: string; url: string }>;
    for (const id of Object.keys(truth).sort().slice(0, PAGES)) {
      const entry = truth[id];
      assert.ok(entry);
      const bytes = gunzipSync(readFileSync(new URL(`aeb/html/${id}.html.gz`, corpora)));
      const clip = clipFromHtml(bytes, { url: entry.url });
      assertGoodExtraction(id, clip.text, entry.articleBody);
    }
  });

  it('extracts the article body of Chinese pages in their own charsets (cwced-dev)', () => {
    const ids = readdirSync(new URL('cwced-dev/original/', corpora)).sort().slice(0, PAGES).map((name) => name.replace(/\.html$/, ''));
    for (const id of ids) {
      const clip = clipFromHtml(readFileSync(new URL(`cwced-dev/original/${id}.html`, corpora)));
      const truth = readFileSync(new URL(`cwced-dev/cleaned/${id}.txt`, corpora), 'utf8');
      assertGoodExtraction(id, clip.text, truth);
      assert.doesNotMatch(clip.text, /\uFFFD/, `${id}: undecodable bytes`);
      assert.equal(clip.language?.slice(0, 2), 'zh', id);
    }
  });
});
