import { CHINESE_SENTENCE, hasBlockChild, isInline, isParagraph, visibleLength } from './text-blocks.js';

const NOTE_LINE_CHARS = 60;
/**
 * `来源：新华网`, `文章来源：千龙网`, `转自《北京科技报》`: where the story came from, which the clip keeps
 * as its source, not as text. A line that also credits a person (`来源：… 编辑：…`) is a credit and stays.
 */
const SOURCE_LINE = /^[【[（(]?\s*(?:(?:文章|稿件|信息|新闻|消息)?(?:来源|出处)\s*[:：]|转载?自)/u;
const PERSON_CREDIT = /编辑|责编|记者|作者|通讯员|摄影?\s*[:：]/u;
/** A post's counters and links: `已被阅读178次`, `访问统计`, `阅读(25)`, `已有1件评论`, `引用(Trackback)`. */
const POST_COUNTERS =
  /已被(?:阅读|浏览|点击)\s*\d+|(?:阅读|浏览|点击|访问)(?:统计|次数|量)|(?:阅读|浏览|点击|评论)\s*[(（]\s*\d+\s*[)）]|\d+\s*(?:件|条|篇)评论|trackback/iu;

/**
 * Drops the notes a page prints after the article's last paragraph: the line naming where the story
 * came from, and a blog post's counters (`已被阅读178次`, `已有1件评论`, trackback links). Bylines
 * and editor credits stay: readers, and the byline finder, read them there.
 */
export function dropTailNotes(root: Element): void {
  for (const line of tailLines(root)) {
    const text = line.map((node) => node.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
    if (visibleLength(text) <= NOTE_LINE_CHARS && isNote(text)) for (const node of line) node.remove();
  }
}

function isNote(text: string): boolean {
  if (CHINESE_SENTENCE.test(text)) return false;
  return (SOURCE_LINE.test(text) && !PERSON_CREDIT.test(text)) || POST_COUNTERS.test(text);
}

/**
 * Lines below the last paragraph, last first: innermost blocks, and runs of text and inline
 * elements that stand between blocks (a line is the nodes it is made of).
 */
function tailLines(root: Element): ChildNode[][] {
  const lines: ChildNode[][] = [];
  let reachedBody = false;
  const visit = (element: Element): void => {
    let run: ChildNode[] = [];
    const endRun = (): void => {
      const text = run.map((node) => node.textContent ?? '').join('');
      if (visibleLength(text) > 0) {
        if (isParagraph(text)) reachedBody = true;
        else lines.push(run);
      }
      run = [];
    };
    for (const node of Array.from(element.childNodes).reverse()) {
      if (reachedBody) return;
      if (node.nodeType !== node.ELEMENT_NODE && node.nodeType !== node.TEXT_NODE) continue;
      const block = node.nodeType === node.ELEMENT_NODE && !isInline(node as Element) ? (node as Element) : null;
      if (!block) run.unshift(node);
      else {
        endRun();
        if (reachedBody) return;
        if (hasBlockChild(block)) visit(block);
        else if (block.tagName !== 'BR') run = [block];
        endRun();
      }
    }
    endRun();
  };
  visit(root);
  return lines;
}
