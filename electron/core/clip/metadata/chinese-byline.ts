/**
 * Who wrote a Chinese news page, as the page prints it. Portals rarely put the reporter in
 * metadata, and when they do it is often the site's name.
 */

const HAN_NAME = String.raw`[\p{Script=Han}·]{2,4}`;
/** Forum and blog handles: anything up to white space or punctuation that ends a value. */
const HANDLE = String.raw`[^\s:：|｜，,。;；()（）<>"'=【】\[\]]{1,20}`;
/** `赵  培`: two-character names are padded to the width of three-character ones. */
const PADDED_NAME = String.raw`\p{Script=Han}[ \u3000]{1,3}\p{Script=Han}`;
const NAME_END = String.raw`(?=[\s、,，)）\]】]|$)`;
const NAMES = String.raw`${HAN_NAME}${NAME_END}(?:[\s、,，]+${HAN_NAME}${NAME_END})*`;

/** `作者：` or `文/`, at the start of a line or after a space or an opening bracket. */
const AUTHOR_WORD = String.raw`(?:^|[\s【[（(])(?:(?:作者|撰文|执笔人?|撰稿人?)\s*[:：]|文\s*[/／])`;
/** A name or a handle, ending where a value ends, then any more names. */
const AUTHOR_NAMES = String.raw`(?:${PADDED_NAME}|${HANDLE})(?=\s|$|[|｜:：，,。;；)）】\]])(?:[\s、]+${HAN_NAME}${NAME_END})*`;
const AUTHOR_LABEL = new RegExp(String.raw`${AUTHOR_WORD}\s*(${AUTHOR_NAMES})`, 'u');
/** `本报记者`, `新华社特约记者`, `通讯员`: after any bullet, an outlet, a rank, then the role. */
const REPORTER_ROLE = String.raw`^[□■●◎\s]*(?:[\p{Script=Han}A-Za-z]{0,10}?\s*)(?:特约|首席|见习|实习)?(?:记者|通讯员|实习生)`;
const REPORTER_LINE = new RegExp(String.raw`${REPORTER_ROLE}(?:\s*[:：]\s*|\s+)(${NAMES})`, 'u');
const CLOSING_PARENTHESIS = /[（(]([^（()）]{2,40})[)）]\s*$/u;
const PARENTHESIS_ROLE = /^[\p{Script=Han}]{0,8}?(?:记者|通讯员|实习生)\s*[:：]?\s*/u;
const PARENTHESIS_PLACE = /\s*[\p{Script=Han}]{0,6}报道$/u;
const POSTED_BY = new RegExp(String.raw`^(${HANDLE})\s*发表于\s*\d|由\s*(${HANDLE}?)\s*(?:张贴|发表|发布)\s*[@于]`, 'u');
const BRACKETED_BEFORE_SOURCE = new RegExp(String.raw`[[【]\s*(${NAMES})\s*[\]】][^\p{L}\p{N}]{0,3}来源`, 'u');
const EDITOR_LABEL = new RegExp(String.raw`(?:责任编辑|责编|编辑|主编)\s*[:：]\s*(${NAMES})`, 'u');
const ONLY_NAMES = new RegExp(String.raw`^${NAMES}$`, 'u');
const ISSUER_LABEL = /(?:发文机关|发布机构|发文单位)\s*[:：]\s*([\p{Script=Han}]{2,30})/u;

/** Values that are not people: outlets and bodies (`新华社`, `北京晚报`), and notes like `未完待续`. */
const NOT_A_PERSON = /(?:社|报|网|台|站|刊|部|局|会|院|委|府|厅|处|办|组|队|所|中心|公司|集团|新闻|记者|编辑|报道|待续)$|^(?:本报|本刊|本台|据|全文完|本文完)/u;
const HEADING = /^(?:摘要|导语|前言|引言|正文|简介|概述|目录|序言|后记|编者按|按语|附件|图片|视频)$/u;
const BYLINE_LINE_CHARS = 40;
const TAIL_LINES = 3;

