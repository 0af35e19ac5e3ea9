/**
 * The Netscape bookmark file every browser exports (and Pinboard, Karakeep, Linkwarden...). Folders
 * become tags, except the browser's own roots (the toolbar, "Other bookmarks"); `TAGS` adds tags,
 * `ADD_DATE` is Unix seconds, a <DD> after a bookmark is its description (the clip's note), and
 * `TOREAD="1"` or Safari's Reading List marks it unread. Browsers never close <DT>, <DD> or <p>.
 */
import { decodeHtml } from '../../clip/decode/charset.js';
import { cleanTags, cleanText, cleanTitle, countOf, pageEntry, readDate } from '../entry-fields.js';
import type { ExportFile, ImportEntry, ImportProblem } from '../import-entry.js';
import { attribute, childElements, childNamed, htmlBody, lineOf, textOf } from '../read/html-tree.js';
import type { HtmlElement } from '../read/html-tree.js';

interface Folder {
  name: string;
  /** The browser's own roots name no subject: they are no tags. */
  isTag: boolean;
  isReadingList: boolean;
}

interface Frame {
  children: HtmlElement[];
  next: number;
  folders: Folder[];
}

interface Bookmark {
  anchor: HtmlElement;
  folders: Folder[];
  description: string | null;
}

const ROOT_MARKS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];

export function isNetscapeBookmarks(html: string): boolean {
  return /^\s*<!DOCTYPE\s+NETSCAPE-Bookmark-file-1\s*>/i.test(html) || (/<dl\b/i.test(html) && /<dt>\s*<a\s[^>]*href/i.test(html));
}

export function openNetscapeBookmarks(bytes: Uint8Array): ExportFile {
  const html = decodeHtml(bytes).text;
  const count = html.match(/<a\s[^>]*href\s*=/gi)?.length ?? 0;
  return {
    format: 'netscape-bookmarks',
    description: `Browser bookmarks (Netscape bookmark file), ${countOf(count, 'bookmark')}`,
    entries: async function* () {
      for (const bookmark of bookmarksOf(htmlBody(html))) yield entryOf(bookmark);
    },
  };
}

/** The bookmarks in file order, each with the folders it sits in; the tree is walked with a stack, not recursion. */
function* bookmarksOf(body: HtmlElement): Generator<Bookmark> {
  const stack: Frame[] = [{ children: childElements(body), next: 0, folders: [] }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const element = frame.children[frame.next++];
    if (!element) stack.pop();
    else if (element.tagName === 'a') yield { anchor: element, folders: frame.folders, description: null };
    else if (element.tagName === 'dt') yield* termOf(element, frame, stack);
    else if (element.tagName !== 'h3') stack.push({ children: childElements(element), next: 0, folders: frame.folders });
  }
}

/**
 * A <DT> holds a bookmark or a folder's heading and list. The <DD> after it is the bookmark's
 * description, or holds the folder's list when the folder has a description (the <DD> takes it in).
 */
function* termOf(term: HtmlElement, frame: Frame, stack: Frame[]): Generator<Bookmark> {
  const following = frame.children[frame.next];
  const dd = following?.tagName === 'dd' ? following : null;
  if (dd) frame.next++;
  const anchor = childNamed(term, 'a');
  if (anchor) yield { anchor, folders: frame.folders, description: dd && cleanText(textOf(dd, 'dl')) };
  const heading = childNamed(term, 'h3');
  const list = heading && (childNamed(term, 'dl') ?? (dd && childNamed(dd, 'dl')));
  if (heading && list) stack.push({ children: childElements(list), next: 0, folders: [...frame.folders, folderOf(heading)] });
}

function folderOf(heading: HtmlElement): Folder {
  const name = cleanTitle(textOf(heading)) ?? '';
  const isRoot = ROOT_MARKS.some((mark) => attribute(heading, mark)?.toLowerCase() === 'true');
  const isReadingList = attribute(heading, 'id') === 'com.apple.ReadingList';
  return { name, isTag: name !== '' && !isRoot && !isReadingList, isReadingList };
}

function entryOf({ anchor, folders, description }: Bookmark): ImportEntry | ImportProblem {
  const warnings: string[] = [];
  const folderTags = folders.filter((folder) => folder.isTag).map((folder) => folder.name);
  const ownTags = (attribute(anchor, 'tags') ?? '').split(',');
  const toRead = attribute(anchor, 'toread') === '1' || folders.some((folder) => folder.isReadingList);
  return pageEntry(`line ${lineOf(anchor)}`, attribute(anchor, 'href'), {
    title: cleanTitle(textOf(anchor)),
    tags: cleanTags([...folderTags, ...ownTags], warnings),
    note: description,
    addedAt: readDate(attribute(anchor, 'add_date'), 'date added', warnings),
    readState: toRead ? 'unread' : null,
    warnings,
  });
}
