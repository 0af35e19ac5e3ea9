import type { HighlightColor, Paper } from '../../api.js';

/** The highlight colours of the reader, on paper. */
const HIGHLIGHTS: Record<HighlightColor, string> = {
  yellow: '#fff0a0', green: '#c6efc6', blue: '#cde2ff', pink: '#ffd2e4', purple: '#e4d4ff',
};

/** Latin faces first, then CJK ones a Chinese passage falls to: each system names its own. */
const CJK_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif';
const SERIF = `"Noto Serif", "Source Serif 4", Georgia, "Times New Roman", ${CJK_SERIF}`;
const SANS = '"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * The press review's one style sheet, inline in the file: it must read the same in a browser, an
 * e-mail and on paper. Chinese passages (marked by `lang`) get a CJK face, strict line breaking (no
 * `。` or `，` at a line start) and justified lines, as Chinese print sets them.
 */
export function digestStyles(paper: Paper): string {
  const colours = Object.entries(HIGHLIGHTS).map(([name, colour]) => `.hl-${name} { border-color: ${colour}; background: ${colour}55; }`);
  return `
@page { size: ${paper === 'a4' ? 'A4' : 'letter'}; margin: 20mm 18mm; }
html { color: #1b1d21; background: #fff; }
body { font: 11pt/1.6 ${SERIF}; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: break-word; }
h1, h2, h3, .kind, .meta, .contents { font-family: ${SANS}; }
:lang(zh) { font-family: ${CJK_SERIF}; line-break: strict; text-align: justify; }
h1:lang(zh), h2:lang(zh), h3:lang(zh) { font-family: ${SANS}; text-align: start; }
a { color: #1a4f8b; }
.cover { padding: 30vh 0 4rem; }
.cover h1 { font-size: 2.2rem; line-height: 1.2; margin: 0.2em 0 0.6em; }
.kind { text-transform: uppercase; letter-spacing: 0.12em; color: #6b6f76; font-size: 0.85rem; margin: 0; }
.period { font-size: 1.2rem; margin: 0 0 0.3em; }
.facts { color: #4a4e55; margin: 0; }
.contents h2 { font-size: 1.3rem; }
.contents h3 { font-size: 1rem; margin: 1.2em 0 0.3em; }
.contents ol { margin: 0; padding-left: 2.2em; }
.contents li { margin: 0.25em 0; }
.contents .meta { font-size: 0.85em; }
.group > h2 { font-size: 1.5rem; border-bottom: 2px solid #1b1d21; padding-bottom: 0.2em; margin-top: 2.5rem; }
.item { margin: 0 0 2.2rem; }
.item h3 { font-size: 1.25rem; line-height: 1.3; margin: 1.6rem 0 0.3rem; break-after: avoid; }
.meta { color: #4a4e55; font-size: 0.9rem; margin: 0 0 0.3rem; break-after: avoid; }
.original { font-size: 0.85rem; margin: 0 0 0.8rem; word-break: break-all; }
.original a { color: #4a4e55; }
.highlight { border-left: 4px solid; margin: 0.7em 0 0.2em; padding: 0.2em 0.8em; }
.highlight-note, .note { font-family: ${SANS}; font-size: 0.92rem; color: #33363b; margin: 0.2em 0 0.8em 1.2em; }
.note { border-left: 2px solid #c4c7cc; padding-left: 0.8em; margin-left: 0; }
${colours.join('\n')}
img { max-width: 100%; height: auto; break-inside: avoid; }
figure { margin: 1em 0; break-inside: avoid; }
figcaption { font-size: 0.85rem; color: #4a4e55; }
blockquote:not(.highlight) { margin: 1em 0; padding-left: 1em; border-left: 3px solid #c4c7cc; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .cover { break-after: page; padding-top: 35%; }
  .contents { break-after: page; }
  .content-full .group + .group { break-before: page; }
  .group > h2 { margin-top: 0; }
}
`;
}
