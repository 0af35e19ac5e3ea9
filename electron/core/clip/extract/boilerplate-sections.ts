import { isInline, linkShare, measureSubtrees, visibleLength } from './text-blocks.js';
import type { SubtreeText } from './text-blocks.js';

/** A label block is short: the label, maybe with a first headline or a sentence of the notice. */
const LABEL_BLOCK_CHARS = 200;
/** A label on a line of its own over links (`DON'T MISS<br><a>…</a><br><a>…</a>`) may lead a few headlines. */
const TEASER_BOX_CHARS = 600;
const LINK_SHARE = 0.5;

/** Headings of lists of other articles; such lists also sit mid-article, so the article goes on after them. */
const RELATED =
  /^[【[]?(?:相关(?:阅读|新闻|报道|文章|链接|专题|推荐)|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢|更多精彩|you (?:may|might) also like|related (?:articles|stories|posts|coverage|content)|more stories|(?:articoli|notizie) correlat[ei]|(?:artigos|notícias|artículos|noticias) relacionad[oa]s|articles (?:liés|similaires)|(?:ähnliche|verwandte) artikel)/iu;
/**
 * Labels of teasers set into the article: `READ MORE: <link>`, `Related: <link>`, `DON'T MISS` over a few
 * links, `(Leggi anche su: <link>)`, `Lesen Sie auch`. Ordinary words too ("See also the report"), so they
 * count only as a line of their own or before links.
 */
const TEASER = new RegExp(`^[【[(（]?(?:${[
  'read (?:more|also)', '(?:what to )?read (?:this )?next', 'up next', 'next (?:story|article|post)',
  'see (?:more|also)', 'also read', 'more', 'must read', 'don[\'’]?t miss', 'recommended(?: reading)?',
  'leggi anche(?: su)?', 'vedi anche', '(?:leia|veja) (?:também|mais)', '(?:lee|lea|ver) (?:también|más)',
  '(?:à )?lire aussi', 'voir aussi',
  'lesen sie auch', 'mehr zum thema', 'auch interessant', 'lees ook',
  'related(?: (?:posts?|articles?|stor(?:y|ies)|reading|coverage|content|links?))?', 'more (?:from|on) [^:：|]{1,30}',
  'more (?:[\\p{L}\'’]+ ){0,3}stories', '相关(?:阅读|新闻|报道|文章|链接|推荐)', '延伸阅读', '推荐阅读', '点击进入', '更多(?:精彩|阅读|新闻|报道)?',
].join('|')})\\s*[】\\]]?\\s*(?:[:：|>»›]|$)`, 'iu');
/** Copyright notices and comment sections, which close an article: they run to the end of their container. */
const CLOSING = /^[【[]?(?:版权声明|免责声明|反?侵权公告|郑重声明|特别声明|网友评论|发表评论|最新评论|我要评论|评论列表)/;

/**
 * Drops labelled page furniture inside the article: a "related" heading with the links after it, a teaser,
 * and a notice or comment section from its label to the end of its container when it follows
 * the article's text (a notice label in the first half of the text is left alone).
 */
export function dropBoilerplateSections(root: Element): void {
  const measures = measureSubtrees(root);
  // Outermost first: a short box that starts with the label goes whole, with its heading.
  for (const block of Array.from(root.querySelectorAll('*'))) {
    const chars = measures.get(block)?.chars ?? 0;
    if (isInline(block) || chars === 0 || chars > TEASER_BOX_CHARS || !root.contains(block)) continue;
    const words = block.textContent?.trim() ?? '';
    // Past a label block's size only a label on its own line over links still leads a box.
    const labelBlock = chars <= LABEL_BLOCK_CHARS;
    const leadsRelated = labelBlock ? RELATED.test(words) || isTeaser(block, words, measures) : isTeaserOverLinks(block, measures);
    if (leadsRelated) dropRelated(block, measures);
    else if (labelBlock && CLOSING.test(words) && followsArticle(root, block)) dropToEnd(block);
  }
}

/** A teaser label alone, or a label whose line leads into mostly link text. */
function isTeaser(block: Element, words: string, measures: Map<Element, SubtreeText>): boolean {
  if (TEASER.test(words)) return words.replace(TEASER, '').trim() === '' || linkShare(measures.get(block)) >= LINK_SHARE;
  return isTeaserOverLinks(block, measures);
}

function isTeaserOverLinks(block: Element, measures: Map<Element, SubtreeText>): boolean {
  return TEASER.test(firstLine(block)) && linkShare(measures.get(block)) >= LINK_SHARE;
}

/** The block's text up to its first <br>: `DON'T MISS<br><a>…</a>` starts with a line of its own. */
function firstLine(block: Element): string {
  let text = '';
  for (const node of Array.from(block.childNodes)) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).tagName === 'BR') return text.trim();
    text += node.textContent ?? '';
  }
  return '';
}

function dropRelated(heading: Element, measures: Map<Element, SubtreeText>): void {
  let next = heading.nextElementSibling;
  heading.remove();
  while (next && linkShare(measures.get(next)) >= LINK_SHARE) {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
}

function dropToEnd(block: Element): void {
  for (let node: ChildNode | null = block; node; ) {
    const after: ChildNode | null = node.nextSibling;
    node.remove();
    node = after;
  }
}

/** At least as much of the article's text comes before the block as from it on. */
function followsArticle(root: Element, block: Element): boolean {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let before = 0;
  let after = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = visibleLength(node.nodeValue);
    if (block.compareDocumentPosition(node) & 2 /* Node.DOCUMENT_POSITION_PRECEDING */) before += chars;
    else after += chars;
  }
  return before >= after;
}
