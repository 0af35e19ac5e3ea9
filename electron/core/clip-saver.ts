import { randomUUID } from 'node:crypto';
import type { ClipSummary, ExtractedClip, ImportResult, Revision } from '../api.js';
import { countPictures } from './pictures/keep-pictures.js';
import { reanchorAll } from './annotations.js';
import type { Catalog } from './catalog/catalog.js';
import { bodyOf, contentHashOf, metadataOf, newRecord, toSummary, writtenRecord } from './clip-record.js';
import type { ClipStore, CommitObserver, StoreWriter } from './store/clip-store.js';
import type { ClipRecord } from './store/schema.js';
import { withTags } from './tags.js';

/** A saved clip, how it was saved, and the content it now has. */
export type Saved = Omit<ImportResult, 'pictures'> & { content: string };

/**
 * Saves what extraction made of a page, text or file: a new clip; the same clip again when the
 * library has the page (tags added, back from the trash); or a new version of it, the old text kept
 * as a revision and the highlights found again in the new one. The check and the writes run under one
 * lock, so two processes clipping one page make one clip.
 */
export class ClipSaver {
  readonly #store: ClipStore;
  readonly #catalog: Catalog;
  readonly #mirror: CommitObserver;

  constructor(store: ClipStore, catalog: Catalog, mirror: CommitObserver) {
    this.#store = store;
    this.#catalog = catalog;
    this.#mirror = mirror;
  }

  /** Saves the clip; `content` is the content the clip now has (for the same text, the one with more pictures kept). */
  save(extracted: ExtractedClip, tags: readonly string[]): Promise<Saved> {
    return this.#store.exclusive(async (writer) => {
      const existing = await this.#findSame(extracted);
      if (!existing) return { clip: await this.#create(writer, extracted, tags), outcome: 'created', content: extracted.content };
      if (existing.contentHash !== contentHashOf(extracted)) {
        const clip = await this.#replaceContent(writer, existing.id, extracted, tags);
        return { clip, outcome: 'updated', content: extracted.content };
      }
      const content = await this.#betterPictures(existing, extracted);
      const reclip = (fresh: ClipRecord | undefined) => fresh && { ...fresh, tags: withTags(fresh.tags, tags), deletedAt: null };
      const [record] = await writer.commit([existing.id], reclip, this.#mirror);
      return { clip: toSummary(writtenRecord(record, existing.id)), outcome: 'unchanged', content };
    });
  }

  /**
   * The same text clipped again may come with pictures the clip lacks (their fetch failed before):
   * then its content takes the new one's. Returns the content the clip keeps.
   */
  async #betterPictures(existing: ClipRecord, extracted: ExtractedClip): Promise<string> {
    const body = await this.#store.readBody(existing.id, existing.contentHash);
    if (countPictures(extracted.content).kept <= countPictures(body.content).kept) return body.content;
    await this.#store.writeBody(existing.id, { ...body, content: extracted.content });
    return extracted.content;
  }

  /** Content the clip had before (a revision's) becomes its text again, as a new version. */
  restore(id: string, extracted: ExtractedClip): Promise<ClipSummary> {
    return this.#store.exclusive((writer) => this.#replaceContent(writer, id, extracted));
  }

  async #create(writer: StoreWriter, extracted: ExtractedClip, tags: readonly string[]): Promise<ClipSummary> {
    const id = randomUUID().replaceAll('-', '');
    await this.#store.writeBody(id, bodyOf(extracted));
    const firstRecord = () => ({ ...newRecord(id, extracted, new Date().toISOString()), tags: withTags([], tags) });
    const [record] = await writer.commit([id], firstRecord, this.#mirror);
    return toSummary(writtenRecord(record, id));
  }

  async #replaceContent(writer: StoreWriter, id: string, extracted: ExtractedClip, tags: readonly string[] = []): Promise<ClipSummary> {
    await this.#store.writeBody(id, bodyOf(extracted));
    const now = new Date().toISOString();
    const [record] = await writer.commit([id], (fresh) => {
      if (!fresh) return undefined;
      const revision: Revision = { n: fresh.revisions.length + 1, savedAt: now, title: fresh.title, contentHash: fresh.contentHash };
      return {
        ...fresh,
        ...metadataOf(extracted),
        title: extracted.title || fresh.title,
        contentHash: contentHashOf(extracted),
        tags: withTags(fresh.tags, tags),
        revisions: [...fresh.revisions, revision],
        annotations: reanchorAll(fresh.annotations, extracted.text),
        updatedAt: now,
        deletedAt: null,
      };
    }, this.#mirror);
    return toSummary(writtenRecord(record, id));
  }

  /** The clip an import would duplicate: the same canonical URL, or the same text when there is none. */
  async #findSame(extracted: ExtractedClip): Promise<ClipRecord | undefined> {
    const id = this.#catalog.findSame(extracted.canonicalUrl, contentHashOf(extracted));
    return id === undefined ? undefined : this.#store.get(id);
  }
}