export interface BylineSources {
  /** Page text from the headline to a little past the article: dateline and byline rows live here. */
  region: string;
  /** The extracted article text. */
  article: string;
}

/**
 * The byline the page prints, in order of trust: reporter rows (`本报记者 张三 李四`), a labelled
 * author (`作者：张三`), a credit closing the last paragraph (`（记者 张三）`), a post's author
 * (`张三 发表于 …`), a name alone under the headline, a bracketed name before the source
 * (`[ 张三 ] 来源：`), the editor (`编辑：张三`), the issuing body (`发文机关：…`). Null when none.
 */
export function findChineseByline({ region, article }: BylineSources): string | null {
  const regionLines = lines(region);
  const articleLines = lines(article);
  return (
    reporters(regionLines) ??
    firstMatch(regionLines, AUTHOR_LABEL) ??
    closingCredit(articleLines.slice(-TAIL_LINES)) ??
    postedBy(regionLines) ??
    nameUnderHeadline(articleLines) ??
    firstMatch(regionLines, BRACKETED_BEFORE_SOURCE) ??
    firstMatch(regionLines, EDITOR_LABEL) ??
    issuer(regionLines)
  );
}

/** A lone name written with padding (`赵  培`, to line up with three-character names) is one name. */
export function tidyName(byline: string): string {
  const compact = byline.trim().replace(/\s+/g, ' ');
  return /^\p{Script=Han} \p{Script=Han}$/u.test(compact) ? compact.replace(' ', '') : compact;
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

function firstMatch(candidates: readonly string[], pattern: RegExp): string | null {
  for (const line of candidates) {
    const names = personNames(pattern.exec(line)?.[1]);
    if (names) return names;
  }
  return null;
}

/** Every reporter line (`本报实习生 刘国栋`, `本报记者 王燕平 方云凤`), since papers credit several. */
function reporters(candidates: readonly string[]): string | null {
  const found = candidates.filter((line) => line.length <= BYLINE_LINE_CHARS).map((line) => personNames(REPORTER_LINE.exec(line)?.[1]));
  const names = [...new Set(found.filter((n): n is string => n !== null).flatMap((n) => n.split(' ')))];
  return names.length > 0 ? names.join(' ') : null;
}

/**
 * `（记者 胡晓蓉）`, `（姚峰 上海报道）`, `（常书香 马丹阳）` closing the last paragraph. A single name
 * with neither role nor place is left alone: `（央视）` reads the same.
 */
function closingCredit(tail: readonly string[]): string | null {
  for (const line of [...tail].reverse()) {
    const inside = CLOSING_PARENTHESIS.exec(line)?.[1];
    if (!inside) continue;
    const names = inside.replace(PARENTHESIS_ROLE, '').replace(PARENTHESIS_PLACE, '').trim();
    const marked = names.length < inside.trim().length;
    if (ONLY_NAMES.test(names) && (marked || names.includes(' '))) return personNames(names);
  }
  return null;
}

function postedBy(candidates: readonly string[]): string | null {
  for (const line of candidates) {
    const match = POSTED_BY.exec(line);
    const handle = personNames(match?.[1] ?? match?.[2]);
    if (handle) return handle;
  }
  return null;
}

/** Essays print the author's name alone on the line under the title. */
function nameUnderHeadline(articleLines: readonly string[]): string | null {
  for (const line of articleLines.slice(0, 2)) {
    if (/^\p{Script=Han}{2,3}$/u.test(line) && !HEADING.test(line)) return personNames(line);
  }
  return null;
}

/** Government notices are signed by a body, not a person. */
function issuer(candidates: readonly string[]): string | null {
  for (const line of candidates) {
    const body = ISSUER_LABEL.exec(line)?.[1];
    if (body) return body;
  }
  return null;
}

/** The names in a matched value, space-separated; null when any reads as an organisation or a note. */
function personNames(value: string | undefined): string | null {
  const names = value?.split(/[\s、,，]+/).filter(Boolean) ?? [];
  return names.length > 0 && !names.some((name) => NOT_A_PERSON.test(name)) ? names.join(' ') : null;
}
