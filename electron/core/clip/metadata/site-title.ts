import { countWords } from '../../text-stats.js';

/**
 * Where a title may be cut: the spaced separators sites put between headline and name (` - `, ` | `,
 * ` – `, ` — `, ` :: `, ` » `), `_`, `·` and the full-width `｜` spaced or not (Japanese sites write
 * "…生まれ変わった｜WIRED.jp"), and a bare `-` or `--` beside non-Latin text, as Chinese portals write
 * it ("…吗？-查报纸网"); a bare hyphen between Latin letters joins a word.
 */
const SEPARATOR = /\s+(?:[-|–—»]|::)\s+|\s*(?:_+|·|｜)\s*|(?<=[^\x00-\x7F])\s*-{1,2}\s*|\s*-{1,2}\s*(?=[^\x00-\x7F])/gu;
/**
 * A colon, spaced or not, before the site's own name at a title's end, as blogs and Japanese papers
 * write it ("…「Treeviz」:phpspot開発日誌", "…が受賞：朝日新聞デジタル"). Never at the start: there a
 * name and a colon give the story's source ("Reuters: oil slips…").
 */
const COLON = /\s*[:：]\s*/gu;
/**
 * A web address's "www." and top-level domain, and the Chinese 网/网站 ("web site") after a name, so
 * "MacRumors.com" names the same site as "MacRumors", and "人民政府网" the same as "人民政府".
 */
const SITE_KIND = /^www\.|\.(?:com|net|org|co\.uk|com\.cn|cn|uk|de|fr|jp|in)$|网站?$/giu;
/** Where a title may be cut before a heading that names its own part: the separators above, a spaced `:` or `•`. */
const HEADING_SEPARATOR = new RegExp(`${SEPARATOR.source}|\\s+[:•]\\s+`, 'gu');
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const MIN_LETTERS = 4;
/** Longer than a site's name or a page's headline. */
const NAME_CHARS = 400;

/**
 * The title without the site's own name repeated at its end or start ("… - Los Angeles Times",
 * "…_新浪网"), when the page names that site. The name must match whole after folding case, spaces and
 * punctuation, and what remains must still read as a title (two words or more), else the title stays.
 */
export function dropSiteName(title: string, siteNames: readonly string[]): string {
  const names = new Set(siteNames.map(fold).filter((name) => name !== ''));
  if (names.size === 0) return title;
  for (const { head, tail } of sides(title)) {
    if (isOneOf(tail, names) && readsAsTitle(head)) return head;
    if (isOneOf(head, names) && readsAsTitle(tail)) return tail;
  }
  for (const { head, tail } of sides(title, COLON)) if (isOneOf(tail, names) && readsAsTitle(head)) return head;
  return title;
}

/**
 * The headline alone when the page's own heading is the title's first or last part ("Voice interfaces
 * • Dustin Curtis", "How to Save Money - Your Money Today - MSN" under `<h1>How to Save Money`): the
 * heading says where the headline ends, whatever the rest names. Folded as site names are; a heading
 * that is the site's name (a logo set as `<h1>`) is no headline.
 */
export function headlineOfTitle(title: string, headings: readonly string[], siteNames: readonly string[]): string {
  const names = new Set(siteNames.map(fold));
  const wanted = new Set(headings.map(fold).filter((heading) => heading !== '' && !names.has(heading)));
  for (const { head, tail } of sides(title, HEADING_SEPARATOR)) {
    if (isOneOf(head, wanted)) return head;
    if (isOneOf(tail, wanted)) return tail;
  }
  return headingForWord(title, headings) ?? title;
}

/** The share of its words each of two headlines must find in the other to be one headline written twice. */
const SAME_HEADLINE = 0.6;
/** A word of a spaced script, or one CJK character (those scripts do not space their words). */
const HEADLINE_WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[\p{L}\p{N}]+/gu;

/**
 * The page's one heading when it is the title's headline as the page shows it: sites write another
 * title for search engines and social cards ("Lady Gaga Shares Pic of Ex Taylor Kinney With Her Mom"
 * over the `<h1>` "Lady Gaga Shares Photo of Ex Taylor Kinney Hanging With Her Mom and…"). Only when
 * each holds most of the other's words and the heading has as many: a page whose one heading names a
 * section, a column or the site keeps its title, and so does a page of several headings. On the pages
 * of Mercury's tests (bench:fixtures) this took titles as stated from 54 to 56 of 69 on the half looked
 * at, and from 54 to 57 of 70 on the other.
 */
export function shownHeadline(title: string, headings: readonly string[], siteNames: readonly string[]): string {
  const [heading, ...others] = headings;
  if (heading === undefined || others.length > 0 || heading.length > NAME_CHARS || isSiteName(heading, siteNames)) return title;
  const [titleWords, headingWords] = [wordsOf(title), wordsOf(heading)];
  // A shorter heading is a label the title holds (a show's name over "Here's The Thing: Stacy Keach").
  if (headingWords.length < titleWords.length) return title;
  return shareFound(titleWords, headingWords) >= SAME_HEADLINE && shareFound(headingWords, titleWords) >= SAME_HEADLINE ? heading : title;
}

/** The words compared, folded to NFKC and lower case. */
function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(HEADLINE_WORD) ?? [];
}

/**
 * The share of `words` that `other` holds, each word of `other` answering for one of them ("Lust for
 * Youth" holds half of "Lust for Youth: Lust for Youth").
 */
function shareFound(words: readonly string[], other: readonly string[]): number {
  const held = new Map<string, number>();
  for (const word of other) held.set(word, (held.get(word) ?? 0) + 1);
  const found = words.filter((word) => {
    const left = held.get(word) ?? 0;
    held.set(word, left - 1);
    return left > 0;
  });
  return words.length === 0 ? 0 : found.length / words.length;
}

/**
 * The page's heading when the title is one word that the heading holds among more: the title names
 * the section ("Arbeit" over `<h1>Wir kämpfen für gute Arbeit`), the heading the story.
 */
function headingForWord(title: string, headings: readonly string[]): string | null {
  const word = title.trim().toLowerCase();
  if (!/^[\p{L}\p{N}]+$/u.test(word) || countWords(word) !== 1) return null;
  return headings.find((heading) => heading.length <= NAME_CHARS && countWords(heading) >= 3
    && heading.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(word)) ?? null;
}

/** Whether a text (a byline, say) is one of the site's names, folded as titles are ("CNN.com" is CNN). */
export function isSiteName(text: string, siteNames: readonly string[]): boolean {
  return isOneOf(text, new Set(siteNames.map(fold).filter((name) => name !== '')));
}

/** The title's two sides at each place it may be cut, trimmed, one cut at a time. */
function* sides(title: string, separator = SEPARATOR): Generator<{ head: string; tail: string }> {
  for (const match of title.matchAll(separator)) {
    yield { head: title.slice(0, match.index).trim(), tail: title.slice(match.index + match[0].length).trim() };
  }
}

/**
 * Whether a part of the title folds to one of the names. A part longer than any name or headline is
 * none: folding every long part of a hostile title cut at every dash would take minutes.
 */
function isOneOf(part: string, folded: ReadonlySet<string>): boolean {
  return part.length <= NAME_CHARS && folded.has(fold(part));
}

function fold(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(SITE_KIND, '').replace(NOT_LETTER_OR_DIGIT, '');
}

function readsAsTitle(text: string): boolean {
  return countWords(text) >= 2 && (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_LETTERS;
}
