import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aebPages, cwcedPages, half } from '../bench/extraction-corpora.js';
import { bodyScores, clipdesk, runExtractor } from '../bench/extraction-run.js';

/**
 * Extraction quality must not slide back. Floors are what Clipdesk measured on the even half of
 * each corpus (to stay within ~30 s), minus 0.01 for noise; raise them when extraction improves. zh fell
 * 0.011 when the folded-box rule went (it fitted one page of that half only); en rose 0.004 with the
 * UI-label, teaser, photo-credit and date-stamp rules, then 0.0035 with the sign-up box, author box and
 * same-site link rules; zh 0.0005 with the wiki edit-link rule; en 0.0019 with the calls-to-action rule.
 * `npm run bench:extract` scores the whole corpora against Readability.
 */
const FLOOR = { en: 0.9604, zh: 0.9351 };

test('body text extraction keeps its F1 on the English (aeb) and Chinese (cwced) corpora', { timeout: 120_000 }, () => {
  for (const [lang, pages] of [['en', half(aebPages(), 'even')], ['zh', half(cwcedPages(), 'even')]] as const) {
    const { f1 } = bodyScores(pages, runExtractor(clipdesk, pages).outputs);
    console.log(`extraction F1 ${lang}: ${f1.toFixed(4)} over ${pages.length} pages (floor ${FLOOR[lang]})`);
    assert.ok(f1 >= FLOOR[lang], `F1 ${lang} fell to ${f1.toFixed(4)}, below the floor ${FLOOR[lang]}`);
  }
});
