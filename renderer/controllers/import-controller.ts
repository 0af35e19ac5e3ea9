import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClipperInfo, ImportInput, ImportResult } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import type { LibraryData } from './library-data.js';

export interface ImportReport {
  /** The clip was made, or was in the library already. */
  clipped(result: ImportResult): void;
  /** It could not be clipped, and no open dialog can say so (a drop, or the dialog was closed meanwhile). */
  failed(message: string): void;
}

/**
 * Clipping a page, text or file: whether the Add clip dialog is open and what went wrong in it, whether
 * a clip is in progress (the header shows it while the dialog is closed), and the browser clipper the
 * dialog offers (none where the host has no clipper endpoint).
 */
export class ImportController implements ReactiveController {
  dialogOpen = false;
  pending = false;
  error = '';
  clipper: ClipperInfo | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly data: LibraryData, private readonly report: ImportReport) {
    host.addController(this);
  }

  hostConnected(): void {
    this.data.clipperInfo().then((clipper) => this.#set({ clipper }), () => undefined);
  }

  /** Opens the dialog afresh, without the last attempt's error. */
  openDialog(): void {
    this.#set({ dialogOpen: true, error: '' });
  }

  closeDialog(): void {
    this.#set({ dialogOpen: false });
  }

  async run(input: ImportInput): Promise<void> {
    this.#set({ pending: true, error: '' });
    try {
      const result = await this.data.mutate('import', input);
      this.#set({ dialogOpen: false });
      this.report.clipped(result);
    } catch (error) {
      if (this.dialogOpen) this.#set({ error: errorMessage(error) });
      else this.report.failed(errorMessage(error));
    } finally {
      this.#set({ pending: false });
    }
  }

  #set(change: Partial<Pick<ImportController, 'dialogOpen' | 'pending' | 'error' | 'clipper'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
