import type { ReactiveControllerHost } from 'lit';
import type { ExportScope, FileExportFormat } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import { plural } from '../../electron/shared/date-format.js';
import { saveFile } from '../save-file.js';
import type { LibraryData } from './library-data.js';
import type { Navigation } from './navigation.js';

/** What an export may hold, as the window offers it: the open clip, the picked clips, those shown (a search, a filtered list), or all. */
export type ExportChoice = 'clip' | 'picked' | 'shown' | 'library';

/**
 * Exporting from the window: the dialog is open, the export is being made, and what was saved. Which
 * clips it may hold is read from where the window is: the open clip, the search, the list's filters.
 */
export class ExportController {
  open = false;
  pending = false;
  error = '';
  saved = '';

  constructor(private readonly host: ReactiveControllerHost, private readonly data: LibraryData, private readonly nav: Navigation) {}

  openDialog(): void {
    this.#set({ open: true, error: '', saved: '' });
  }

  close(): void {
    this.#set({ open: false });
  }

  /** The choices that apply now, with the words the dialog shows. */
  choices(): Array<[ExportChoice, string]> {
    const clip = this.data.loadedClip();
    const shown = this.#shownCount();
    const choices: Array<[ExportChoice, string]> = [];
    if (clip) choices.push(['clip', `This clip: ${clip.title}`]);
    if (this.nav.picked.size > 0) choices.push(['picked', `The ${plural(this.nav.picked.size, 'clip')} you picked`]);
    const where = this.nav.query.trim() ? 'this search finds' : 'the list shows';
    if (shown !== null) choices.push(['shown', `The ${plural(shown, 'clip')} ${where}`]);
    return [...choices, ['library', 'The whole library']];
  }

  async run(format: FileExportFormat, choice: ExportChoice): Promise<void> {
    this.#set({ pending: true, error: '', saved: '' });
    try {
      const file = await this.data.exportAs(format, format === 'backup' ? { kind: 'library' } : this.#scope(choice));
      saveFile(file);
      this.#set({ saved: file.name });
    } catch (error) {
      this.#set({ error: errorMessage(error) });
    } finally {
      this.#set({ pending: false });
    }
  }

  /** How many clips a search or a filtered list shows; null when it shows the whole library. */
  #shownCount(): number | null {
    const { query, tagFilter, filters } = this.nav;
    if (query.trim()) return this.data.search.value?.total ?? null;
    const filtered = tagFilter.length > 0 || filters.starred || filters.annotated || filters.readState !== null;
    return filtered ? this.data.list.total : null;
  }

  #scope(choice: ExportChoice): ExportScope {
    const { openId, query, tagFilter, filters } = this.nav;
    if (choice === 'clip' && openId) return { kind: 'clips', ids: [openId] };
    if (choice === 'picked' && this.nav.picked.size > 0) return { kind: 'clips', ids: [...this.nav.picked] };
    if (choice !== 'shown') return { kind: 'library' };
    if (query.trim()) return { kind: 'search', query };
    const { sort, descending, starred, annotated, readState } = filters;
    return {
      kind: 'list',
      options: {
        sort, descending, tags: tagFilter.length ? [...tagFilter] : undefined,
        starred: starred || undefined, annotated: annotated || undefined, readState: readState ?? undefined,
      },
    };
  }

  #set(change: Partial<Pick<ExportController, 'open' | 'pending' | 'error' | 'saved'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
