import type { ImportInput } from '../../electron/api.js';

/**
 * Article inputs for crash and concurrency runs. Every article carries one unique marker word in its
 * title and text, so a verifier can ask the search index for exactly that clip.
 */

export const ARTICLE_FORMATS = ['text', 'html', 'chinese'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** A word no other run or operation produces, e.g. 'zzbcziky'. */
export function markerWord(run: number, op: number, lane = 0): string {
  // Digits as letters a-p, 'z' between the numbers and 'y' at the end: no marker is a prefix of
  // another, so the search's prefix match on the last query word cannot find a second clip.
  return `zz${letters(lane)}z${letters(run)}z${letters(op)}y`;
}

/** The marker words in a piece of text (a title, a note). */
export function markersIn(text: string): string[] {
  return text.match(/\bzz[a-p]+z[a-p]+z[a-p]+y\b/g) ?? [];
}

function letters(n: number): string {
  return n.toString(16).replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

/** The import of one article; the same arguments give byte-identical input (so re-imports are unchanged). */
export function articleInput(format: ArticleFormat, word: string, url: string | undefined): ImportInput {
  switch (format) {
    case 'text': return { kind: 'text', text: englishText(word), url };
    case 'html': return { kind: 'html', html: englishHtml(word), url };
    case 'chinese': return { kind: 'text', text: chineseText(word), url };
  }
}

const TOPICS = ['harbour', 'railway', 'budget', 'election', 'vaccine', 'drought', 'festival', 'refinery'];

function topicOf(word: string): string {
  let hash = 0;
  for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TOPICS[hash % TOPICS.length] ?? 'harbour';
}

function englishParagraphs(word: string): string[] {
  const topic = topicOf(word);
  return [
    `The ${topic} authority published its quarterly figures today, and marker ${word} appears here once.`,
    `Officials said the ${topic} programme would continue next year despite objections from several groups. ` +
      'Inspectors reviewed the accounts line by line, and a spokesperson promised a fuller statement soon.',
    `Local residents interviewed about the ${topic} described long queues, rising prices and some optimism. ` +
      'Analysts expect the numbers to move again before the end of the season.',
    'The crashcorpus archive keeps every report of this series for later comparison.',
  ];
}

function englishText(word: string): string {
  return [`Report on the ${topicOf(word)} ${word}`, ...englishParagraphs(word)].join('\n\n');
}

function englishHtml(word: string): string {
  const title = `Report on the ${topicOf(word)} ${word}`;
  const body = englishParagraphs(word).map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>\n${body}</article><footer>News desk</footer></body></html>`;
}

/** The seed clipping format (../shared/design.md): title, blank line, 来源/时间 header, indented paragraphs. */
function chineseText(word: string): string {
  const nbsp = '\u00a0\u00a0';
  return [
    `港口吞吐量再创新高 ${word}`,
    '',
    '来源: 新华社   时间: 2023-08-26 13:36',
    `${nbsp}本报讯 记者从市港口管理局获悉，今年前八个月港口货物吞吐量同比增长百分之六。标记 ${word} 在此出现。`,
    `${nbsp}业内人士表示，集装箱航线持续增加，物流成本有所下降。`,
    `${nbsp}crashcorpus 档案保存本系列的全部报道。(记者 贾瑞丰)`,
  ].join('\n');
}
