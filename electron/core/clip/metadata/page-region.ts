/** How far above the article a headline, dateline or byline row may sit. */
const MAX_HEAD_CHARS = 1500;
/** Credit lines (`编辑：…`, `（记者 …）`) that Readability left out follow the last paragraph closely. */
const TAIL_CHARS = 300;
const PROBE_CHARS = 16;
const HEADLINE_CHARS = 12;
const MIN_HEADLINE_CHARS = 4;

/**
 * The stretch of the page's text that belongs to the article: from its headline (or its first
 * line) to a little past its last line, so that sidebars and footers cannot lend it a date or a
 * byline. The whole page text when the article cannot be found in it.
 */
export function articleRegion(pageText: string, articleText: string, title: string): string {
  const lines = articleText.split('\n').map((line) => line.trim()).filter(Boolean);
  const firstLine = lines[0];
  const lastLine = lines[lines.length - 1];
  if (!firstLine || !lastLine) return pageText;
  const first = pageText.indexOf(firstLine.slice(0, PROBE_CHARS));
  const last = pageText.lastIndexOf(lastLine.slice(0, PROBE_CHARS));
  if (first < 0 || last < first) return pageText;
  const words = headlineWords(title);
  const headline = words ? pageText.lastIndexOf(words, first) : -1;
  const start = headline >= 0 && first - headline <= MAX_HEAD_CHARS ? headline : Math.max(0, first - MAX_HEAD_CHARS);
  return pageText.slice(start, last + lastLine.length + TAIL_CHARS);
}

/** The start of the headline as pages print it: `<title>` minus the site name after `_`, `|` or a dash. */
export function headlineWords(title: string): string | null {
  const words = title.split(/[_|\-–—]/)[0]?.trim().slice(0, HEADLINE_CHARS) ?? '';
  return words.length >= MIN_HEADLINE_CHARS ? words : null;
}
