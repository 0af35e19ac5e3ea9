import type {
  Annotation, AnnotationInput, Clip, ClipPatch, ClipSummary, ImportInput, ImportResult, ListOptions, ListResult,
} from '../../electron/api.js';
import { ARTICLE_FORMATS, articleInput, markerWord, markersIn } from './articles.js';
import type { ArticleFormat } from './articles.js';
import type { Op, OpResult } from './protocol.js';
import { Rng } from './rng.js';

/**
 * The part of the API the workload calls. The `Library` facade has it (a writer process), and so has
 * an HTTP client of the web host (the harness driving a host it will kill).
 */
export interface WorkloadApi {
  list(options: ListOptions): ListResult | Promise<ListResult>;
  get(id: string): Promise<Clip>;
  import(input: ImportInput): Promise<ImportResult>;
  update(id: string, patch: ClipPatch): Promise<ClipSummary>;
  addTags(id: string, tags: string[]): Promise<ClipSummary>;
  removeTags(id: string, tags: string[]): Promise<ClipSummary>;
  annotate(id: string, input: AnnotationInput): Promise<Annotation>;
  deleteAnnotation(id: string, annotationId: string): Promise<void>;
  trash(id: string): Promise<ClipSummary>;
  restore(id: string): Promise<ClipSummary>;
  emptyTrash(): Promise<number>;
}

/** What the writer knows of a clip to pick the next operation; it learns it from the library itself. */
interface KnownClip {
  id: string;
  url: string | null;
  title: string;
  deleted: boolean;
  tags: string[];
}

const TAG_NAMES = ['economy', 'politics', '港口', 'sport', 'Urgent', 'local news'];
const URL_BASE = 'https://news.crash.test';

type OpKind = Op['kind'] | 'reimport';

/**
 * A deterministic-random mix of imports (English text and HTML, Chinese seed-format text, re-imports
 * of a URL that make revisions), tag edits, highlights, notes, stars, trash and restore.
 */
export class CrashWorkload {
  readonly #library: WorkloadApi;
  readonly #rng: Rng;
  readonly #run: number;
  readonly #imports: boolean;
  readonly #clips = new Map<string, KnownClip>();

  private constructor(library: WorkloadApi, seed: number, run: number, imports: boolean) {
    this.#library = library;
    this.#rng = new Rng(seed * 7919 + run);
    this.#run = run;
    this.#imports = imports;
  }

  /** A workload that starts from the clips the library holds now. */
  static async start(library: WorkloadApi, seed: number, run: number, imports: boolean): Promise<CrashWorkload> {
    const workload = new CrashWorkload(library, seed, run, imports);
    const [live, trashed] = await Promise.all([library.list({ limit: 100_000 }), library.list({ trashed: true, limit: 100_000 })]);
    for (const clip of [...live.clips, ...trashed.clips]) workload.#learn(clip);
    return workload;
  }

