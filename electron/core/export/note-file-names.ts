/**
 * File names for notes made from clip titles that every system takes: Windows forbids `\ / : * ? " < > |`,
 * control characters, names ending in a dot or a space and device names (CON, NUL, COM1…); Obsidian
 * reads `# ^ [ ]` in a name as link syntax. Everything else, Chinese included, stays as written.
 */
const FORBIDDEN = /[\\/:*?"<>|#^[\]\p{Cc}]/gu;
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** Well under the 255 bytes most file systems allow, leaving room for " (2)" and ".md". */
const MAX_BYTES = 150;

/** The stem (no extension) of a note file named after `title`. */
export function noteFileStem(title: string): string {
  const tidy = trimEnds(title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' '));
  const stem = trimEnds(withinBytes(tidy, MAX_BYTES)) || 'Untitled';
  return DEVICE_NAME.test(stem) ? `${stem} (note)` : stem;
}

/** The n-th candidate file name for a stem: `Title.md`, `Title (2).md`… */
export function noteFileName(stem: string, n: number): string {
  return `${n > 1 ? `${stem} (${n})` : stem}.md`;
}

/** What file names are unique by: macOS and Windows tell neither case nor Unicode normal forms apart. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** No leading dots (a hidden file), no trailing dots or spaces (Windows drops them). */
function trimEnds(name: string): string {
  return name.trim().replace(/^\.+/, '').replace(/[. ]+$/, '').trim();
}

/** The longest start of `text` of at most `max` UTF-8 bytes, cut between code points. */
function withinBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}
