import { Resvg } from '@resvg/resvg-js';
import { html, serveRoutes } from '../helpers/picture-server.js';
import type { TestScope } from '../helpers/cleanup-scope.js';

export const PICTURE_ARTICLE_TITLE = 'Container traffic doubles at the eastern harbour';

/**
 * A news page with pictures for the README's reader picture, served from 127.0.0.1: a chart and a
 * harbour scene drawn here (rendered to PNG), a figure caption, a table, and one picture whose server
 * fails, so the reader shows its offer to fetch it again.
 */
export async function servePictureArticle(scope: TestScope): Promise<string> {
  const site = await serveRoutes(scope, {
    '/harbour': html(page()),
    '/chart.png': { type: 'image/png', body: png(CHART, 720) },
    '/harbour.png': { type: 'image/png', body: png(SCENE, 720) },
  });
  return `${site.url}/harbour`;
}

function page(): string {
  const paragraph = (text: string) => `<p>${text}</p>`;
  return `<!doctype html><html><head><title>${PICTURE_ARTICLE_TITLE}</title>
<meta property="og:site_name" content="Harbour Daily"><meta name="author" content="Mia Laine"></head><body><article>
<h1>${PICTURE_ARTICLE_TITLE}</h1>
${paragraph('Container traffic through the eastern harbour doubled in the second quarter, the port authority said on Monday, ' +
  'as the new deep-water berth took the largest ships now at sea.')}
<figure><img src="/chart.png" alt="Bar chart of containers handled per quarter" width="720" height="360">
<figcaption>Containers handled per quarter, in thousands (port authority figures).</figcaption></figure>
${paragraph('Officials credited the berth, which opened in April, and two new ship-to-shore cranes that arrived from Rotterdam.')}
<table><caption>Busiest berths, second quarter</caption><thead><tr><th>Berth</th><th>Ships</th><th>Containers</th></tr></thead>
<tbody><tr><td>East 4</td><td>212</td><td>61,400</td></tr><tr><td>East 2</td><td>180</td><td>48,900</td></tr></tbody></table>
<figure><img src="/harbour.png" alt="The eastern terminal at dusk" width="720" height="300">
<figcaption>The eastern terminal, where the new cranes stand.</figcaption></figure>
${paragraph('Dock workers said the pace had strained the old cranes, and the authority promised two more by the end of the year.')}
<img src="/night-shift.jpg" alt="The night shift">
</article></body></html>`;
}

function png(svg: string, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
}

const BARS = [120, 135, 150, 300].map((value, i) =>
  `<rect x="${90 + i * 150}" y="${320 - value}" width="90" height="${value}" fill="${i === 3 ? '#1f6f8b' : '#9cc3d5'}"/>`).join('');
const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="360"><rect width="720" height="360" fill="#fbfaf7"/>
<line x1="60" y1="320" x2="690" y2="320" stroke="#555" stroke-width="2"/>${BARS}</svg>`;

const SCENE = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="300">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#f3b27a"/><stop offset="1" stop-color="#6c5b7b"/></linearGradient></defs>
<rect width="720" height="300" fill="url(#sky)"/><rect y="210" width="720" height="90" fill="#2d3e50"/>
<g fill="#1b2631"><rect x="90" y="70" width="14" height="150"/><rect x="90" y="70" width="150" height="12"/>
<rect x="226" y="82" width="6" height="60"/>
<rect x="380" y="90" width="14" height="130"/><rect x="380" y="90" width="140" height="12"/><rect x="506" y="102" width="6" height="50"/>
<rect x="560" y="170" width="130" height="40"/><rect x="600" y="150" width="40" height="20"/></g></svg>`;
