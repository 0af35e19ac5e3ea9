import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type {
  Annotation, AnnotationInput, AnnotationPatch, Clip, ClipPatch, ClipSummary, ExportFormat, ExtractedClip,
  ImportInput, ImportResult, ListOptions, ListResult, Revision, SearchResult, TagCount,
} from '../api.js';
import { annotationInputSchema, annotationPatchSchema, clipPatchSchema, importInputSchema, listOptionsSchema } from '../api.js';
import { createAnnotation, reanchorAll } from './annotations.js';
import { bodyOf, contentHashOf, extractedOf, metadataOf, newRecord, toSearchDoc, toSummary } from './clip-record.js';
import type * as Extraction from './clip/index.js';
import { ClipdeskError } from './errors.js';
import { exportClips } from './export/index.js';
import { listClips } from './list-clips.js';
import { SearchIndex, makeSnippet } from './search/index.js';
import { ClipStore } from './store/clip-store.js';
import type { ClipRecord } from './store/schema.js';
import { parseInput } from './parse-input.js';
import { cleanTagName, replaceTags, tagKey, withTags, withoutTags } from './tags.js';

export interface LibraryOptions {
  fetchTimeoutMs?: number;
  maxBytes?: number;
}

/**
 * The facade every host calls (Electron IPC, web host, CLI, tests). It owns the store and the search
 * index and keeps them in step; everything it returns is plain JSON-able data.
 */
export class Library {
  readonly dir: string;
  readonly #store: ClipStore;
  readonly #index: SearchIndex;
  readonly #options: LibraryOptions;

