/** Words that say a date is when the page was changed, not when it came out. */
const EDITED = /updated|modified|edited|revised|更新|修改|修订|编辑于/iu;
/** Words that say a date is when the page came out. */
const PUBLISHED = /published|posted|publication|发布|发表|发稿|刊发|首发|出版/iu;
/** Words that introduce the date a page's header shows for the reader's day (`今天是 2005年3月12日 星期六`). */
const CLOCK = /today\s+is|今天是?|今日|当前时间|现在时间/iu;
/** What may stand between a label and its date: `on`, `时间`, a colon (`Last updated on `, `发布时间：`). */
const JOINER = String.raw`(?:\s*(?:on|at|date|时间|日期|于))?\s*[:：]?\s*$`;
const EDITED_LABEL = new RegExp(`(?:${EDITED.source})${JOINER}`, 'iu');
const PUBLISHED_LABEL = new RegExp(`(?:${PUBLISHED.source})${JOINER}`, 'iu');
const CLOCK_LABEL = new RegExp(`(?:${CLOCK.source})${JOINER}`, 'iu');
/** `© 2020`, `Copyright 2005-03-12`, `版权所有`: a footer's date says when the site was, not the article. */
const COPYRIGHT = /©|\(c\)\s*\d|copyright|版权所有/iu;

/** An edit, the page's own clock, or a publication; null when the words say nothing. */
export type DateLabel = 'published' | 'edited' | 'clock' | null;

/**
 * What the label right before a date says it is: in `Published 3 May, updated 5 May` the second
 * date is an edit. A word further back is prose (`…发布《规定》，自2022年2月10日起施行`): null.
 */
export function dateLabel(before: string): DateLabel {
  if (EDITED_LABEL.test(before)) return 'edited';
  if (CLOCK_LABEL.test(before)) return 'clock';
  return PUBLISHED_LABEL.test(before) ? 'published' : null;
}

/** Whether a label rules its date out as the publication: an edit, or today's date in the page's header. */
export function notPublication(label: DateLabel): boolean {
  return label === 'edited' || label === 'clock';
}

/** A copyright line: whatever date it holds is not the article's. */
export function isCopyrightLine(line: string): boolean {
  return COPYRIGHT.test(line);
}

/** What class names or an itemprop say a date is (`entry-date published`, `dateModified`); "published" wins a tie. */
export function nameLabel(names: string): DateLabel {
  if (PUBLISHED.test(names)) return 'published';
  return EDITED.test(names) ? 'edited' : null;
}
