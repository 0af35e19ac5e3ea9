import type { Clip, ClipSummary, DigestDefinition, DigestFormat, DigestPreset, Paper } from '../api.js';
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

/** A press review made, before it is written: its page, what its file and header are called, its paper. */
export interface RenderedDigest {
  html: string;
  title: string;
  paper: Paper;
  items: number;
  /** The file name without its extension, e.g. `Trade week 2026-12-03`. */
  name: string;
}

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

  /** The clips the review holds, in its order; a `lastDays` period ends on the day of `now`. */
  async items(definition: DigestDefinition, now = new Date()): Promise<ClipSummary[]> {
    const checked = parseInput(digestDefinitionSchema, definition);
    const summaries: ClipSummary[] = [];
    for (const id of this.#ids(checked, localDay(now))) {
      const record = await this.#store.require(id);
      if (record.deletedAt === null) summaries.push(toSummary(record));
    }
    return checked.order === 'date' ? newestFirst(summaries) : summaries;
  }

  /** The press review as a file of `format`: the window's one call. */
  async make(definition: DigestDefinition, format: DigestFormat, now = new Date()): Promise<ExportedBytes> {
    return this.file(await this.render(definition, now), format);
  }

  /**
   * The press review made once, to be written as HTML and printed as PDF from the same pages (the CLI
   * asks for both); `full` content carries the pictures the library keeps inline.
   */
  async render(definition: DigestDefinition, now = new Date()): Promise<RenderedDigest> {
    const checked = parseInput(digestDefinitionSchema, definition);
    const { digestHtml } = await import('./digest/digest-html.js');
    const { withExportedPictures } = await import('./export/export-pictures.js');
    const clips: Clip[] = [];
    for (const { id } of await this.items(checked, now)) {
      const clip = await readClip(this.#store, id);
      clips.push(checked.content === 'full' ? await withExportedPictures(clip, 'html', this.#pictures, this.#store.dir) : clip);
    }
    const html = digestHtml({ ...checked, period: digestPeriod(checked, localDay(now)), compiledAt: now, clips });
    const title = checked.title.trim() || DEFAULT_DIGEST_TITLE;
    return { html, title, paper: checked.paper, items: clips.length, name: `${noteFileStem(title)} ${localDay(now)}` };
  }

  async file(digest: RenderedDigest, format: DigestFormat): Promise<ExportedBytes> {
    const name = `${digest.name}.${format}`;
    if (format === 'html') return { name, type: 'text/html', bytes: Buffer.from(digest.html, 'utf8') };
    const print = await this.#printer();
    return { name, type: 'application/pdf', bytes: await print(digest.html, { paper: digest.paper, header: digest.title }) };
  }

  /** The definition a saved preset holds (the presets file was checked against the same schema as it was read). */
  async preset(name: string): Promise<DigestDefinition> {
    return (await this.presets.get(name)).definition;
  }

  savePreset(preset: DigestPreset): Promise<DigestPreset[]> {
    return this.presets.save(parseInput(digestPresetSchema, preset));
  }

  #ids(definition: DigestDefinition, today: string): readonly string[] {
    if (definition.ids) return definition.ids;
    const query = `${definition.query} ${periodFilters(digestPeriod(definition, today))}`.trim();
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
