import { hasBlockChild, isInline, visibleLength } from './text-blocks.js';

const CONTROL_LINE_CHARS = 40;
/** Pagination and page buttons: `第1页/共1页 << 上一页 | 下一页 >>`, `【打印本页】【关闭窗口】`, `字体：大 中 小`. */
const CONTROL_WORDS =
  /第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|上一篇|下一篇|首页|尾页|末页|打印本页|打印本文|打印|关闭窗口|关闭|发表评论|我要评论|查看评论|推荐给朋友|推荐|收藏本文|收藏|分享到|分享|返回顶部|字体\s*[:：]?\s*大\s*中\s*小/gu;
/** `[1] [2] [3]`: page numbers in brackets. */
const PAGE_NUMBER = /\[\s*\d+\s*\]/gu;
const SEPARATORS = /[\s\d\p{P}\p{S}]/gu;

/**
 * Drops lines made only of pagination and page buttons, wherever Readability kept them: such a
 * line belongs to the page, and the clip has no pages to turn.
 */
export function dropPageControls(root: Element): void {
  for (const line of Array.from(root.querySelectorAll('*'))) {
    if (isInline(line) || hasBlockChild(line)) continue;
    const text = line.textContent ?? '';
    if (visibleLength(text) <= CONTROL_LINE_CHARS && isControlLine(text)) line.remove();
  }
}

export function isControlLine(text: string): boolean {
  const controls = text.match(CONTROL_WORDS)?.length ?? 0;
  const pages = text.match(PAGE_NUMBER)?.length ?? 0;
  const rest = text.replace(CONTROL_WORDS, '').replace(SEPARATORS, '');
  return rest === '' && (controls > 0 || pages > 1);
}
