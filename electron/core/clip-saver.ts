import type { ClipSummary, ExtractedClip, ImportResult } from '../api.js';
import { filled, importedRecord } from './import/imported-record.js';
import type { ImportTarget, ImportedItem, ImportedOutcome, ImportedSave } from './import/imported-record.js';
import { countPictures } from './pictures/keep-pictures.js';
import type { Catalog } from './catalog/catalog.js';
import { sameKey } from './catalog/clip-row.js';
import { bodyOf, contentHashOf, toSummary, writtenRecord } from './clip-record.js';
import { revised, savedRecord } from './saved-record.js';
import type { ClipStore, CommitObserver, KeptBeforeRun } from './store/clip-store.js';
import type { Body, ClipRecord } from './store/schema.js';

/** A saved clip, how it was saved, and the content it now has. */
export type Saved = Omit<ImportResult, 'pictures'> & { content: string };

/** What extraction made of a page, text or file, with the tags it is clipped with. */
export interface ToSave {
  extracted: ExtractedClip;
  tags: readonly string[];
}

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
  async save(extracted: ExtractedClip, tags: readonly string[]): Promise<Saved> {
    const [saved] = await this.saveMany([{ extracted, tags }]);
    if (!saved) throw new Error('a batch of one saved nothing');
    return saved;
  }

  /**
   * Saves many clips under one lock and in one commit (each shard touched written once, the catalog
   * mirrored in one transaction), each as `save` would in turn: an item for a page the library or an
   * earlier item has is the same clip. Each result has the clip as the whole batch left it. A batch of
   * a longer run shares its KeptBeforeRun with the run's other batches.
   */
  saveMany(items: readonly ToSave[], keptBeforeRun?: KeptBeforeRun): Promise<Saved[]> {
    return this.#store.exclusive(async (writer) => {
      const now = new Date().toISOString();
      const records = new Map<string, ClipRecord>();
      const bodies = new Map<string, { id: string; body: Body }>();
      const byKey = new Map<string, string>();
      const steps: Array<Omit<Saved, 'clip'> & { id: string }> = [];
      const newId = this.#store.newClipIds();
      for (const { extracted, tags } of items) {
        const key = sameKey(extracted.canonicalUrl, contentHashOf(extracted));
        const known = byKey.get(key) ?? this.#catalog.findSame(extracted.canonicalUrl, contentHashOf(extracted));
        const existing = known === undefined ? undefined : (records.get(known) ?? (await this.#store.get(known)));
        const { record, outcome } = savedRecord(existing, existing?.id ?? newId(), extracted, tags, now);
        byKey.set(key, record.id);
        records.set(record.id, record);
        if (existing && outcome === 'unchanged') {
          steps.push({ id: record.id, outcome, content: await this.#betterPictures(existing, extracted, bodies) });
        } else {
          bodies.set(`${record.id}.${record.contentHash}`, { id: record.id, body: bodyOf(extracted) });
          steps.push({ id: record.id, outcome, content: extracted.content });
        }
      }
      await this.#store.texts.writeBodies([...bodies.values()]);
      // Under the lock the records read above are still the freshest: the commit writes them as the batch left them.
      const written = await writer.commit([...records.keys()], (_fresh, id) => records.get(id), this.#mirror, keptBeforeRun);
      const byId = new Map(written.flatMap((record) => (record ? [[record.id, record] as const] : [])));
      return steps.map(({ id, outcome, content }) => ({ clip: toSummary(writtenRecord(byId.get(id), id)), outcome, content }));
    });
  }

  /**
   * The same text clipped again may come with pictures the clip lacks (their fetch failed before):
   * then its content takes the new one's. Returns the content the clip keeps.
   */
  async #betterPictures(existing: ClipRecord, extracted: ExtractedClip, bodies: Map<string, { id: string; body: Body }>): Promise<string> {
    const key = `${existing.id}.${existing.contentHash}`;
    const body = bodies.get(key)?.body ?? (await this.#store.texts.readBody(existing.id, existing.contentHash));
    if (countPictures(extracted.content).kept <= countPictures(body.content).kept) return body.content;
    bodies.set(key, { id: existing.id, body: { ...body, content: extracted.content } });
    return extracted.content;
  }

  /**
   * Saves entries of other apps' exports, all under one lock and in one commit (a file of 30,000
   * entries is saved in batches). An entry for a page the library has, or an earlier entry of the
   * batch names, is merged in: tags and highlights added, the clip's own note, star and read state
   * kept. A `pending` entry is an address whose article is still to be fetched; an entry that carries
   * the article fills a pending clip it meets. The batches of one file share a KeptBeforeRun.
   */
  saveImported(items: readonly ImportedItem[], keptBeforeRun?: KeptBeforeRun): Promise<ImportedSave[]> {
    return this.#store.exclusive(async (writer) => {
      const now = new Date().toISOString();
      const { targets, outcomes } = await this.#targetsOf(items);
      const bringingArticles = [...targets.values()].filter(bringsArticle);
      await this.#store.texts.writeBodies(bringingArticles.map((target) => ({ id: target.id, body: bodyOf(target.extracted) })));
      const texts = new Map<string, string>();
      for (const target of targets.values()) texts.set(target.id, await this.#textOf(target));
      const records = await writer.commit([...targets.keys()], (fresh, id) => {
        const target = targets.get(id);
        return target && importedRecord(target, fresh, texts.get(id) ?? '', now);
      }, this.#mirror, keptBeforeRun);
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
      await this.#store.texts.writeBody(id, bodyOf(extracted));
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
    const newId = this.#store.newClipIds();
    for (const item of items) {
      const key = sameKey(item.extracted.canonicalUrl, contentHashOf(item.extracted));
      const known = byKey.get(key) ?? this.#catalog.findSame(item.extracted.canonicalUrl, contentHashOf(item.extracted));
      const existing = known === undefined || targets.has(known) ? undefined : await this.#store.get(known);
      const id = known ?? newId();
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
    return existing.pending ? '' : this.#store.texts.readText(existing.id, existing.contentHash);
  }

  /** Content the clip had before (a revision's) becomes its text again, as a new version. */
  restore(id: string, extracted: ExtractedClip): Promise<ClipSummary> {
    return this.#store.exclusive(async (writer) => {
      await this.#store.texts.writeBody(id, bodyOf(extracted));
      const now = new Date().toISOString();
      const [record] = await writer.commit([id], (fresh) => fresh && revised(fresh, extracted, [], now), this.#mirror);
      return toSummary(writtenRecord(record, id));
    });
  }
}

/** A new clip, or a pending one whose article an entry brings: its text is the entry's. */
function bringsArticle({ existing, pending }: ImportTarget): boolean {
  return !existing || (existing.pending !== null && !pending);
}
