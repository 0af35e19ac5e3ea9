import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ClipSummary } from '../../electron/api.js';
import { emit } from '../events.js';
import { formatDate, plural } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';

/**
 * Clips in the trash, each restorable; emptying the trash deletes them for good after a confirm.
 *
 * @fires clip-restore - take a clip out of the trash ({ id })
 * @fires trash-empty - delete every clip in the trash ({})
 */
@customElement('trash-view')
export class TrashView extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    :host { display: block; height: 100%; overflow-y: auto; padding: 0 1rem 2rem; }
    header { display: flex; align-items: center; gap: 1rem; }
    h2 { font-size: 1.2rem; flex: 1; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; gap: 1rem; align-items: center; padding: 0.6rem 0; border-bottom: 1px solid var(--border); }
    .text { flex: 1; min-width: 0; }
    .title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .meta, .empty { color: var(--muted); font-size: 0.9rem; }
    button {
      font: inherit; padding: 0.3rem 0.8rem; border-radius: 0.35rem; border: 1px solid var(--border);
      background: var(--surface); color: var(--text); cursor: pointer;
    }
    button.danger { background: var(--danger); color: var(--bg); border-color: var(--danger); }
    button:disabled { opacity: 0.6; cursor: default; }
  `];

  @property({ attribute: false }) clips: readonly ClipSummary[] = [];

  @state() private _confirming = false;
  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    return html`
      <header>
        <h2 id="trash-heading">Trash</h2>
        <button class="danger" ?disabled=${this.clips.length === 0} @click=${() => (this._confirming = true)}>Empty trash</button>
      </header>
      ${this.clips.length === 0 ? html`<p class="empty">The trash is empty.</p>` : nothing}
      <ul aria-labelledby="trash-heading">
        ${this.clips.map((clip) => html`
          <li>
            <div class="text">
              <div class="title">${clip.title}</div>
              <div class="meta">${[clip.source, `moved to trash ${formatDate(clip.deletedAt)}`].filter(Boolean).join(' · ')}</div>
            </div>
            <button aria-label="Restore ${clip.title}" @click=${() => emit(this, 'clip-restore', { id: clip.id })}>Restore</button>
          </li>`)}
      </ul>
      <dialog aria-labelledby="empty-heading" @close=${this._onDialogClose}>
        <h2 id="empty-heading">Empty the trash?</h2>
        <p>${plural(this.clips.length, 'clip')} and their highlights will be deleted for good. This cannot be undone.</p>
        <div class="actions">
          <button autofocus @click=${() => (this._confirming = false)}>Cancel</button>
          <button class="danger" @click=${this._onEmpty}>Empty trash</button>
        </div>
      </dialog>`;
  }

  override updated(): void {
    syncDialog(this._dialog, this._confirming);
  }

  private _onDialogClose(): void {
    this._confirming = false;
    restoreFocus(this._dialog);
  }

  private _onEmpty(): void {
    this._confirming = false;
    emit(this, 'trash-empty', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trash-view': TrashView;
  }
  interface HTMLElementEventMap {
    'clip-restore': CustomEvent<{ id: string }>;
    'trash-empty': CustomEvent<Record<string, never>>;
  }
}
