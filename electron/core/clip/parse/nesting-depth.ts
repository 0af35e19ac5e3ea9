/**
 * How deep a page nests its elements, estimated in one linear pass over its markup, before jsdom and
 * Readability see it. Both recurse over the tree: a page nesting 100,000 elements overflows the stack,
 * and Readability's time grows with the square of the depth (1.3 s at 100 nested divs, 13 s at 400).
 *
 * The estimate replays the parts of the HTML tree builder that decide depth: void elements, tags the
 * builder closes implicitly (p, li, table cells, a), end tags that only close within their scope,
 * misnested formatting end tags (the adoption agency: `<b><div></b>` keeps the div open), formatting
 * elements reopened after a side-effect close, SVG and MathML content, where a self-closing tag closes
 * and some HTML tags break out, and the raw text of script, style, textarea and the like. Where it
 * simplifies, it errs high (tests/unit/fuzz-nesting.test.ts holds it to what jsdom builds). Scripts
 * and style sheets are skipped as the extractor drops them, through the first closing tag; one gap
 * remains: the extractor also drops a "<script" found inside a comment or an attribute, which this
 * scan reads as text, so a page built on that can come out deeper than estimated.
 */
import {
  CLOSES_P, FORMATTING, HEADINGS, IGNORED, IN_HEAD, IN_HEAD_NOSCRIPT, MARKERS, RAW_TEXT, ROW_GROUPS, SELECT_CHILDREN, SPECIAL, TABLE_PARTS, VOID,
  breaksOut, isIntegrationPoint, isScopeBoundary, isSpecial, isTablePart, scopeOf,
} from './html-elements.js';
import type { Open } from './html-elements.js';
import { TagScanner } from './html-tags.js';
import type { Tag } from './html-tags.js';

/** html and body, which every parsed page has around its content. */
const ROOT_DEPTH = 2;

/** The estimated depth of the deepest element, counting <html> as 1; stops early once past `limit`. */
export function nestingDepth(html: string, limit = Infinity): number {
  return new TreeEstimate(html, limit).run();
}

class TreeEstimate {
  readonly #stack: Open[] = [];
  readonly #scanner: TagScanner;
  #deepest = ROOT_DEPTH;
  #inBody = false;

  constructor(html: string, private readonly limit: number) {
    this.#scanner = new TagScanner(html, () => this.#inForeignContent());
  }

  run(): number {
    for (let tag = this.#scanner.next(); tag && this.#deepest <= this.limit; tag = this.#scanner.next()) {
      this.#leaveHead(tag);
      const keepGoing = tag.end ? this.#endTag(tag.name) : this.#startTag(tag);
      if (!keepGoing) break;
    }
    return this.#deepest;
  }

  /**
   * A <noscript> in the head (jsdom runs no scripts) holds only links, metas and style sheets: text or
   * another element closes it, and goes where it would have without it. Text, or an element the head
   * cannot hold, starts the body, where a <noscript> is an ordinary element.
   */
  #leaveHead(tag: Tag): void {
    if (this.#inBody) return;
    const headNoscript = this.#stack.length === 1 && this.#top?.name === 'noscript';
    const leavesNoscript = tag.end ? tag.name === 'br' : !IN_HEAD_NOSCRIPT.has(tag.name);
    if (headNoscript && (tag.afterText || leavesNoscript)) this.#stack.pop();
    // Of end tags, only </br>, </body> and </html> leave the head; it ignores the others.
    const leavesHead = tag.end ? ['br', 'body', 'html'].includes(tag.name) : !IN_HEAD.has(tag.name);
    if (tag.afterText || leavesHead) this.#inBody = true;
  }

