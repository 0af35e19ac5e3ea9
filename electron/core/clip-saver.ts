import { randomUUID } from 'node:crypto';
import type { ClipSummary, ExtractedClip, ImportResult, Revision } from '../api.js';
import { filled, importedRecord } from './import/imported-record.js';
import type { ImportTarget, ImportedItem, ImportedOutcome, ImportedSave } from './import/imported-record.js';
import { mapBounded } from './map-bounded.js';
import { countPictures } from './pictures/keep-pictures.js';
import { reanchorAll } from './annotations.js';
import type { Catalog } from './catalog/catalog.js';
import { sameKey } from './catalog/clip-row.js';
import { bodyOf, contentHashOf, metadataOf, newRecord, toSummary, writtenRecord } from './clip-record.js';
import type { ClipStore, CommitObserver, StoreWriter } from './store/clip-store.js';
import type { ClipRecord } from './store/schema.js';
import { withTags } from './tags.js';

/** Text files a batch import writes at the same time: each waits on the disk far longer than on the CPU. */
const FILES_AT_ONCE = 16;

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

  /**
   * Saves entries of other apps' exports, all under one lock and in one commit (a file of 30,000
   * entries is saved in batches). An entry for a page the library has, or an earlier entry of the
   * batch names, is merged in: tags and highlights added, the clip's own note, star and read state
   * kept. A `pending` entry is an address whose article is still to be fetched; an entry that carries
   * the article fills a pending clip it meets.
   */
  saveImported(items: readonly ImportedItem[]): Promise<ImportedSave[]> {
    return this.#store.exclusive(async (writer) => {
      const now = new Date().toISOString();
      const { targets, outcomes } = await this.#targetsOf(items);
      const bringingArticles = [...targets.values()].filter(bringsArticle);
      await mapBounded(bringingArticles, FILES_AT_ONCE, (target) => this.#store.writeBody(target.id, bodyOf(target.extracted)));
      const texts = new Map<string, string>();
      for (const target of targets.values()) texts.set(target.id, await this.#textOf(target));
      const records = await writer.commit([...targets.keys()], (fresh, id) => {
        const target = targets.get(id);
        return target && importedRecord(target, fresh, texts.get(id) ?? '', now);
      }, this.#mirror);
      const byId = new Map(records.flatMap((record) => (record ? [[record.id, record] as const] : [])));
      return outcomes.map(({ id, outcome }) => ({ clip: toSummary(writtenRecord(byId.get(id), id)), outcome }));
    });
  }

  /**
   * The article of a pending clip, fetched at last: it becomes the clip's text and its highlights are
   * found in it. Null when the clip is gone or no longer pending (another process got there first).
   */
  fillPending(id: string, extracted: ExtractedClip): Promise<ClipSummary | null> {
    return this.#store.exclusive(async (writer) => {
      if (!(await this.#store.get(id))?.pending) return null;
      await this.#store.writeBody(id, bodyOf(extracted));
      const now = new Date().toISOString();
      const [record] = await writer.commit([id], (fresh) => fresh && filled(fresh, extracted, now), this.#mirror);
      return toSummary(writtenRecord(record, id));
    });
  }

  /** Which clip each item goes to: one the library has, one an earlier item of the batch makes, or a new one. */
  async #targetsOf(items: readonly ImportedItem[]): Promise<{ targets: Map<string, ImportTarget>; outcomes: ImportedOutcome[] }> {
    const targets = new Map<string, ImportTarget>();
    const byKey = new Map<string, string>();
    const outcomes: ImportedOutcome[] = [];
    for (const item of items) {
      const key = sameKey(item.extracted.canonicalUrl, contentHashOf(item.extracted));
      const known = byKey.get(key) ?? this.#catalog.findSame(item.extracted.canonicalUrl, contentHashOf(item.extracted));
      const existing = known === undefined || targets.has(known) ? undefined : await this.#store.get(known);
      const id = known ?? randomUUID().replaceAll('-', '');
      byKey.set(key, id);
      const target = targets.get(id);
      if (target) {
        target.data.push(item.data);
        if (target.pending && !item.pending) Object.assign(target, { extracted: item.extracted, pending: false });
      } else {
        targets.set(id, { id, existing, extracted: item.extracted, pending: item.pending, data: [item.data] });
      }
      outcomes.push({ id, outcome: existing || target ? 'merged' : 'created' });
    }
    return { targets, outcomes };
  }

  /** The text a target's highlights are found in: the article it brings, else the clip's own. */
  async #textOf(target: ImportTarget): Promise<string> {
    const { existing } = target;
    if (!existing || bringsArticle(target)) return target.extracted.text;
    return existing.pending ? '' : this.#store.readText(existing.id, existing.contentHash);
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

/** A new clip, or a pending one whose article an entry brings: its text is the entry's. */
function bringsArticle({ existing, pending }: ImportTarget): boolean {
  return !existing || (existing.pending !== null && !pending);
}
