/**
 * The clip library's search index: BM25 ranking by MiniSearch over the clip fields, plus the per-clip
 * filter fields kept beside it, so filters never touch the disk. Full texts are not kept in memory;
 * exact phrases are checked against the text loaded on demand.
 */
import MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import { phraseMatcher } from './phrase.js';
import type { PhraseMatcher } from './phrase.js';
import { parseQuery } from './query.js';
import type { Filter, ParsedQuery, Term } from './query.js';
import { fold, indexTerms } from './tokenize.js';

export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  source: string;
  byline: string;
  url: string;
  tags: string[];
  note: string;
  /** Annotation quotes and notes, joined. */
  annotations: string;
  /** ISO 8601. */
  publishedAt: string | null;
  /** ISO 8601. */
  clippedAt: string;
  starred: boolean;
  annotated: boolean;
}

export interface IndexHit {
  id: string;
  score: number;
  /** The matched index terms, for snippets. */
  terms: string[];
}

export interface SearchPage {
  total: number;
  hits: IndexHit[];
}

const DEFAULT_LIMIT = 50;

const BOOSTS = { title: 5, tags: 3, source: 2, byline: 2, annotations: 1.5, note: 1.5, text: 1 };
type IndexedField = keyof typeof BOOSTS;
type IndexedDoc = Record<IndexedField | 'id', string>;

/** What filters and phrase checks need, kept per clip. */
interface DocMeta {
  title: string;
  tags: string[];
  source: string;
  /** The calendar day as written in the date (publishedAt, else clippedAt), or null if unreadable. */
  day: string | null;
  time: number;
  starred: boolean;
  annotated: boolean;
}

/** Discarded documents leave terms behind; clean up once they are a noticeable share of the index. */
const VACUUM_MIN_DIRT = 500;
const VACUUM_MIN_FACTOR = 0.1;

export class SearchIndex {
  readonly #loadText: (id: string) => string;
  readonly #engine = new MiniSearch<IndexedDoc>({
    fields: Object.keys(BOOSTS),
    tokenize: indexTerms,
    processTerm: (term) => term,
    // Query leaves are already index terms (see termQuery), so searching must not re-split them.
    searchOptions: { boost: BOOSTS, tokenize: (term) => [term], processTerm: (term) => term },
    // MiniSearch's background vacuum walks the term tree across timer ticks; an add() between two
    // batches restructures the tree under it and crashes the walk. Vacuum in one synchronous pass instead.
    autoVacuum: false,
  });
  readonly #meta = new Map<string, DocMeta>();

  constructor(options: { loadText: (id: string) => string }) {
    this.#loadText = options.loadText;
  }

  /** Adds a clip, replacing the one with the same id. */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    this.#engine.add(indexedFields(doc));
    this.#meta.set(doc.id, metaOf(doc));
  }

  remove(id: string): void {
    // discard, not remove: MiniSearch's remove needs the full original text, which is not kept.
    if (!this.#meta.delete(id)) return;
    this.#engine.discard(id);
    if (this.#engine.dirtCount > VACUUM_MIN_DIRT && this.#engine.dirtFactor > VACUUM_MIN_FACTOR) {
      void this.#engine.vacuum({ batchSize: Number.MAX_SAFE_INTEGER });
    }
  }

  has(id: string): boolean {
    return this.#meta.has(id);
  }

  get size(): number {
    return this.#meta.size;
  }

  /** Ranked hits for a query; filter-only queries list clips newest first. Throws BAD_QUERY. */
  search(query: string, options: { limit?: number; offset?: number } = {}): SearchPage {
    const hits = this.#matches(parseQuery(query));
    const offset = pageOption(options.offset, 0);
    return { total: hits.length, hits: hits.slice(offset, offset + pageOption(options.limit, DEFAULT_LIMIT)) };
  }

  #matches(query: ParsedQuery): IndexHit[] {
    if (query.groups.length === 0 && query.filters.length === 0) return [];
    const candidates = query.groups.length > 0 ? this.#ranked(query.groups) : this.#newestFirst();
    const terms = new TermChecker(this.#meta, this.#loadText);
    const isExcluded = this.#exclusions(query.exclude, terms);
    // Cheapest checks first: filters read memory, phrases may load texts.
    return candidates
      .filter((candidate) => {
        const meta = this.#meta.get(candidate.id);
        return (
          meta !== undefined &&
          query.filters.every((filter) => passes(meta, filter)) &&
          query.groups.every((group) => group.some((term) => terms.matches(term, candidate))) &&
          !isExcluded(candidate.id)
        );
      })
      .map(({ id, score, terms: matched }) => ({ id, score, terms: matched }));
  }

  #ranked(groups: Term[][]): Candidate[] {
    const ors = groups.map((group): Query => ({ combineWith: 'OR', queries: group.map(termQuery) }));
    return this.#engine.search({ combineWith: 'AND', queries: ors }).map(toCandidate);
  }

  #newestFirst(): Candidate[] {
    return [...this.#meta]
      .sort(([idA, a], [idB, b]) => b.time - a.time || (idA < idB ? -1 : 1))
      .map(([id]) => ({ id, score: 0, terms: [], queryTerms: [] }));
  }

  /** A test for excluded terms; excluded phrases are only checked for clips that passed all else. */
  #exclusions(exclude: Term[], terms: TermChecker): (id: string) => boolean {
    const found = exclude.map((term) => ({
      term,
      candidates: new Map(this.#engine.search(termQuery(term)).map((result) => [String(result.id), toCandidate(result)])),
    }));
    return (id) =>
      found.some(({ term, candidates }) => {
        const candidate = candidates.get(id);
        return candidate !== undefined && terms.matches(term, candidate);
      });
  }
}

