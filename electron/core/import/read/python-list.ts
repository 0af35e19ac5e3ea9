/**
 * Readwise writes a document's tags as Python prints a list of strings: `['news', "it's"]`. Python
 * quotes with ' unless the string holds one and no ", and escapes with backslashes (`'it\'s "x"'`).
 */

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** The strings of a printed Python list, or null when the text is not one. */
export function parsePythonList(text: string): string[] | null {
  const source = text.trim();
  if (!source.startsWith('[') || !source.endsWith(']')) return null;
  const items: string[] = [];
  let at = skipSeparators(source, 1);
  while (at < source.length - 1) {
    const read = readString(source, at);
    if (!read) return null;
    items.push(read.value);
    at = skipSeparators(source, read.end);
  }
  return items;
}

function readString(source: string, open: number): { value: string; end: number } | null {
  const quote = source[open];
  if (quote !== "'" && quote !== '"') return null;
  let value = '';
  for (let at = open + 1; at < source.length; at++) {
    const char = source[at] as string;
    if (char === quote) return { value, end: at + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = readEscape(source, at + 1);
    value += escaped.char;
    at = escaped.end - 1;
  }
  return null;
}

/** `\n`, `\'`, `\\` and the like, or a code (`\xe9`, `\u4e2d`, `\U0001f600`) Python prints for unprintable characters. */
function readEscape(source: string, at: number): { char: string; end: number } {
  const letter = source[at] ?? '';
  const digits = { x: 2, u: 4, U: 8 }[letter];
  if (digits) {
    const hex = source.slice(at + 1, at + 1 + digits);
    if (/^[0-9a-f]+$/i.test(hex) && hex.length === digits) return { char: String.fromCodePoint(parseInt(hex, 16)), end: at + 1 + digits };
  }
  return { char: ESCAPES[letter] ?? `\\${letter}`, end: at + 1 };
}

function skipSeparators(source: string, from: number): number {
  let at = from;
  while (at < source.length - 1 && /[\s,]/.test(source[at] as string)) at++;
  return at;
}
