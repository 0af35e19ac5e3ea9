import type { Clip, ClipSummary, DigestDefinition, DigestFormat, DigestPreset } from '../api.js';
import { MAX_DIGEST_ITEMS, digestDefinitionSchema, digestPresetSchema } from '../api.js';
import { readClip, toSummary } from './clip-record.js';
import { DigestPresets } from './digest/digest-presets.js';
import { ClipdeskError } from './errors.js';
import type { PdfPrinter } from './digest/pdf-printer.js';
import { DEFAULT_DIGEST_TITLE } from './digest/digest-title.js';
import { digestPeriod, periodFilters } from './digest/digest-period.js';
import { localDay } from '../shared/local-day.js';
import type { ExportedBytes } from './export/export-file.js';
import { noteFileStem } from './export/note-file-names.js';
import type { LibraryExports } from './library-exports.js';
import type { PictureStore } from './pictures/picture-store.js';
import type { ClipStore } from './store/clip-store.js';
import { parseInput } from './validation.js';

/** Press reviews: the clips a definition selects, made into HTML or PDF, and the saved definitions. */
export class LibraryDigests {
  readonly presets: DigestPresets;
  readonly #store: ClipStore;
  readonly #exports: LibraryExports;
  readonly #pictures: PictureStore;
  readonly #printer: () => Promise<PdfPrinter>;

  constructor(store: ClipStore, exports: LibraryExports, pictures: PictureStore, printer: () => Promise<PdfPrinter>) {
    this.presets = new DigestPresets(store.dir);
    this.#store = store;
    this.#exports = exports;
    this.#pictures = pictures;
    this.#printer = printer;
  }

  async items(definition: DigestDefinition): Promise<ClipSummary[]> {
    const checked = parseInput(digestDefinitionSchema, definition);
    const summaries: ClipSummary[] = [];
    for (const id of this.#ids(checked)) {
      const record = await this.#store.require(id);
      if (record.deletedAt === null) summaries.push(toSummary(record));
    }
    return checked.order === 'date' ? newestFirst(summaries) : summaries;
  }

  async make(definition: DigestDefinition, format: DigestFormat, now = new Date()): Promise<ExportedBytes> {
    const checked = parseInput(digestDefinitionSchema, definition);
    const html = await this.html(checked, now);
    const title = checked.title.trim() || DEFAULT_DIGEST_TITLE;
    const name = `${noteFileStem(title)} ${localDay(now)}.${format}`;
    if (format === 'html') return { name, type: 'text/html', bytes: Buffer.from(html, 'utf8') };
    const print = await this.#printer();
    return { name, type: 'application/pdf', bytes: await print(html, { paper: checked.paper, header: title }) };
  }

  /** The press review's HTML; `full` content carries the pictures the library keeps inline. */
  async html(definition: DigestDefinition, now = new Date()): Promise<string> {
    const { digestHtml } = await import('./digest/digest-html.js');
    const { withExportedPictures } = await import('./export/export-pictures.js');
    const clips: Clip[] = [];
    for (const { id } of await this.items(definition)) {
      const clip = await readClip(this.#store, id);
      clips.push(definition.content === 'full' ? await withExportedPictures(clip, 'html', this.#pictures, this.#store.dir) : clip);
    }
    const period = digestPeriod(definition, localDay(now));
    return digestHtml({ ...definition, period, compiledAt: now, clips });
  }

  /** The definition a saved preset holds, checked again: a hand-edited presets file must not slip past validation. */
  async preset(name: string): Promise<DigestDefinition> {
    return parseInput(digestPresetSchema, await this.presets.get(name)).definition;
  }

  savePreset(preset: DigestPreset): Promise<DigestPreset[]> {
    return this.presets.save(parseInput(digestPresetSchema, preset));
  }

  #ids(definition: DigestDefinition): readonly string[] {
    if (definition.ids) return definition.ids;
    const query = `${definition.query} ${periodFilters(digestPeriod(definition))}`.trim();
    const ids = query ? this.#exports.idsIn({ kind: 'search', query }) : this.#exports.idsIn({ kind: 'library' });
    if (ids.length > MAX_DIGEST_ITEMS) {
      const advice = 'narrow the query or the period';
      throw new ClipdeskError('TOO_LARGE', `the press review would hold ${ids.length} clips, more than ${MAX_DIGEST_ITEMS}: ${advice}`);
    }
    return ids;
  }
}

/** Newest published first (clipped, where a clip has no date); equal dates keep the order they came in. */
function newestFirst(clips: ClipSummary[]): ClipSummary[] {
  const time = (clip: ClipSummary) => {
    const published = clip.publishedAt ? Date.parse(clip.publishedAt) : Number.NaN;
    return Number.isNaN(published) ? Date.parse(clip.clippedAt) : published;
  };
  return clips.map((clip) => ({ clip, at: time(clip) })).sort((a, b) => b.at - a.at).map(({ clip }) => clip);
}
