import { hasBlockChild, isInline, visibleLength } from './text-blocks.js';

const CONTROL_LINE_CHARS = 40;
/** Pagination and page buttons: `第1页/共1页 << 上一页 | 下一页 >>`, `【打印本页】【关闭窗口】`, `字体：大 中 小`. */
const CONTROL_WORDS =
  /第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|上一篇|下一篇|首页|尾页|末页|打印本页|打印本文|打印|关闭窗口|关闭|发表评论|我要评论|查看评论|推荐给朋友|推荐|收藏本文|收藏|分享到|分享|返回顶部|字体\s*[:：]?\s*大\s*中\s*小/gu;
/** `[1] [2] [3]`: page numbers in brackets. */
const PAGE_NUMBER = /\[\s*\d+\s*\]/gu;
const SEPARATORS = /[\s\d\p{P}\p{S}]/gu;
const TABLE_CELLS = new Set(['TD', 'TH']);
/**
 * A line that is one of these labels, whole, is a button or a slot of the page's gallery, media player,
 * ad frame or account menu: `Image 1 of 9`, `Hide caption`, `Advertisement` (and its common
 * translations), `Read more`, `Sign in`, or the page's own notice to screen readers and script
 * blockers: `Skip to content`, `This slideshow requires JavaScript`.
 */
const UI_LABEL = new RegExp(`^(?:${[
  '(?:image|photo|picture|slide)\\s*\\d+\\s*(?:of|/)[\\s/]*\\d+',
  'caption', 'close', 'expand', 'enlarge this image', '(?:hide|show|toggle) caption',
  'advert(?:isement)?', 'story continues below(?: this)? advertisement', 'anzeige', 'publicité', 'publicidad', 'pubblicità',
  'реклама', 'iklan', '广告', 'read more', 'continue reading', 'learn more', 'subscribe', 'comments?', 'share(?: this)?',
  'print(?: article)?', 'order reprints', 'sign (?:in|up|out)', 'log ?(?:in|out)', 'text size',
  'media playback is unsupported on your device',
  'skip to (?:the )?(?:main )?(?:content|article|navigation|menu|search)', 'zum inhalt springen', 'aller au contenu',
  'saltar al contenido', 'ir al contenido', 'pular para o conteúdo', 'vai al contenuto', '跳[至到](?:主要)?内容',
  '(?:this (?:slideshow|gallery|video|player|page|feature) )?requires javascript',
].join('|')})[\\s.:>»›]*$`, 'iu');
/** A wiki's link beside each section heading: `[编辑]`, `[edit]`, `[编辑源代码]`. */
const EDIT_LINK = /^\[(?:edit(?:source)?|编辑|編輯|编辑源代码|編輯原始碼|修改)\]$/iu;
const HEADING_PARTS = 'h1 *, h2 *, h3 *, h4 *, h5 *, h6 *';

/**
 * Drops lines made only of pagination and page buttons, or that are one UI label, wherever Readability
 * kept them, and a wiki's edit links beside its headings: such a line belongs to the page, and the clip
 * has no pages to turn or buttons to press.
 */
export function dropPageControls(root: Element): void {
  dropEditLinks(root);
  for (const line of Array.from(root.querySelectorAll('*'))) {
    if (isInline(line) || hasBlockChild(line)) continue;
    const text = line.textContent ?? '';
    if (visibleLength(text) <= CONTROL_LINE_CHARS && (isControlLine(text) || isUiLabel(line, text))) line.remove();
  }
}

/** Whitespace goes before matching: the brackets are often spans of their own. */
function dropEditLinks(root: Element): void {
  for (const part of Array.from(root.querySelectorAll(HEADING_PARTS))) {
    if (root.contains(part) && EDIT_LINK.test((part.textContent ?? '').replace(/\s+/g, ''))) part.remove();
  }
}

export function isControlLine(text: string): boolean {
  const controls = text.match(CONTROL_WORDS)?.length ?? 0;
  const pages = text.match(PAGE_NUMBER)?.length ?? 0;
  const rest = text.replace(CONTROL_WORDS, '').replace(SEPARATORS, '');
  return rest === '' && (controls > 0 || pages > 1);
}

/** A table cell keeps its label: `Close` heads a column of share prices. */
function isUiLabel(line: Element, text: string): boolean {
  return !TABLE_CELLS.has(line.tagName) && UI_LABEL.test(text.replace(/\s+/g, ' ').trim());
}
