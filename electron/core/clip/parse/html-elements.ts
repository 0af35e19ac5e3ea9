/**
 * The HTML tree builder's vocabulary, as far as nesting depth goes: which elements are void, special,
 * scope boundaries or formatting elements, and which tags leave SVG and MathML (HTML Standard, 13.2.4
 * and 13.2.6). Tag names are lower-cased.
 */
import type { Tag } from './html-tags.js';

export type Namespace = 'html' | 'svg' | 'math';

export interface Open {
  name: string;
  ns: Namespace;
  /** Its children are parsed as HTML (always, for HTML elements; at integration points in SVG and MathML). */
  htmlContent: boolean;
}

const words = (list: string): Set<string> => new Set(list.split(' '));

export const VOID = words('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr');
export const FORMATTING = words('a b big code em font i nobr s small strike strong tt u');
export const MARKERS = words('applet object marquee template td th caption');
export const SPECIAL = words(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details ' +
  'dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html ' +
  'iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext ' +
  'pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
const FOREIGN_SPECIAL = words('mi mo mn ms mtext annotation-xml foreignobject desc title');
const SCOPE = words('applet caption html table td th marquee object template');
const TABLE_SCOPE = words('html table template');
const TABLE_END_TAGS = words('table tbody thead tfoot tr td th caption colgroup');
/** Start tags that close an open p; not <table>, which leaves it open in quirks mode. */
export const CLOSES_P = words(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main ' +
  'menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form li dd dt plaintext hr xmp',
);
const BREAKOUT = words(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol ' +
  'p pre ruby s small span strong strike sub sup table tt u ul var',
);
export const HEADINGS = words('h1 h2 h3 h4 h5 h6');
export const RAW_TEXT = words('textarea title xmp iframe noembed noframes');
export const IGNORED = words('html head body');
/** What the head holds; any other element starts the body. */
export const IN_HEAD = words('html head base basefont bgsound link meta noframes noscript script style template title');
export const IN_HEAD_NOSCRIPT = words('html basefont bgsound link meta noframes style');
/** Start tags built by the table rules: a cell needs a row around it, a row a body, a body the table. */
export const TABLE_PARTS = words('caption colgroup col tbody thead tfoot tr td th');
export const ROW_GROUPS = words('tbody thead tfoot');
export const SELECT_CHILDREN = words('option optgroup');

export function isTablePart(name: string): boolean {
  return name === 'table' || TABLE_PARTS.has(name);
}

export function isSpecial(open: Open): boolean {
  return open.ns === 'html' ? SPECIAL.has(open.name) : FOREIGN_SPECIAL.has(open.name);
}

export function isScopeBoundary(open: Open): boolean {
  return open.ns === 'html' ? SCOPE.has(open.name) : FOREIGN_SPECIAL.has(open.name);
}

/** The elements an end tag cannot close through: the tree builder's scopes. */
export function scopeOf(name: string): (open: Open) => boolean {
  if (name === 'p') return (open) => isScopeBoundary(open) || (open.ns === 'html' && open.name === 'button');
  if (name === 'li') return (open) => isScopeBoundary(open) || (open.ns === 'html' && (open.name === 'ol' || open.name === 'ul'));
  if (TABLE_END_TAGS.has(name)) return (open) => open.ns === 'html' && TABLE_SCOPE.has(open.name);
  return isScopeBoundary;
}

/** An HTML tag inside SVG or MathML closes them and is HTML again (a font only with these attributes). */
export function breaksOut(tag: Tag): boolean {
  if (tag.name === 'font') return ['color', 'face', 'size'].some((name) => tag.attributes.has(name));
  return BREAKOUT.has(tag.name);
}

export function isIntegrationPoint(tag: Tag, ns: 'svg' | 'math'): boolean {
  if (ns === 'svg') return ['foreignobject', 'desc', 'title'].includes(tag.name);
  if (['mi', 'mo', 'mn', 'ms', 'mtext'].includes(tag.name)) return true;
  return tag.name === 'annotation-xml' && /^(?:text\/html|application\/xhtml\+xml)$/i.test(tag.attributes.get('encoding') ?? '');
}
