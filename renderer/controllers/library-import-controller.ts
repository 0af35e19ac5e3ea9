import type { ReactiveControllerHost } from 'lit';
import type { ExportFileInput, LibraryImportReport } from '../../electron/api.js';
import { MAX_EXPORT_FILE_BYTES, megabytes } from '../../electron/shared/limits.js';
import { errorMessage } from '../api-client.js';
import { base64Of } from '../drop-input.js';
import type { LibraryData } from './library-data.js';

/**
 * Importing another app's export from the window: the dialog is open, a file is chosen and described
 * (what it is and how many entries: nothing is written yet), the import runs, and its report shows.
 */
export class LibraryImportController {
  open = false;
  /** What the chosen file is, as the library reads it. */
  preview: { name: string; description: string } | null = null;
  pending = false;
  error = '';
  report: LibraryImportReport | null = null;
  #file: ExportFileInput | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly data: LibraryData) {}

  openDialog(): void {
    this.#file = null;
    this.#set({ open: true, preview: null, error: '', report: null });
  }

  close(): void {
    this.#set({ open: false });
  }

  async choose(file: File): Promise<void> {
    if (file.size > MAX_EXPORT_FILE_BYTES) {
      const error = `${file.name} is ${megabytes(file.size)}; the window takes export files up to ${megabytes(MAX_EXPORT_FILE_BYTES)}. ` +
        `Import it from the command line: clipdesk import-library "${file.name}"`;
      this.#file = null;
      this.#set({ error, preview: null, report: null });
      return;
    }
    this.#set({ pending: true, error: '', preview: null, report: null });
    try {
      this.#file = { name: file.name, data: await base64Of(file) };
      const { description } = await this.data.describeExport(this.#file);
      this.#set({ preview: { name: file.name, description } });
    } catch (error) {
      this.#file = null;
      this.#set({ error: errorMessage(error) });
    } finally {
      this.#set({ pending: false });
    }
  }

  async run(): Promise<void> {
    if (!this.#file) return;
    this.#set({ pending: true, error: '' });
    try {
      this.#set({ report: await this.data.mutate('importLibrary', this.#file), preview: null });
      this.#file = null;
    } catch (error) {
      this.#set({ error: errorMessage(error) });
    } finally {
      this.#set({ pending: false });
    }
  }

  #set(change: Partial<Pick<LibraryImportController, 'open' | 'preview' | 'pending' | 'error' | 'report'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
