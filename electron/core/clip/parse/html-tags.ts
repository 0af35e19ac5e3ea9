/**
 * A linear scan of the tags of an HTML page, as the HTML tokenizer reads them: comments, doctypes and
 * bogus comments are skipped, attribute values are quote-aware (so a '>' or a tag inside a value is not
 * a tag), and the tree builder tells the scanner when an element's content is raw text.
 */
export interface Tag {
  end: boolean;
  name: string;
  /** Lower-cased names; the first of duplicates wins, as in the tokenizer. */
  attributes: Map<string, string>;
  selfClosing: boolean;
  /** Text other than white space came since the tag before. */
  afterText: boolean;
  /** Offset of its '<' and of the first character after it. */
  start: number;
  next: number;
}

const SPACE = /[\t\n\f\r ]/;
const NAME_END = /[\t\n\f\r />]/g;
const ATTRIBUTE_NAME_END = /[\t\n\f\r />=]/g;
const UNQUOTED_END = /[\t\n\f\r >]/g;

export class TagScanner {
  #at = 0;
  /** Searches that found nothing once find nothing later either; remembering them keeps the scan linear. */
  readonly #absent = new Set<string>();

  constructor(readonly html: string, private readonly inForeignContent: () => boolean) {}

  /** The next tag, or null at the end of the page (a tag cut off by the end is no tag). */
  next(): Tag | null {
    let afterText = false;
    for (;;) {
      const lt = this.html.indexOf('<', this.#at);
      if (lt < 0) return null;
      afterText ||= /\S/.test(this.html.slice(this.#at, lt));
      const after = this.html.charAt(lt + 1);
      if (/[a-z]/i.test(after)) return this.#tag(lt, lt + 1, false, afterText);
      if (after === '/' && /[a-z]/i.test(this.html.charAt(lt + 2))) return this.#tag(lt, lt + 2, true, afterText);
      afterText ||= !'!?/'.includes(after); // a '<' that starts nothing is text
      if (!this.#skipNonTag(lt, after)) return null;
    }
  }

  /** Skips raw text up to the end tag `</name`; false when the raw text runs to the end of the page. */
  skipRawText(name: string, from: number): boolean {
    const end = this.find(new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi'), from);
    if (!end) return false;
    this.#at = end.index;
    return true;
  }

  /** Continues after `offset`. */
  resumeAt(offset: number): void {
    this.#at = offset;
  }

  /** The next match of a global `pattern` from `from`, or null. */
  find(pattern: RegExp, from: number): RegExpExecArray | null {
    const key = pattern.source;
    if (this.#absent.has(key)) return null;
    pattern.lastIndex = from;
    const match = pattern.exec(this.html);
    if (!match) this.#absent.add(key);
    return match;
  }

  /** Comments, doctypes, CDATA and stray '<': moves past them; false when they run to the end. */
  #skipNonTag(lt: number, after: string): boolean {
    const { html } = this;
    if (html.startsWith('<!--', lt)) return this.#skipComment(lt + 4);
    if (html.startsWith('<![CDATA[', lt) && this.inForeignContent()) return this.#skipTo(']]>', lt + 9);
    if (after === '!' || after === '?' || after === '/') return this.#skipTo('>', lt + 2);
    this.#at = lt + 1;
    return true;
  }

  #skipComment(from: number): boolean {
    // "<!-->" and "<!--->" are whole (empty) comments; "--!>" closes one as "-->" does.
    if (this.html.startsWith('>', from)) return this.#resume(from + 1);
    if (this.html.startsWith('->', from)) return this.#resume(from + 2);
    const candidates = [this.#indexOf('-->', from), this.#indexOf('--!>', from)].filter((i) => i >= 0);
    if (candidates.length === 0) return false;
    const end = Math.min(...candidates);
    return this.#resume(end + (this.html.startsWith('-->', end) ? 3 : 4));
  }

  #skipTo(needle: string, from: number): boolean {
    const end = this.#indexOf(needle, from);
    return end >= 0 && this.#resume(end + needle.length);
  }

  #indexOf(needle: string, from: number): number {
    if (this.#absent.has(needle)) return -1;
    const index = this.html.indexOf(needle, from);
    if (index < 0) this.#absent.add(needle);
    return index;
  }

  #resume(offset: number): boolean {
    this.#at = offset;
    return true;
  }

  #tag(start: number, nameStart: number, end: boolean, afterText: boolean): Tag | null {
    const nameEnd = matchEnd(NAME_END, this.html, nameStart);
    const name = this.html.slice(nameStart, nameEnd).toLowerCase();
    const attributes = new Map<string, string>();
    let at = nameEnd;
    for (;;) {
      while (SPACE.test(this.html.charAt(at)) || (this.html.charAt(at) === '/' && this.html.charAt(at + 1) !== '>')) at++;
      if (at >= this.html.length) return null;
      if (this.html.charAt(at) === '>' || this.html.startsWith('/>', at)) {
        const selfClosing = this.html.charAt(at) === '/';
        this.#at = at + (selfClosing ? 2 : 1);
        return { end, name, attributes, selfClosing, afterText, start, next: this.#at };
      }
      const attribute = this.#attribute(at);
      if (!attribute) return null;
      if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute.value);
      at = attribute.next;
    }
  }

  /** One attribute at `at`: its name and value, or null when a quoted value runs to the end. */
  #attribute(at: number): { name: string; value: string; next: number } | null {
    const { html } = this;
    // A '=' where a name starts belongs to the name, as the tokenizer reads it.
    const nameEnd = matchEnd(ATTRIBUTE_NAME_END, html, at + 1);
    const name = html.slice(at, nameEnd).toLowerCase();
    let next = nameEnd;
    while (SPACE.test(html.charAt(next))) next++;
    if (html.charAt(next) !== '=') return { name, value: '', next };
    next++;
    while (SPACE.test(html.charAt(next))) next++;
    const quote = html.charAt(next);
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, next + 1);
      return close < 0 ? null : { name, value: html.slice(next + 1, close), next: close + 1 };
    }
    const valueEnd = matchEnd(UNQUOTED_END, html, next);
    return { name, value: html.slice(next, valueEnd), next: valueEnd };
  }
}

function matchEnd(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}
