import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Revision } from '../../electron/api.js';
import { emit } from '../events.js';
import { formatDateTime } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';

/**
 * A clip's earlier versions, newest first, each restorable after a confirm. The parent loads them and
 * passes `revisions` (null while they load) and `error`; it runs the restore and closes the dialog.
 *
 * @fires revision-restore - make this version the clip's content again ({ n })
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('revisions-dialog')
export class RevisionsDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    ol { list-style: none; margin: 0; padding: 0; max-height: 60vh; overflow-y: auto; }
    li { display: flex; gap: 1rem; align-items: center; padding: 0.6rem 0; border-bottom: 1px solid var(--border); }
    .text { flex: 1; min-width: 0; }
    .title { font-weight: 600; overflow-wrap: anywhere; }
    .meta, .hint, .status { color: var(--muted); font-size: 0.9rem; }
    .hint { margin: 0 0 0.5rem; }
    .error { color: var(--danger); font-weight: 600; }
    button { flex: none; }
  `];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) revisions: readonly Revision[] | null = null;
  @property() error = '';

  @state() private _confirming: Revision | null = null;
  @query('#revisions') private _dialog!: HTMLDialogElement;
  @query('#confirm') private _confirmDialog!: HTMLDialogElement;

  override render() {
    return html`
      <dialog id="revisions" aria-labelledby="revisions-heading" @close=${this._onClose}>
        <h2 id="revisions-heading">Earlier versions</h2>
        <p class="hint">When a page you clip again has changed, the text it replaces is kept here.</p>
        ${this._renderList()}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button autofocus @click=${() => this._dialog.close()}>Close</button>
        </div>
      </dialog>
      ${this._renderConfirm()}`;
  }

  private _renderList() {
    if (!this.revisions) return this.error ? nothing : html`<p class="status" role="status">Loading…</p>`;
    const newestFirst = [...this.revisions].sort((a, b) => b.n - a.n);
    return html`
      <ol aria-labelledby="revisions-heading">
        ${newestFirst.map((revision) => html`
          <li>
            <div class="text" id="revision-${revision.n}">
              <div class="title">${revision.title}</div>
              <div class="meta">Replaced <time datetime=${revision.savedAt}>${formatDateTime(revision.savedAt)}</time></div>
            </div>
            <button aria-describedby="revision-${revision.n}" @click=${() => (this._confirming = revision)}>Restore this version</button>
          </li>`)}
      </ol>`;
  }

  private _renderConfirm() {
    const revision = this._confirming;
    return html`
      <dialog id="confirm" aria-labelledby="confirm-heading" @close=${this._onConfirmClose}>
        <h2 id="confirm-heading">Restore this version?</h2>
        <p>The clip goes back to “${revision?.title ?? ''}”, as it was until ${formatDateTime(revision?.savedAt ?? null)}.
          Its current text is kept as an earlier version, so you can switch back. Tags, note and highlights stay.</p>
        <div class="actions">
          <button autofocus @click=${() => (this._confirming = null)}>Cancel</button>
          <button class="primary" @click=${this._onConfirm}>Restore</button>
        </div>
      </dialog>`;
  }

  override updated(): void {
    // The confirm sits on top of the list: it closes first, so focus goes back through the list to the reader.
    syncDialog(this._confirmDialog, this.open && this._confirming !== null);
    syncDialog(this._dialog, this.open);
  }

  private _onClose(): void {
    this._confirming = null;
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }

  private _onConfirmClose(): void {
    this._confirming = null;
    restoreFocus(this._confirmDialog);
  }

  private _onConfirm(): void {
    const revision = this._confirming;
    this._confirming = null;
    if (revision) emit(this, 'revision-restore', { n: revision.n });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'revisions-dialog': RevisionsDialog;
  }
  interface HTMLElementEventMap {
    'revision-restore': CustomEvent<{ n: number }>;
  }
}
