/** A small library to make press reviews of: the seed and three dated, tagged clips, one of them Chinese. */
import assert from 'node:assert/strict';
import type { DigestDefinition } from '../../electron/api.js';
import type { TestScope } from './cleanup-scope.js';
import { SEED_FILE } from './seed.js';
import { tempLibrary } from './temp-library.js';

export const HOSTILE_TITLE = 'Tariffs <b>&</b> "quotas" <script>alert(1)</script>';
export const CHINESE_TITLE = '中欧贸易谈判进入新阶段';

export const DEFINITION: DigestDefinition = { title: '', query: '', group: 'tag', content: 'excerpt', order: 'date', paper: 'a4' };

export function page(title: string, site: string, published: string, body: string): string {
  return `<html><head><title>${title}</title><meta property="og:site_name" content="${site}">
<meta property="article:published_time" content="${published}"></head>
<body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export function paragraphs(topic: string): string {
  const paragraph = (i: number) => `<p>Paragraph ${i} on ${topic}: the ministry published figures and traders answered.</p>`;
  return Array.from({ length: 4 }, (_, i) => paragraph(i)).join('');
}

/**
 * The seed (tag pharma, a highlight with a hostile note) and three clips: English ones from the
 * 20th (trade) and 24th (ports) of August 2023, and a Chinese one from the 22nd (trade).
 */
export async function pressLibrary(scope?: TestScope) {
  const { library, dir } = await tempLibrary(scope);
  const [seed] = await library.importFiles([SEED_FILE], ['pharma']);
  assert.ok(seed && 'clip' in seed);
  await library.annotate(seed.clip.id, { quote: 'Jilin High-tech Zone', note: 'Follow up <script>alert(2)</script>', color: 'green' });
  const tariffs = await library.import({
    kind: 'html', url: 'https://harbour.example/tariffs', tags: ['trade'],
    html: page(HOSTILE_TITLE.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`), 'Harbour Times', '2023-08-20T09:00:00Z', paragraphs('tariffs')),
  });
  const ports = await library.import({
    kind: 'html', url: 'https://harbour.example/ports', tags: ['ports'],
    html: page('Ports expand their berths', 'Harbour Times', '2023-08-24T09:00:00Z', paragraphs('berths')),
  });
  const chinese = await library.import({
    kind: 'text', tags: ['trade'],
    text: `${CHINESE_TITLE}\n\n来源: 新华社   时间: 2023-08-22 10:00\n\u00a0\u00a0双方就关税和配额问题交换了意见。会议在北京举行。\n\u00a0\u00a0下一轮谈判定于九月。`,
  });
  return { library, dir, ids: { seed: seed.clip.id, tariffs: tariffs.clip.id, ports: ports.clip.id, chinese: chinese.clip.id } };
}

