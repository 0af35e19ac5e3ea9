import type { ExtractedClip, ImportInput } from '../api.js';
import { importInputSchema } from '../api.js';
import type { ToSave } from './clip-saver.js';
import { ExtractionThread } from './clip/extraction-thread.js';
import type * as Extraction from './clip/index.js';
import type { ClipUrlOptions } from './clip/input/clip-url.js';
import type { LibraryPictures } from './library-pictures.js';
import { cleanTagNames } from './tags.js';
import { parseInput } from './validation.js';

/** Limits on fetching a page's article: those clip-url.ts takes. */
export type ArticleFetchOptions = ClipUrlOptions;

/** Pages are read in one worker thread for the process, whichever library clips them. */
const pages = new ExtractionThread();

/** Turns what a person clips (an address, a page, text, a file) into a clip to save, its pictures kept. */
export class ClipExtractor {
  readonly #pictures: LibraryPictures;
  readonly #options: ArticleFetchOptions;

  constructor(pictures: LibraryPictures, options: ArticleFetchOptions) {
    this.#pictures = pictures;
    // Only the limits: the library's options also hold callbacks, which cannot be posted to the worker.
    this.#options = { fetchTimeoutMs: options.fetchTimeoutMs, maxBytes: options.maxBytes };
  }

  async extract(input: ImportInput | undefined): Promise<ToSave> {
    const request = parseInput(importInputSchema, input);
    const tags = cleanTagNames(request.tags ?? []);
    switch (request.kind) {
      case 'url': return this.#withPictures(await pages.read({ kind: 'url', url: request.url, options: this.#options }), tags);
      case 'html': return this.#withPictures(await pages.read({ kind: 'html', html: request.html, url: request.url }), tags);
      case 'text': return this.#withPictures(await this.#fromText(request.text, request.url, request.markdown), tags);
      case 'file': return this.#withPictures(await pages.read({ kind: 'file', name: request.name, data: request.data }), tags);
    }
  }

  async extractFile(path: string, tags: readonly string[]): Promise<ToSave> {
    const cleaned = cleanTagNames(tags);
    return this.#withPictures(await pages.read({ kind: 'path', path }), cleaned);
  }

  /** The article at `url`, its pictures kept (a pending clip's). */
  async fetchArticle(url: string): Promise<ExtractedClip> {
    const extracted = await pages.read({ kind: 'url', url, options: this.#options });
    return { ...extracted, content: (await this.#pictures.keep(extracted.content, extracted.url)).content };
  }

  /**
   * Text is clipped on this thread: it is quick, and a batch of thousands of texts would spend more
   * on posting them to the worker and back than on clipping them.
   */
  async #fromText(text: string, url: string | undefined, markdown: boolean | undefined): Promise<ExtractedClip> {
    const { clipFromText } = await loadExtraction();
    return clipFromText(text, { url, markdown });
  }

  /**
   * Keeps the pictures of a page that came from the web (its address says where they are, and whose
   * own host may show them) before its clip is saved. A picture that fails leaves the clip saved anyway.
   */
  async #withPictures(extracted: ExtractedClip, tags: readonly string[]): Promise<ToSave> {
    const content = extracted.url ? (await this.#pictures.keep(extracted.content, extracted.url)).content : extracted.content;
    return { extracted: { ...extracted, content }, tags };
  }
}

/**
 * Extraction (jsdom, Readability, DOMPurify) is loaded when something is first clipped: it is most
 * of the start-up cost, and listing, searching and editing never need it.
 */
function loadExtraction(): Promise<typeof Extraction> {
  // Asked once per input: a batch import would otherwise resolve the module thousands of times.
  extraction ??= import('./clip/index.js');
  return extraction;
}
let extraction: Promise<typeof Extraction> | undefined;