/** A hit before filtering, with the query terms it matched. */
interface Candidate extends IndexHit {
  queryTerms: string[];
}

/** A term as a MiniSearch query: all its index terms, the last one as a prefix while it is typed. */
function termQuery(term: Term): Query {
  const leaves = term.terms.map((leaf, i): Query =>
    term.prefix && i === term.terms.length - 1 ? { queries: [leaf], prefix: true } : leaf,
  );
  // A phrase promises words in the title or the text, so other fields must not satisfy it.
  const fields = term.kind === 'phrase' ? { fields: ['title', 'text'] } : {};
  return { combineWith: 'AND', queries: leaves, ...fields };
}

function toCandidate(result: SearchResult): Candidate {
  return { id: String(result.id), score: result.score, terms: result.terms, queryTerms: result.queryTerms };
}

/**
 * Decides whether a term matched a candidate. A word matched when the engine matched all its index
 * terms (an OR group does not say which side matched); a phrase of several terms must also stand, in
 * order, in the title or the text. Texts are loaded and folded at most once per clip and search.
 */
class TermChecker {
  readonly #folded = new Map<string, { title: string; text: string | null }>();
  readonly #matchers = new Map<Term, PhraseMatcher>();
  readonly #meta: Map<string, DocMeta>;
  readonly #loadText: (id: string) => string;

  constructor(meta: Map<string, DocMeta>, loadText: (id: string) => string) {
    this.#meta = meta;
    this.#loadText = loadText;
  }

  matches(term: Term, candidate: Candidate): boolean {
    if (!term.terms.every((t) => candidate.queryTerms.includes(t))) return false;
    // A single index term is matched exactly by the engine, in the fields a phrase allows.
    return term.kind === 'word' || term.terms.length === 1 || this.#containsPhrase(candidate.id, term);
  }

  #containsPhrase(id: string, term: Term): boolean {
    const matcher = this.#matchers.get(term) ?? phraseMatcher(term.text);
    this.#matchers.set(term, matcher);
    const folded = this.#folded.get(id) ?? { title: fold(this.#meta.get(id)?.title ?? ''), text: null };
    this.#folded.set(id, folded);
    if (matcher(folded.title)) return true;
    folded.text ??= fold(this.#loadText(id));
    return matcher(folded.text);
  }
}

function passes(meta: DocMeta, filter: Filter): boolean {
  switch (filter.kind) {
    case 'tag':
      return meta.tags.includes(filter.value) !== filter.negate;
    case 'source':
      return meta.source.includes(filter.value) !== filter.negate;
    case 'is':
      return meta[filter.value] !== filter.negate;
    case 'after':
      return meta.day !== null && meta.day >= filter.day;
    case 'before':
      return meta.day !== null && meta.day < filter.day;
  }
}

function indexedFields(doc: SearchDoc): IndexedDoc {
  const { id, title, text, source, byline, note, annotations } = doc;
  return { id, title, text, source, byline, note, annotations, tags: doc.tags.join('\n') };
}

function metaOf(doc: SearchDoc): DocMeta {
  const date = doc.publishedAt ?? doc.clippedAt;
  // The day as written: a clip published at 23:00+08:00 belongs to that day in its own time zone.
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? null;
  const time = Date.parse(date);
  return {
    title: doc.title,
    tags: doc.tags.map((tag) => fold(tag.trim())),
    source: fold(doc.source),
    day,
    time: Number.isNaN(time) ? -Infinity : time,
    starred: doc.starred,
    annotated: doc.annotated,
  };
}

/** A usable non-negative integer option, or the fallback. */
function pageOption(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