  /** The next operation; the clip it edits is read from the library when it needs the text. */
  async next(n: number): Promise<Op> {
    const word = markerWord(this.#run, n);
    const clips = [...this.#clips.values()];
    if (clips.length < 3) return this.#newArticle(word);
    switch (this.#rng.weighted(this.#weights())) {
      case 'import': return this.#newArticle(word);
      case 'reimport': return this.#reimport(word, clips);
      case 'addTags': return { kind: 'addTags', id: this.#rng.pick(clips).id, tags: this.#tags(word) };
      case 'removeTags': return this.#removeTags(clips);
      case 'annotate': return this.#annotate(word, clips);
      case 'deleteAnnotation': return this.#deleteAnnotation(clips);
      case 'note': return { kind: 'note', id: this.#rng.pick(clips).id, note: `Checked again, see ${word}` };
      case 'star': return { kind: 'star', id: this.#rng.pick(clips).id, starred: this.#rng.chance(0.5) };
      case 'trash': return { kind: 'trash', id: this.#rng.pick(clips).id };
      case 'restore': return { kind: 'restore', id: this.#rng.pick(clips).id };
      case 'emptyTrash': return { kind: 'emptyTrash' };
    }
  }

  async execute(op: Op): Promise<OpResult> {
    const library = this.#library;
    switch (op.kind) {
      case 'import': {
        const { clip, outcome } = await library.import(articleInput(op.format, op.word, op.url));
        this.#learn(clip);
        return { id: clip.id, outcome, title: clip.title };
      }
      case 'addTags': return this.#learnEdit(await library.addTags(op.id, op.tags));
      case 'removeTags': return this.#learnEdit(await library.removeTags(op.id, op.tags));
      case 'annotate': return { annotationId: (await library.annotate(op.id, { start: op.start, end: op.end, note: op.note })).id };
      case 'deleteAnnotation': return (await library.deleteAnnotation(op.id, op.annotationId), {});
      case 'note': return this.#learnEdit(await library.update(op.id, { note: op.note }));
      case 'star': return this.#learnEdit(await library.update(op.id, { starred: op.starred }));
      case 'trash': return this.#learnEdit(await library.trash(op.id));
      case 'restore': return this.#learnEdit(await library.restore(op.id));
      case 'emptyTrash': return this.#emptyTrash();
    }
  }

  #weights(): Record<OpKind, number> {
    const imports = this.#imports ? 1 : 0;
    return {
      import: 3 * imports, reimport: 1.5 * imports, addTags: 4, removeTags: 1.5, annotate: 2, deleteAnnotation: 1,
      note: 2, star: 1, trash: 1.2, restore: 1, emptyTrash: 0.08,
    };
  }

  #newArticle(word: string): Op {
    const format = this.#rng.pick(ARTICLE_FORMATS);
    // Only HTML clips get a canonical URL, so only their re-imports become revisions of one clip.
    const url = format === 'html' || this.#rng.chance(0.5) ? `${URL_BASE}/${format}/${word}` : undefined;
    return { kind: 'import', format, word, url };
  }

  /** The same URL again: with new text (a revision) or, one time in three, the very same article. */
  #reimport(word: string, clips: KnownClip[]): Op {
    const withUrl = clips.filter((clip) => clip.url?.startsWith(`${URL_BASE}/html/`));
    if (withUrl.length === 0) return this.#newArticle(word);
    const clip = this.#rng.pick(withUrl);
    const format = clip.url?.split('/')[3] as ArticleFormat;
    const current = markersIn(clip.title)[0];
    const same = current !== undefined && this.#rng.chance(1 / 3);
    return { kind: 'import', format, word: same ? current : word, url: clip.url ?? undefined };
  }

  #tags(word: string): string[] {
    const tags = [this.#rng.pick(TAG_NAMES)];
    if (this.#rng.chance(0.3)) tags.push(word);
    return tags;
  }

  #removeTags(clips: KnownClip[]): Op {
    const clip = this.#rng.pick(clips);
    const tag = clip.tags.length > 0 ? this.#rng.pick(clip.tags) : this.#rng.pick(TAG_NAMES);
    return { kind: 'removeTags', id: clip.id, tags: [tag] };
  }

  async #annotate(word: string, clips: KnownClip[]): Promise<Op> {
    const clip = this.#rng.pick(clips);
    const length = Array.from((await this.#library.get(clip.id)).text).length;
    const start = this.#rng.int(0, Math.max(0, length - 30));
    return { kind: 'annotate', id: clip.id, start, end: Math.min(length, start + this.#rng.int(4, 25)), note: `Why ${word}` };
  }

  async #deleteAnnotation(clips: KnownClip[]): Promise<Op> {
    const clip = this.#rng.pick(clips);
    const { annotations } = await this.#library.get(clip.id);
    if (annotations.length === 0) return { kind: 'star', id: clip.id, starred: true };
    return { kind: 'deleteAnnotation', id: clip.id, annotationId: this.#rng.pick(annotations).id };
  }

  async #emptyTrash(): Promise<OpResult> {
    const removed = await this.#library.emptyTrash();
    for (const [id, clip] of this.#clips) if (clip.deleted) this.#clips.delete(id);
    return { removed };
  }

  #learnEdit(clip: ClipSummary): OpResult {
    this.#learn(clip);
    return {};
  }

  #learn(clip: ClipSummary): void {
    this.#clips.set(clip.id, { id: clip.id, url: clip.url, title: clip.title, deleted: clip.deletedAt !== null, tags: clip.tags });
  }
}
