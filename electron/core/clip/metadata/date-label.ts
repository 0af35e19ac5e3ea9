/** Words that say a date is when the page was changed, not when it came out. */
const EDITED = /updated|modified|edited|revised|更新|修改|修订|编辑于/iu;
/** Words that say a date is when the page came out. */
const PUBLISHED = /published|posted|publication|发布|发表|发稿|刊发|首发|出版/iu;
/** What may stand between a label and its date: `on`, `时间`, a colon (`Last updated on `, `发布时间：`). */
const JOINER = String.raw`(?:\s*(?:on|at|date|时间|日期|于))?\s*[:：]?\s*$`;
const EDITED_LABEL = new RegExp(`(?:${EDITED.source})${JOINER}`, 'iu');
const PUBLISHED_LABEL = new RegExp(`(?:${PUBLISHED.source})${JOINER}`, 'iu');

export type DateLabel = 'published' | 'edited' | null;

/**
 * What the label right before a date says it is: in `Published 3 May, updated 5 May` the second
 * date is an edit. A word further back is prose (`…发布《规定》，自2022年2月10日起施行`): null.
 */
export function dateLabel(before: string): DateLabel {
  if (EDITED_LABEL.test(before)) return 'edited';
  return PUBLISHED_LABEL.test(before) ? 'published' : null;
}

/** What class names or an itemprop say a date is (`entry-date published`, `dateModified`); "published" wins a tie. */
export function nameLabel(names: string): DateLabel {
  if (PUBLISHED.test(names)) return 'published';
  return EDITED.test(names) ? 'edited' : null;
}
