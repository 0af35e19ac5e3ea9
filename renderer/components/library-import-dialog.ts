import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { LibraryImportReport } from '../../electron/api.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';
import { emit } from '../events.js';
import { plural } from '../../electron/shared/date-format.js';

/** Problems listed in the dialog; the rest are counted (the CLI's --json has them all). */
const SHOWN_PROBLEMS = 200;

/**
 * Imports another app's export: choose a file, see what Clipdesk makes of it (nothing is written
 * yet), import, and read the report: every entry created, merged, pending, failed or skipped.
 * The parent reads the file, runs the import and passes back what happened.
 *
 * @fires export-choose - a file was chosen ({ file })
 * @fires export-import - import the chosen file ({})
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('library-import-dialog')
export class LibraryImportDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    .hint { color: var(--muted); font-size: 0.9rem; }
    .error { color: var(--danger); font-weight: 600; }
    .found { font-weight: 600; }
    ul.problems { max-height: 14rem; overflow-y: auto; font-size: 0.85rem; padding-left: 1.2rem; }
  `];

  @property({ type: Boolean }) open = false;
  @property({ type: Boolean }) pending = false;
  @property() error = '';
  @property({ attribute: false }) preview: { name: string; description: string } | null = null;
  @property({ attribute: false }) report: LibraryImportReport | null = null;

  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    return html`
      <dialog aria-labelledby="library-import-heading" @close=${this._onClose}>
        <h2 id="library-import-heading">Import from another app</h2>
        ${this.report ? this._renderReport(this.report) : this._renderChoice()}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.pending ? html`<p role="status"><progress aria-label="Importing"></progress> Reading…</p>` : nothing}
        <div class="actions">
          ${this.preview && !this.report ? html`<button class="primary" ?disabled=${this.pending}
            @click=${() => emit(this, 'export-import', {})}>Import</button>` : nothing}
          <button @click=${() => this._dialog.close()}>${this.report ? 'Done' : 'Cancel'}</button>
        </div>
      </dialog>`;
  }

  private _renderChoice() {
    return html`
      <p class="hint">Pocket (the export zip), Omnivore (zip), Instapaper, Readwise Reader and Raindrop.io (CSV), your browser's
        bookmarks (HTML), Karakeep, Wallabag, Linkwarden and Hypothesis (JSON), or a text or Markdown list of links.</p>
      <label>Export file <input type="file" autofocus ?disabled=${this.pending} @change=${this._onChoose}></label>
      ${this.preview ? html`<p class="found" role="status">${this.preview.name}: ${this.preview.description}. Nothing is
        written until you import it.</p>` : nothing}`;
  }

  private _renderReport(report: LibraryImportReport) {
    const shown = report.problems.slice(0, SHOWN_PROBLEMS);
    const more = report.problems.length - shown.length;
    return html`
      <p class="found" role="status">${report.description}: ${plural(report.created, 'new clip')},
        ${report.merged} merged into clips you had, ${report.failed} failed, ${report.skipped} skipped.</p>
      ${report.pending > 0 ? html`<p>${plural(report.pending, 'clip')} ${report.pending === 1 ? 'is an address' : 'are addresses'}
        for now: ${report.pending === 1 ? 'its article is' : 'their articles are'} fetched in the background.</p>` : nothing}
      ${shown.length > 0 ? html`
        <ul class="problems" aria-label="Entries not imported as they were">
          ${shown.map((problem) => html`<li>${problem.kind}: ${problem.source}: ${problem.reason}</li>`)}
          ${more > 0 ? html`<li>… and ${more} more</li>` : nothing}
        </ul>` : nothing}`;
  }

  override updated(): void {
    syncDialog(this._dialog, this.open);
  }

  private _onChoose(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) emit(this, 'export-choose', { file });
  }

  private _onClose(): void {
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'library-import-dialog': LibraryImportDialog;
  }
  interface HTMLElementEventMap {
    'export-choose': CustomEvent<{ file: File }>;
    'export-import': CustomEvent<Record<string, never>>;
  }
}
