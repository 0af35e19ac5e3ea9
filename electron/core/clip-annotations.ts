import type { Annotation, AnnotationInput, AnnotationPatch } from '../api.js';
import { annotationInputSchema, annotationPatchSchema } from '../api.js';
import { findSelection } from './annotate/index.js';
import { createAnnotation } from './annotations.js';
import type { ClipEditor } from './clip-editor.js';
import { readClip } from './clip-record.js';
import { ClipdeskError } from './errors.js';
import type { ClipStore } from './store/clip-store.js';
import { parseInput } from './validation.js';

/** Highlights and their notes on clips' text: added, found from a selection, changed and deleted. */
export class ClipAnnotations {
  readonly #store: ClipStore;
  readonly #editor: ClipEditor;

  constructor(store: ClipStore, editor: ClipEditor) {
    this.#store = store;
    this.#editor = editor;
  }

  async annotate(clipId: string, input: AnnotationInput): Promise<Annotation> {
    const request = parseInput(annotationInputSchema, input);
    const { text } = await readClip(this.#store, clipId);
    const annotation = createAnnotation(clipId, text, request, new Date().toISOString());
    await this.#editor.edit(clipId, (record) => ({ ...record, annotations: [...record.annotations, annotation] }));
    return annotation;
  }

  /** The same selection sent twice is highlighted once. */
  async highlightSelection(clipId: string, selection: string): Promise<boolean> {
    const { text, annotations } = await readClip(this.#store, clipId);
    const range = findSelection(text, selection);
    if (!range) return false;
    const already = annotations.some(({ target }) => target.selector[1].start === range.start && target.selector[1].end === range.end);
    if (!already) await this.annotate(clipId, range);
    return true;
  }

  async update(clipId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation> {
    const changes = parseInput(annotationPatchSchema, patch);
    const modified = new Date().toISOString();
    const record = await this.#editor.editRecord(clipId, (fresh) => ({
      ...fresh,
      annotations: fresh.annotations.map((a) => (a.id === annotationId ? { ...a, ...changes, modified } : a)),
    }));
    const updated = record.annotations.find((a) => a.id === annotationId);
    if (!updated) throw new ClipdeskError('NOT_FOUND', `clip ${clipId} has no highlight ${annotationId}`);
    return updated;
  }

  async delete(clipId: string, annotationId: string): Promise<void> {
    if (!(await this.#store.require(clipId)).annotations.some((a) => a.id === annotationId)) {
      throw new ClipdeskError('NOT_FOUND', `clip ${clipId} has no highlight ${annotationId}`);
    }
    await this.#editor.edit(clipId, (record) => ({ ...record, annotations: record.annotations.filter((a) => a.id !== annotationId) }));
  }
}
