import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from '../../electron/core/clip/parse/dom-window.js';
import { nestingDepth } from '../../electron/core/clip/parse/nesting-depth.js';

/**
 * The nesting depth decides which pages reach jsdom and Readability, so it is checked against what
 * jsdom builds from the same markup: never lower than the depth jsdom ends up with, whatever the tag
 * soup (or a deep page could slip through), and equal to it on well-formed pages (or good pages could
 * be refused).
 */
const SOUP = [
  '<div>', '</div>', '<div/>', '<b>', '</b>', '<b id=1>', '<i>', '</i>', '<em>', '</em>', '<p>', '</p>', '<li>', '</li>',
  '<ul>', '</ul>', '<dl>', '<dd>', '<dt>', '<span>', '</span>', '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th>',
  '<tbody>', '<caption>', '<col>', '<svg>', '</svg>', '<g>', '</g>', '<g/>', '<path/>', '<math>', '<mi>', '</mi>', '<mtext>',
  '<annotation-xml encoding="text/html">', '<foreignObject>', '<desc>', '<source>', '<img>', '<br>', '</br>', '</p>',
  '<font color=red>', '<font>', '<a>', '</a>', '<nobr>', '<button>', '<select>', '</select>', '<option>', '<optgroup>',
  '<textarea>', '</textarea>', '<title>', '</title>', '<script>', '</script>', '<style>', '</style>',
  '<script type="application/ld+json">', '<!--', '-->', '<!-->', '<![CDATA[', ']]>', '<template>', '</template>', '<h1>',
  '<h2>', '</h1>', '<form>', '<object>', '</object>', '<marquee>', '<input>', '<hr>', '<div title=">">', '<div title="', '"',
  '>', 'x', ' ', '<plaintext>', '<xmp>', '<noscript>', '</noscript>', '<iframe>', '<body>', '</body>', '<html>', '<head>',
  '<!doctype html>', '<center>', '<s>', '<u>', '<main>', '<ruby>', '<rt>', '<image>', '<listing>', '<div title="<script>">',
  '</script>">',
];
const soup = fc.array(fc.constantFrom(...SOUP), { maxLength: 50 }).map((pieces) => pieces.join(''));

type Tree = { tag: string; children: Tree[] };
const ORDINARY = ['div', 'span', 'section', 'article', 'em', 'strong', 'blockquote', 'figure', 'aside', 'code'];
function treesOf(depth: number): fc.Arbitrary<Tree> {
  const children: fc.Arbitrary<Tree[]> = depth === 0 ? fc.constant([]) : fc.array(treesOf(depth - 1), { maxLength: 2 });
  return fc.record({ tag: fc.constantFrom(...ORDINARY), children });
}
const trees = treesOf(12);

function markup(tree: Tree): string {
  return `<${tree.tag}>text${tree.children.map(markup).join('')}</${tree.tag}>`;
}

/** The depth of the deepest element jsdom builds, <html> being 1, template contents included. */
function parsedDepth(html: string): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[parseDocument(html).documentElement, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [element, depth] = next;
    deepest = Math.max(deepest, depth);
    const children = (element as HTMLTemplateElement).content?.children ?? element.children;
    for (const child of Array.from(children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('the nesting depth', () => {
  it('is never below the depth jsdom builds from tag soup', () => {
    // Found by this property against an earlier, hand-written estimate: the end tag of a <noscript> with a
    // div open inside it is ignored, and a <noscript> after </head> is in the body, where it holds elements.
    for (const noscript of ['<div><noscript><div></noscript><div>', '</head><noscript><li></script></a></noembed>']) {
      assert.ok(nestingDepth(noscript) >= parsedDepth(noscript), noscript);
    }
    fc.assert(fc.property(soup, (html) => {
      assert.ok(nestingDepth(html) >= parsedDepth(html), `measured ${nestingDepth(html)}, jsdom built ${parsedDepth(html)}`);
    }), { numRuns: 400 });
  });

  it('measures the page jsdom is given, with scripts dropped as the extractor drops them', () => {
    // The extractor drops a "<script" inside an attribute through the next "</script>", and with it the
    // <textarea> that would have hidden the divs as text.
    const hidden = `<div title="<script>"><textarea></script>">${'<div>'.repeat(200)}`;
    assert.equal(parsedDepth(hidden), 203);
    assert.equal(nestingDepth(hidden), 203);
  });

  it('is the depth jsdom builds from well-formed pages', () => {
    fc.assert(fc.property(trees, (tree) => {
      const html = `<!doctype html><html><body>${markup(tree)}</body></html>`;
      assert.equal(nestingDepth(html), parsedDepth(html));
    }), { numRuns: 200 });
  });

  it('stops reading once past the limit, in time linear in the page', () => {
    const started = performance.now();
    assert.equal(nestingDepth('<div>'.repeat(2_000_000), 128), 129);
    assert.ok(nestingDepth(`<p>${'word '.repeat(2_000_000)}</p>`) < 10);
    // A guard, not a benchmark: a linear parse of these 10 MB takes well under a second; one that went
    // quadratic, or read on past the limit, would take minutes.
    assert.ok(performance.now() - started < 5000, `${Math.round(performance.now() - started)} ms`);
  });
});
