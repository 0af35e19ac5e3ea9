/**
 * Hypothesis annotations as its client exports them (`{ export_date, export_userid, annotations }`),
 * as its API lists them (`{ total, rows }`), or as a bare array. Annotations are grouped by page
 * (`uri`) into one entry each. A highlight's passage is its TextQuoteSelector (exact, prefix,
 * suffix), with its TextPositionSelector as a hint where the quote occurs more than once: Hypothesis
 * counts UTF-16 code units of its view of the live page, which are converted to code points against
 * the article Clipdesk keeps. Tags on a highlight become the clip's tags (a Clipdesk highlight has
 * none). An annotation with no selector is a note on the page; a reply is added to the note of the
 * annotation it answers.
 */
import { cleanTags, cleanText, cleanTitle, countOf, pageEntry, problem, readDate } from '../entry-fields.js';
import type { ExportFile, ImportedHighlight, ImportEntry, ImportProblem } from '../import-entry.js';
import { countJsonItems, jsonItems } from '../read/json-items.js';
import { isRecord } from './json-export.js';

interface Page {
  indexes: number[];
  url: unknown;
  title: string | null;
  notes: string[];
  tags: unknown[];
  /** When each annotation was made, to date the entry by the first. */
  created: string[];
  highlights: Map<string, ImportedHighlight>;
  warnings: string[];
}

type Annotation = Record<string, unknown>;

/** Where the annotations are: the client's export, the API's search result, or the root. */
export function hypothesisPath(keys: readonly string[]): string[] {
  return keys.includes('annotations') ? ['annotations'] : keys.includes('rows') ? ['rows'] : [];
}

export function openHypothesisJson(bytes: Uint8Array, path: string[]): ExportFile {
  const itemCount = countJsonItems(bytes, path);
  return {
    format: 'hypothesis-json',
    description: `Hypothesis annotations (JSON), ${countOf(itemCount, 'annotation')}`,
    entries: async function* () {
      const pages = new Map<string, Page>();
      for (const item of jsonItems(bytes, path)) {
        const source = `annotation ${item.index}`;
        if (!('value' in item) || !isRecord(item.value)) yield problem(source, 'it is not an annotation Clipdesk can read');
        else if (typeof item.value.uri !== 'string') yield problem(source, 'it names no page (uri)');
        else addTo(pageOf(pages, item.value), item.value, item.index);
      }
      for (const page of pages.values()) yield entryOf(page);
    },
  };
}

function pageOf(pages: Map<string, Page>, annotation: Annotation): Page {
  const uri = annotation.uri as string;
  let page = pages.get(uri);
  if (!page) {
    page = { indexes: [], url: uri, title: null, notes: [], tags: [], created: [], highlights: new Map(), warnings: [] };
    pages.set(uri, page);
  }
  return page;
}

function addTo(page: Page, annotation: Annotation, index: number): void {
  const createdAt = readDate(annotation.created, 'date', page.warnings);
  page.indexes.push(index);
  page.title ??= titleOf(annotation);
  if (createdAt) page.created.push(createdAt);
  const text = cleanText(annotation.text);
  const tags = cleanTags(Array.isArray(annotation.tags) ? annotation.tags : [], page.warnings);
  const answered = Array.isArray(annotation.references) ? page.highlights.get(String(annotation.references.at(-1))) : undefined;
  const quote = quoteOf(annotation);
  if (answered) {
    answered.note = [answered.note, text].filter(Boolean).join('\n\n') || null;
  } else if (quote) {
    page.highlights.set(String(annotation.id), { ...quote, note: text, createdAt, tags });
  } else {
    if (text) page.notes.push(text);
    page.tags.push(...tags);
  }
}

/** Hypothesis keeps the page's titles as a list (`document.title`); the first is the page's own. */
function titleOf(annotation: Annotation): string | null {
  const titles = isRecord(annotation.document) ? annotation.document.title : null;
  return cleanTitle(Array.isArray(titles) ? titles[0] : titles);
}

/** The TextQuoteSelector of the annotation's first target, as a highlight's quote, prefix and suffix. */
function quoteOf(annotation: Annotation): Pick<ImportedHighlight, 'quote' | 'prefix' | 'suffix' | 'position'> | null {
  const target = Array.isArray(annotation.target) && isRecord(annotation.target[0]) ? annotation.target[0] : null;
  const selectors: unknown[] = target && Array.isArray(target.selector) ? target.selector : [];
  const selectorOf = (type: string) =>
    selectors.find((candidate) => isRecord(candidate) && candidate.type === type) as Annotation | undefined;
  const selector = selectorOf('TextQuoteSelector');
  const quote = selector && cleanText(selector.exact);
  if (!selector || !quote) return null;
  const { start, end } = selectorOf('TextPositionSelector') ?? {};
  const positioned = Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) < (end as number);
  return {
    quote,
    ...(typeof selector.prefix === 'string' ? { prefix: selector.prefix } : {}),
    ...(typeof selector.suffix === 'string' ? { suffix: selector.suffix } : {}),
    ...(positioned ? { position: { start: start as number, end: end as number, units: 'utf-16' as const } } : {}),
  };
}

function entryOf(page: Page): ImportEntry | ImportProblem {
  const [first, ...more] = page.indexes;
  const source = more.length > 0 ? `annotation ${first} and ${more.length} more on the same page` : `annotation ${first}`;
  return pageEntry(source, page.url, {
    title: page.title,
    tags: cleanTags(page.tags, page.warnings),
    note: page.notes.length > 0 ? page.notes.join('\n\n') : null,
    addedAt: page.created.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null,
    highlights: [...page.highlights.values()],
    warnings: page.warnings,
  });
}
