import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { FileExportFormat } from '../../electron/api.js';
import { baseStyles } from '../base-styles.js';
import type { ExportChoice } from '../controllers/export-controller.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';
import { emit } from '../events.js';

/** The formats offered, each with what it is for; the README's "Export formats" says what each keeps. */
const FORMATS: ReadonlyArray<[FileExportFormat, string]> = [
  ['w3c', 'Highlights and notes as W3C Web Annotations (JSON-LD), for Hypothesis-style tools'],
  ['netscape', 'Bookmarks (HTML), for a browser or another clipping app'],
  ['markdown', 'Markdown: the articles with their notes and highlights'],
  ['csv', 'CSV, for a spreadsheet'],
  ['json', 'JSON: everything Clipdesk keeps about each clip'],
  ['html', 'HTML pages that read offline, pictures included'],
  ['backup', 'Backup of the whole library (zip): Import from another app restores it'],
];

/**
 * Exports clips as a file: a format, and which clips (the open one, those shown, or all). A backup
 * always holds the whole library, trash and versions included.
 *
 * @fires export-run - export ({ format, choice })
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('export-dialog')
export class ExportDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    fieldset { border: 1px solid var(--border); border-radius: 0.35rem; margin: 0 0 0.75rem; }
    label.choice { display: block; padding: 0.15rem 0; }
    select { font: inherit; max-width: 100%; }
    .error { color: var(--danger); font-weight: 600; }
  `];

  @property({ type: Boolean }) open = false;
  @property({ type: Boolean }) pending = false;
  @property() error = '';
  @property() saved = '';
  /** The choices that apply where the window is, with their labels ("The open clip", "The 12 clips shown"). */
  @property({ attribute: false }) choices: ReadonlyArray<[ExportChoice, string]> = [];

  @state() private _format: FileExportFormat = 'markdown';
  @state() private _choice: ExportChoice = 'library';

  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    const choice = this.choices.some(([value]) => value === this._choice) ? this._choice : 'library';
    return html`
      <dialog aria-labelledby="export-heading" @close=${this._onClose}>
        <h2 id="export-heading">Export</h2>
        <label>Format <select autofocus @change=${this._onFormat}>
          ${FORMATS.map(([format, label]) => html`<option value=${format} ?selected=${format === this._format}>${label}</option>`)}
        </select></label>
        <fieldset ?disabled=${this._format === 'backup'}>
          <legend>Clips</legend>
          ${this.choices.map(([value, label]) => html`<label class="choice"><input type="radio" name="scope" value=${value}
            .checked=${value === choice} @change=${() => (this._choice = value)}> ${label}</label>`)}
        </fieldset>
        ${this.pending ? html`<p role="status"><progress aria-label="Exporting"></progress> Exporting…</p>` : nothing}
        ${this.saved ? html`<p role="status">Saved as ${this.saved}.</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="primary" ?disabled=${this.pending}
            @click=${() => emit(this, 'export-run', { format: this._format, choice })}>Export</button>
          <button @click=${() => this._dialog.close()}>Close</button>
        </div>
      </dialog>`;
  }

  override updated(): void {
    syncDialog(this._dialog, this.open);
  }

  private _onFormat(event: Event): void {
    this._format = (event.target as HTMLSelectElement).value as FileExportFormat;
  }

  private _onClose(): void {
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'export-dialog': ExportDialog;
  }
  interface HTMLElementEventMap {
    'export-run': CustomEvent<{ format: FileExportFormat; choice: ExportChoice }>;
  }
}
