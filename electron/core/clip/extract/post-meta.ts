import { CHINESE_SENTENCE, hasBlockChild, isInline, squeeze, visibleLength } from './text-blocks.js';

/** Longer than this, a line is prose that happens to use two of the labels. */
const META_LINE_CHARS = 200;
/**
 * Labels of a blog post's fields, with their colon, in the languages blog themes ship: who posted
 * it, when, its categories and tags (`Publicado por: … - Categoria: … - Tags: …`).
 */
const FIELD = new RegExp(`(?:^|[\\s|·•–—-])(?:${[
  '(?:posted|published) (?:by|in|on)', 'written by', 'filed under', 'categor(?:y|ies|ia|ias|ía|ías|ie|ien)', 'tag(?:s|ged)?',
  'publicado (?:por|em|en)', 'pubblicato (?:da|il|in)', 'publié (?:par|le|dans)', 'veröffentlicht (?:von|am|in)',
  'etiquetas', 'étiquettes', 'schlagw(?:örter|orte)', 'arquivado em', 'archiviato in',
].join('|')})\\s*[:：]`, 'giu');

/** Drops a line made of a post's labelled fields: two or more, each with its colon. */
export function dropPostMetaLines(root: Element): void {
  for (const line of Array.from(root.querySelectorAll('*'))) {
    if (isInline(line) || hasBlockChild(line)) continue;
    const text = squeeze(line.textContent);
    if (visibleLength(text) <= META_LINE_CHARS && !CHINESE_SENTENCE.test(text) && (text.match(FIELD)?.length ?? 0) >= 2) line.remove();
  }
}
