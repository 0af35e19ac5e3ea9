import { countWords } from '../../text-stats.js';
import { isSiteName } from './site-title.js';

/**
 * The names in a byline as templates print it: `By: Marguerite Reardon August 18, 2010 3:21 PM PDT
 * Print E-mail` is Marguerite Reardon. The reader prints "By" itself, so the word goes too.
 */

const LEAD_VERB = String.raw`(?:written|posted|words|story|reporting|analysis|opinion|commentary|review|interview)\s+`;
/** `By`, `Written by`, `Par`, `Por`, `Text:` ahead of the names. */
const LEAD_WORD = new RegExp(String.raw`^(?:${LEAD_VERB})?(?:by|par|por)\b\s*[:：]?\s*|^text\s*:\s*`, 'iu');
/** The lead word without what may follow it, for one run into the name. */
const LEAD_ALONE = new RegExp(String.raw`^(?:${LEAD_VERB})?(?:by|par|por)`, 'iu');
/** A name's start: a capital, then a small letter. */
const NAME_START = /^\p{Lu}\p{Ll}/u;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|` +
  String.raw`sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`;
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?\s+`;
/**
 * Where the names end and the template's next item begins: a date (`Aug. 17, 2010`, `05 Oct 2011`,
 * `2014-01-26`, `6/30/2014`, `2019年04月28日`) or a clock (`9:39AM`), `… ago`, a spaced separator
 * (` | `, ` - `), the next control (`Follow @malusbrutus`, `•@handle`, `Print`, `E-mail`, `View author
 * archive`, `76 Comments`), which a template may print where no name is (`View Comments`).
 */
const AFTER_NAMES = new RegExp([
  String.raw`(?:${WEEKDAY})?${MONTH}\s+\d{1,2}\b`,
  String.raw`(?:${WEEKDAY})?\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\s+\d{4}`,
  String.raw`\d{4}-\d\d-\d\d`,
  String.raw`\d{4}\s*年\s*\d{1,2}\s*月`,
  String.raw`\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`,
  String.raw`\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\b\.?)?`,
  String.raw`\b\d+\s+(?:hours?|hrs?|minutes?|mins?|days?)\s+ago\b`,
  String.raw`\s[|–—-]\s`,
  String.raw`(?:^|\s)(?:follow|print|e-?mail|share|tweet|view)\b|[\s•·]@\w|\s\d+\s*comments?\b`,
].join('|'), 'iu');
/** Words that joined the names to what followed them: `By Samit Sarkar on Jun 30`, `Jane Doe, Mar. 3`. */
const TRAILING_JOINER = /(?:[\s,;·•|/]|\b(?:on|at|updated|published|posted)\b)+$/iu;
const ADDRESS = /^(?:https?:\/\/|www\.)|^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu;
const ROLE_MODIFIER = String.raw`(?:senior|chief|deputy|managing|associate|contributing|staff|executive|special|editorial|news|` +
  String.raw`sports?|political|business|science|tech(?:nology)?|health|foreign|national|international)\s+`;
const ROLE = String.raw`(?:correspondent|reporter|editor|writer|columnist|contributor|producer|analyst|critic|photographer)s?`;
/**
 * A role closing the names with no comma before it: modifiers and one free word after them (a beat,
 * a place: `Senior Washington Correspondent`), or the role alone.
 */
const ROLE_AT_END = new RegExp(String.raw`\s+((?:${ROLE_MODIFIER})+(?:[\p{L}.-]+\s+)?${ROLE}|${ROLE})$`, 'iu');
/**
 * A capitalized role run into the last name with no space (`Larry FitzmauriceContributor`): a template's
 * name and role in elements side by side, their texts joined as they are.
 */
const GLUED_ROLE = /(?<=\p{Ll})(?=(?:Correspondent|Reporter|Editor|Writer|Columnist|Contributor|Producer|Analyst|Critic|Photographer)s?$)/u;
/** Labels and the accounts a CMS names when nobody signed the post. */
const NOT_A_NAME = /^(?:authors?|by|admin|administrator|webmaster)$/iu;
const HAS_LETTER = /\p{L}/u;
/** Longer is a paragraph or a hostile page's filler, not a byline (and the patterns above stay quick). */
const BYLINE_CHARS = 300;

/** The names a byline gives, or null when it gives none (a date, an address, the site's own name). */
export function bylineNames(byline: string | null | undefined, siteNames: readonly string[]): string | null {
  if (!byline || byline.length > BYLINE_CHARS) return null;
  let names = withLeadApart(byline.replace(/\s+/g, ' ').trim()).replace(LEAD_WORD, '');
  const end = AFTER_NAMES.exec(names);
  if (end) names = names.slice(0, end.index);
  names = withRoleApart(names.replace(TRAILING_JOINER, '').trim());
  return HAS_LETTER.test(names) && !ADDRESS.test(names) && !NOT_A_NAME.test(names) && !isSiteName(names, siteNames) ? names : null;
}

/**
 * `ByElizabeth Kolbert`, `Written byMark Manson`: the lead word and the name in elements side by side
 * (`<h5>Written by</h5><a>Mark Manson</a>`), their texts joined as they are. The name's capital after
 * the lead word's small letter tells the two apart (`Byron` is a name: a small letter follows `By`).
 */
function withLeadApart(byline: string): string {
  const lead = LEAD_ALONE.exec(byline)?.[0];
  return lead && NAME_START.test(byline.slice(lead.length)) ? `${lead} ${byline.slice(lead.length)}` : byline;
}

/** A role run on after the names set off by a comma, as bylines with a role write it: `Andrea Stone, Senior Washington Correspondent`. */
function withRoleApart(glued: string): string {
  const names = glued.replace(GLUED_ROLE, ' ');
  const role = names.includes(',') ? null : ROLE_AT_END.exec(names);
  if (!role) return names;
  const before = names.slice(0, role.index);
  return countWords(before) >= 2 ? `${before}, ${role[1]}` : names;
}