  get #top(): Open | undefined {
    return this.#stack.at(-1);
  }

  #inForeignContent(tag?: Tag): boolean {
    const top = this.#top;
    if (!top || top.htmlContent) return false;
    return !(top.name === 'annotation-xml' && tag?.name === 'svg');
  }

  // --- start tags -------------------------------------------------------------------------------

  /** False when the rest of the page is text (an unclosed raw-text element, <plaintext>). */
  #startTag(tag: Tag): boolean {
    if ((tag.name === 'script' || tag.name === 'style') && this.#droppedByExtractor(tag)) return true;
    if (this.#inSelect()) return this.#startInSelect(tag);
    if (!this.#inForeignContent(tag)) return this.#startHtml(tag);
    if (!breaksOut(tag)) return this.#startForeign(tag);
    this.#leaveForeignContent();
    return this.#startHtml(tag);
  }

  #leaveForeignContent(): void {
    while (this.#top && this.#top.ns !== 'html' && !this.#top.htmlContent) this.#stack.pop();
  }

  #startForeign(tag: Tag): boolean {
    const ns = this.#top?.ns === 'math' ? 'math' : 'svg';
    if (tag.selfClosing) this.#touch(1);
    else this.#push({ name: tag.name, ns, htmlContent: isIntegrationPoint(tag, ns) });
    return true;
  }

  #startHtml(tag: Tag): boolean {
    const { name } = tag;
    if (IGNORED.has(name)) return true;
    if (name === 'svg' || name === 'math') return this.#startForeignRoot(tag, name);
    if (TABLE_PARTS.has(name)) return this.#startTablePart(name);
    this.#closeImplied(name);
    if (VOID.has(name)) return this.#touch(1);
    if (name === 'plaintext') return !this.#touch(1);
    if (RAW_TEXT.has(name) || name === 'script' || name === 'style') {
      this.#touch(1);
      return this.#scanner.skipRawText(name, tag.next);
    }
    this.#push({ name, ns: 'html', htmlContent: true });
    return true;
  }

  #startForeignRoot(tag: Tag, ns: 'svg' | 'math'): boolean {
    if (tag.selfClosing) return this.#touch(1);
    this.#push({ name: ns, ns, htmlContent: false });
    return true;
  }

  /** The elements a start tag closes before it opens: an open p, a sibling li, a heading, an open a. */
  #closeImplied(name: string): void {
    if (CLOSES_P.has(name)) this.#closeInScope('p', scopeOf('p'));
    if (name === 'li') this.#closeListItem(['li']);
    if (name === 'dd' || name === 'dt') this.#closeListItem(['dd', 'dt']);
    if (HEADINGS.has(name) && this.#top && HEADINGS.has(this.#top.name)) this.#popFrom(this.#stack.length - 1, true);
    if ((name === 'a' || name === 'nobr') && this.#openSinceMarker(name)) this.#endFormatting(name);
    if (name === 'button') this.#closeInScope('button', isScopeBoundary);
  }

  #closeListItem(names: string[]): void {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const open = this.#stack[i] as Open;
      if (open.ns === 'html' && names.includes(open.name)) return this.#popFrom(i, true);
      if (isSpecial(open) && !['address', 'div', 'p'].includes(open.name)) return;
    }
  }

  /** A table part closes the parts it cannot sit in and opens the ones it needs (tbody, tr, colgroup). */
  #startTablePart(name: string): boolean {
    const context = this.#tableContext(name);
    if (context < 0) return true; // outside a table the tree builder ignores it
    this.#popFrom(context + 1, false);
    const parent = this.#top?.name ?? '';
    const needsRow = name === 'td' || name === 'th';
    const tableLike = parent === 'table' || parent === 'template';
    if (tableLike && (needsRow || name === 'tr')) this.#push({ name: 'tbody', ns: 'html', htmlContent: true });
    if (needsRow && parent !== 'tr') this.#push({ name: 'tr', ns: 'html', htmlContent: true });
    if (name !== 'col') return this.#push({ name, ns: 'html', htmlContent: true });
    this.#push({ name: 'colgroup', ns: 'html', htmlContent: true });
    return this.#touch(1);
  }

  /** Index of the element a table part goes into, or -1 outside a table. */
  #tableContext(name: string): number {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const open = this.#stack[i] as Open;
      if (open.ns !== 'html') continue;
      if (open.name === 'table') return i;
      // In a template, table parts count only among table parts; under any other element they are ignored.
      if (open.name === 'template') return this.#stack.slice(i + 1).every((above) => TABLE_PARTS.has(above.name)) ? i : -1;
      if (ROW_GROUPS.has(open.name) && ['tr', 'td', 'th'].includes(name)) return i;
      if (open.name === 'tr' && (name === 'td' || name === 'th')) return i;
    }
    return -1;
  }

  // --- select: only options, and a few tags that close it, count in there ------------------------

  #inSelect(): boolean {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const open = this.#stack[i] as Open;
      if (open.name === 'select' && open.ns === 'html') return true;
      if (!SELECT_CHILDREN.has(open.name)) return false;
    }
    return false;
  }

  #startInSelect(tag: Tag): boolean {
    const { name } = tag;
    const closesSelect = name === 'input' || name === 'keygen' || name === 'textarea' || (isTablePart(name) && this.#hasOpen('table'));
    if (name === 'select' || closesSelect) {
      this.#endTag('select');
      return name === 'select' || this.#startTag(tag);
    }
    if (name === 'option' || name === 'optgroup' || name === 'hr') {
      this.#popWhileTop(name === 'option' ? ['option'] : ['option', 'optgroup']);
      if (name === 'hr') return this.#touch(1);
      this.#push({ name, ns: 'html', htmlContent: true });
    }
    if (name === 'template') this.#push({ name, ns: 'html', htmlContent: true });
    if (name === 'script') return this.#startHtml(tag);
    return true;
  }

  // --- end tags ---------------------------------------------------------------------------------

  #endTag(name: string): boolean {
    if (this.#inSelect() && !SELECT_CHILDREN.has(name) && name !== 'select') return true;
    if (IGNORED.has(name)) return true;
    if (name === 'br' || name === 'p') {
      // Like the HTML tags that break out of SVG and MathML; then "</br>" is a <br>, a stray "</p>" a <p>.
      if (this.#inForeignContent()) this.#leaveForeignContent();
      this.#touch(1);
    }
    if (FORMATTING.has(name)) this.#endFormatting(name);
    // <noscript> is special but has no end-tag rule of its own: its end tag is "any other end tag",
    // which a special element still open inside it (a div) makes the builder ignore.
    else if (SPECIAL.has(name) && name !== 'noscript') this.#closeInScope(name, scopeOf(name));
    else this.#closeOther(name);
    return true;
  }

  /**
   * The adoption agency, as far as depth goes: with a special element (a block) open inside it, the
   * formatting element alone leaves the stack and the block stays open; without one, it closes as usual.
   */
  #endFormatting(name: string): void {
    const index = this.#indexInScope(name, isScopeBoundary);
    if (index < 0) return;
    const blockInside = this.#stack.slice(index + 1).some(isSpecial);
    if (blockInside) this.#stack.splice(index, 1);
    else this.#popFrom(index, true);
  }

  /** Any other end tag closes the nearest element of its name, unless a special element is in the way. */
  #closeOther(name: string): void {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const open = this.#stack[i] as Open;
      if (open.name === name) return this.#popFrom(i, true);
      if (isSpecial(open)) return;
    }
  }

  #closeInScope(name: string, boundary: (open: Open) => boolean): void {
    const index = this.#indexInScope(name, boundary);
    if (index >= 0) this.#popFrom(index, true);
  }

  /** Index of the nearest open `name` with no `boundary` element above it, or -1. */
  #indexInScope(name: string, boundary: (open: Open) => boolean): number {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const open = this.#stack[i] as Open;
      if (open.name === name) return i;
      if (boundary(open)) return -1;
    }
    return -1;
  }

  #hasOpen(name: string): boolean {
    return this.#stack.some((open) => open.name === name && open.ns === 'html');
  }

  /** True when an element named `name` is open since the last cell, caption, object or template. */
  #openSinceMarker(name: string): boolean {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const open = this.#stack[i] as Open;
      if (open.name === name) return true;
      if (MARKERS.has(open.name)) return false;
    }
    return false;
  }

  // --- the stack --------------------------------------------------------------------------------

  #push(open: Open): true {
    this.#stack.push(open);
    return this.#touch(0);
  }

  /** Records the depth of the top of the stack plus `below` levels; true, for callers that go on. */
  #touch(below: number): true {
    this.#deepest = Math.max(this.#deepest, ROOT_DEPTH + this.#stack.length + below);
    return true;
  }

  /**
   * Pops the stack from `index` (the element there included when `closing` it). Formatting elements
   * popped on the way come back on top, as the tree builder reopens them at the next text, unless a
   * table cell or another marker closed with them.
   */
  #popFrom(index: number, closing: boolean): void {
    const popped = this.#stack.splice(index);
    if (popped.some((open) => MARKERS.has(open.name) && open.ns === 'html')) return;
    const reopened = popped.slice(closing ? 1 : 0).filter((open) => FORMATTING.has(open.name) && open.ns === 'html');
    this.#stack.push(...reopened);
  }

  #popWhileTop(names: string[]): void {
    while (this.#top && names.includes(this.#top.name)) this.#stack.pop();
  }

  /** Scripts and style sheets the extractor removes before parsing (its own regular expressions' rule). */
  #droppedByExtractor(tag: Tag): boolean {
    const { html } = this.#scanner;
    const tagEnd = html.indexOf('>', tag.start);
    if (tag.name === 'script' && /application\/ld\+json/i.test(html.slice(tag.start, tagEnd))) return false;
    const close = this.#scanner.find(tag.name === 'script' ? /<\/script\s*>/gi : /<\/style\s*>/gi, tagEnd + 1);
    if (!close) return false;
    this.#scanner.resumeAt(close.index + close[0].length);
    return true;
  }
}