  private constructor(store: ClipStore, index: SearchIndex, options: LibraryOptions) {
    this.dir = store.dir;
    this.#store = store;
    this.#index = index;
    this.#options = options;
  }

  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const store = await ClipStore.open(dir);
    const index = new SearchIndex({ loadText: (id) => store.readBodySync(id, store.require(id).contentHash).text });
    for (const record of store.records()) {
      if (record.deletedAt) continue;
      index.add(toSearchDoc(record, (await store.readBody(record.id, record.contentHash)).text));
    }
    return new Library(store, index, options);
  }

  // --- clipping ---------------------------------------------------------------------------------

  async import(input: ImportInput): Promise<ImportResult> {
    const request = parseInput(importInputSchema, input);
    const { clipFromFileBytes, clipFromHtml, clipFromText, clipFromUrl } = await loadExtraction();
    switch (request.kind) {
      case 'url': return this.#save(await clipFromUrl(request.url, this.#options));
      case 'html': return this.#save(clipFromHtml(request.html, { url: request.url }));
      case 'text': return this.#save(clipFromText(request.text, { url: request.url, markdown: request.markdown }));
      case 'file': return this.#save(clipFromFileBytes(request.name, Buffer.from(request.data, 'base64')));
    }
  }

  async importFile(path: string): Promise<ImportResult> {
    const { clipFromFile } = await loadExtraction();
    return this.#save(await clipFromFile(path));
  }

  /** A clip of a page or text already in the library comes back as the same clip, never a duplicate. */
  async #save(extracted: ExtractedClip): Promise<ImportResult> {
    const existing = this.#findSame(extracted);
    if (!existing) return this.#create(extracted);
    if (existing.contentHash === contentHashOf(extracted)) {
      const [record] = await this.#store.commit([existing.id], (fresh) => fresh && { ...fresh, deletedAt: null });
      await this.#reindex(record);
      return { clip: toSummary(this.#written(record, existing.id)), outcome: 'unchanged' };
    }
    return { clip: await this.#replaceContent(existing.id, extracted), outcome: 'updated' };
  }

  async #create(extracted: ExtractedClip): Promise<ImportResult> {
    const id = randomUUID().replaceAll('-', '');
    await this.#store.writeBody(id, bodyOf(extracted));
    const [record] = await this.#store.commit([id], () => newRecord(id, extracted, new Date().toISOString()));
    this.#index.add(toSearchDoc(this.#written(record, id), extracted.text));
    return { clip: toSummary(this.#written(record, id)), outcome: 'created' };
  }

  /** New content for a known clip: the old one stays as a revision, highlights are re-anchored. */
  async #replaceContent(id: string, extracted: ExtractedClip): Promise<ClipSummary> {
    await this.#store.writeBody(id, bodyOf(extracted));
    const now = new Date().toISOString();
    const [record] = await this.#store.commit([id], (fresh) => {
      if (!fresh) return undefined;
      const revision: Revision = { n: fresh.revisions.length + 1, savedAt: now, title: fresh.title, contentHash: fresh.contentHash };
      return {
        ...fresh,
        ...metadataOf(extracted),
        title: extracted.title || fresh.title,
        contentHash: contentHashOf(extracted),
        revisions: [...fresh.revisions, revision],
        annotations: reanchorAll(fresh.annotations, extracted.text),
        updatedAt: now,
        deletedAt: null,
      };
    });
    this.#index.add(toSearchDoc(this.#written(record, id), extracted.text));
    return toSummary(this.#written(record, id));
  }

  #findSame(extracted: ExtractedClip): ClipRecord | undefined {
    return this.#store.findSame(extracted.canonicalUrl, contentHashOf(extracted));
  }

  // --- reading ----------------------------------------------------------------------------------

  list(options: ListOptions = {}): ListResult {
    return listClips([...this.#store.records()], parseInput(listOptionsSchema, options));
  }

  async get(id: string): Promise<Clip> {
    const record = this.#store.require(id);
    const body = await this.#store.readBody(id, record.contentHash);
    return { ...toSummary(record), content: body.content, text: body.text, annotations: record.annotations };
  }

  /** The full id of the one clip whose id starts with `prefix` (for people typing ids). */
  resolveId(prefix: string): string {
    const wanted = prefix.trim().toLowerCase();
    if (this.#store.get(wanted)) return wanted;
    const matches = [...this.#store.records()].filter((record) => wanted.length >= 4 && record.id.startsWith(wanted));
    if (matches.length === 1 && matches[0]) return matches[0].id;
    throw new ClipdeskError('NOT_FOUND', matches.length > 1 ? `${prefix} matches ${matches.length} clips; give more of the id` : `no clip with id ${prefix}`);
  }

  async search(query: string, options: { limit?: number; offset?: number } = {}): Promise<SearchResult> {
    const found = this.#index.search(query, options);
    const hits = await Promise.all(found.hits.map(async (hit) => {
      const record = this.#store.require(hit.id);
      const { text } = await this.#store.readBody(hit.id, record.contentHash);
      return { clip: toSummary(record), score: hit.score, snippet: makeSnippet(text, hit.terms) };
    }));
    return { query, total: found.total, hits };
  }

  // --- editing ----------------------------------------------------------------------------------

  async update(id: string, patch: ClipPatch): Promise<ClipSummary> {
    const changes = parseInput(clipPatchSchema, patch);
    return this.#edit(id, (record) => ({ ...record, ...changes }));
  }

  async addTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    const tags = cleanTags(names);
    return this.#edit(id, (record) => ({ ...record, tags: withTags(record.tags, tags) }));
  }

  async removeTags(id: string, names: readonly string[]): Promise<ClipSummary> {
    return this.#edit(id, (record) => ({ ...record, tags: withoutTags(record.tags, names) }));
  }

  /** Every tag on a clip outside the trash, with how many clips carry it, most used first. */
  tags(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const record of this.#store.records()) {
      if (record.deletedAt) continue;
      for (const tag of record.tags) {
        const entry = counts.get(tagKey(tag)) ?? { name: tag, count: 0 };
        entry.count++;
        counts.set(tagKey(tag), entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Renames a tag everywhere; renaming onto an existing tag merges the two. Returns clips changed. */
  renameTag(from: string, to: string): Promise<number> {
    return this.mergeTags([from], to);
  }

  async mergeTags(from: readonly string[], into: string): Promise<number> {
    const [cleaned] = cleanTags([into]);
    if (!cleaned) throw new ClipdeskError('BAD_INPUT', 'a tag needs a name');
    // Merging into a tag that exists keeps its spelling; renaming a tag to another case changes it.
    const renamesItself = from.some((name) => tagKey(name) === tagKey(cleaned));
    const target = renamesItself ? cleaned : (this.tags().find((tag) => tagKey(tag.name) === tagKey(cleaned))?.name ?? cleaned);
    return this.#editTagged(from, (tags) => replaceTags(tags, from, target));
  }

  async deleteTag(name: string): Promise<number> {
    return this.#editTagged([name], (tags) => withoutTags(tags, [name]));
  }

  async #editTagged(names: readonly string[], change: (tags: string[]) => string[]): Promise<number> {
    const keys = new Set(names.map(tagKey));
    const ids = [...this.#store.records()].filter((r) => r.tags.some((tag) => keys.has(tagKey(tag)))).map((r) => r.id);
    if (ids.length === 0) throw new ClipdeskError('NOT_FOUND', `no clip is tagged ${names.join(', ')}`);
    const now = new Date().toISOString();
    const records = await this.#store.commit(ids, (fresh) => fresh && { ...fresh, tags: change(fresh.tags), updatedAt: now });
    for (const record of records) await this.#reindex(record);
    return ids.length;
  }

  // --- annotations ------------------------------------------------------------------------------

  async annotate(clipId: string, input: AnnotationInput): Promise<Annotation> {
    const request = parseInput(annotationInputSchema, input);
    const { text } = await this.get(clipId);
    const annotation = createAnnotation(clipId, text, request, new Date().toISOString());
    await this.#edit(clipId, (record) => ({ ...record, annotations: [...record.annotations, annotation] }));
    return annotation;
  }

  async updateAnnotation(clipId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation> {
    const changes = parseInput(annotationPatchSchema, patch);
    const modified = new Date().toISOString();
    const summary = await this.#edit(clipId, (record) => ({
      ...record,
      annotations: record.annotations.map((a) => (a.id === annotationId ? { ...a, ...changes, modified } : a)),
    }));
    const updated = this.#store.require(summary.id).annotations.find((a) => a.id === annotationId);
    if (!updated) throw new ClipdeskError('NOT_FOUND', `clip ${clipId} has no highlight ${annotationId}`);
    return updated;
  }

  async deleteAnnotation(clipId: string, annotationId: string): Promise<void> {
    if (!this.#store.require(clipId).annotations.some((a) => a.id === annotationId)) {
      throw new ClipdeskError('NOT_FOUND', `clip ${clipId} has no highlight ${annotationId}`);
    }
    await this.#edit(clipId, (record) => ({ ...record, annotations: record.annotations.filter((a) => a.id !== annotationId) }));
  }

  // --- trash and revisions ----------------------------------------------------------------------

  async trash(id: string): Promise<ClipSummary> {
    return this.#edit(id, (record) => ({ ...record, deletedAt: new Date().toISOString() }));
  }

  async restore(id: string): Promise<ClipSummary> {
    return this.#edit(id, (record) => ({ ...record, deletedAt: null }));
  }

  /** Deletes the clips in the trash for good, bodies and revisions included. Returns how many. */
  async emptyTrash(): Promise<number> {
    const trashed = [...this.#store.records()].filter((record) => record.deletedAt);
    const removed = await this.#store.commit(trashed.map((r) => r.id), (fresh) => (fresh?.deletedAt ? undefined : fresh));
    const gone = trashed.filter((_, i) => removed[i] === undefined);
    for (const record of gone) {
      for (const hash of new Set([record.contentHash, ...record.revisions.map((r) => r.contentHash)])) {
        await rm(this.#store.bodyPath(record.id, hash), { force: true });
      }
    }
    return gone.length;
  }

  revisions(id: string): Revision[] {
    return this.#store.require(id).revisions;
  }

  /** Makes revision `n` the current content again; the content it replaces becomes a revision too. */
  async restoreRevision(id: string, n: number): Promise<ClipSummary> {
    const record = this.#store.require(id);
    const revision = record.revisions.find((r) => r.n === n);
    if (!revision) throw new ClipdeskError('NOT_FOUND', `clip ${id} has no revision ${n}`);
    const body = await this.#store.readBody(id, revision.contentHash);
    return this.#replaceContent(id, { ...extractedOf(record, body), title: revision.title });
  }

  async export(format: ExportFormat, ids?: readonly string[]): Promise<string> {
    const chosen = ids ?? this.list({ limit: 100_000 }).clips.map((clip) => clip.id);
    const clips = await Promise.all(chosen.map((id) => this.get(id)));
    return exportClips(clips, format);
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** Changes one clip's user data and keeps the search index in step. */
  async #edit(id: string, change: (record: ClipRecord) => ClipRecord): Promise<ClipSummary> {
    this.#store.require(id);
    const now = new Date().toISOString();
    const [record] = await this.#store.commit([id], (fresh) => fresh && { ...change(fresh), updatedAt: now });
    await this.#reindex(record);
    return toSummary(this.#written(record, id));
  }

  async #reindex(record: ClipRecord | undefined): Promise<void> {
    if (!record) return;
    if (record.deletedAt) {
      this.#index.remove(record.id);
      return;
    }
    const { text } = await this.#store.readBody(record.id, record.contentHash);
    this.#index.add(toSearchDoc(record, text));
  }

  /** The record a commit wrote, or NOT_FOUND when another process deleted it meanwhile. */
  #written(record: ClipRecord | undefined, id: string): ClipRecord {
    if (!record) throw new ClipdeskError('NOT_FOUND', `clip ${id} was deleted meanwhile`);
    return record;
  }
}

/**
 * Extraction (jsdom, Readability, DOMPurify) is loaded when something is first clipped: it is most
 * of the start-up cost, and listing, searching and editing never need it.
 */
function loadExtraction(): Promise<typeof Extraction> {
  return import('./clip/index.js');
}

function cleanTags(names: readonly string[]): string[] {
  return names.map((name) => {
    const cleaned = cleanTagName(name);
    if (!cleaned) throw new ClipdeskError('BAD_INPUT', `"${name}" is not a usable tag name (1-100 characters)`);
    return cleaned;
  });
}
