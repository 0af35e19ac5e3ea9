import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { TagCount } from '../../electron/api.js';
import { emit } from '../events.js';
import { plural } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';
import { sameTag } from '../../electron/shared/tag-names.js';

/**
 * Every tag with its count. Pressing tags filters the library (several combine: clips with all of
 * them). Each tag can be renamed (onto an existing name: the two merge) or deleted after a confirm.
 *
 * @fires tag-toggle - a tag filter was switched on or off ({ name })
 * @fires tag-rename - rename or merge a tag everywhere ({ from, to })
 * @fires tag-delete - remove a tag from every clip ({ name })
 */
@customElement('tag-sidebar')
export class TagSidebar extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    :host { display: block; }
    h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 1rem 0 0.4rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 0.1rem; }
    button { font: inherit; color: inherit; background: none; border: 0; border-radius: 0.3rem; cursor: pointer; padding: 0.25rem 0.4rem; }
    button:hover { background: var(--selected); }
    :focus-visible { outline-offset: -1px; }
    .filter { flex: 1; display: flex; justify-content: space-between; text-align: left; min-width: 0; }
    .filter[aria-pressed='true'] { background: var(--accent); color: var(--on-accent); }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .count { font-variant-numeric: tabular-nums; margin-left: 0.5rem; }
    .icon { color: var(--muted); font-size: 0.85rem; }
    .empty { color: var(--muted); font-size: 0.9rem; }
    form { display: grid; gap: 0.75rem; }
    label { display: grid; gap: 0.3rem; }
    input {
      font: inherit; padding: 0.4rem 0.6rem; border: 1px solid var(--border); border-radius: 0.3rem;
      background: var(--bg); color: var(--text);
    }
    .actions button { border: 1px solid var(--border); padding: 0.35rem 0.9rem; }
    .actions .primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
    .hint { margin: 0; color: var(--muted); font-size: 0.9rem; }
  `];

  @property({ attribute: false }) tags: readonly TagCount[] = [];
  @property({ attribute: false }) selected: readonly string[] = [];

  @state() private _renaming: TagCount | null = null;
  @state() private _newName = '';
  @state() private _deleting: TagCount | null = null;
  @query('#rename') private _renameDialog!: HTMLDialogElement;
  @query('#delete') private _deleteDialog!: HTMLDialogElement;

  override render() {
    return html`
      <h2 id="tags-heading">Tags</h2>
      ${this.tags.length === 0 ? html`<p class="empty">No tags yet.</p>` : nothing}
      <ul aria-labelledby="tags-heading">${this.tags.map((tag) => this._renderTag(tag))}</ul>
      ${this._renderRenameDialog()} ${this._renderDeleteDialog()}`;
  }

  private _renderTag(tag: TagCount) {
    const pressed = this.selected.some((name) => sameTag(name, tag.name));
    return html`
      <li>
        <button class="filter" aria-pressed=${pressed} title="Show clips tagged ${tag.name}"
          @click=${() => emit(this, 'tag-toggle', { name: tag.name })}>
          <span class="name">${tag.name}</span><span class="count">${tag.count}</span>
        </button>
        <button class="icon" aria-label="Rename tag ${tag.name}" title="Rename or merge" @click=${() => this._onRename(tag)}>✎</button>
        <button class="icon" aria-label="Delete tag ${tag.name}" title="Delete tag" @click=${() => (this._deleting = tag)}>✕</button>
      </li>`;
  }

  private _renderRenameDialog() {
    const from = this._renaming;
    const target = this.tags.find((tag) => tag !== from && sameTag(tag.name, this._newName));
    const mergeHint = target
      ? html`<p class="hint" role="status">“${target.name}” exists: its ${plural(target.count, 'clip')} and these will share one tag.</p>`
      : nothing;
    return html`
      <dialog id="rename" aria-labelledby="rename-heading" @close=${() => this._onDialogClose(this._renameDialog)}>
        <h2 id="rename-heading">Rename tag ${from?.name ?? ''}</h2>
        <form @submit=${this._onRenameSubmit}>
          <label>New name
            <input name="name" required autofocus autocomplete="off" .value=${this._newName}
              @input=${(event: InputEvent) => (this._newName = (event.target as HTMLInputElement).value)}>
          </label>
          ${mergeHint}
          <div class="actions">
            <button type="button" @click=${() => (this._renaming = null)}>Cancel</button>
            <button type="submit" class="primary">${target ? 'Merge' : 'Rename'}</button>
          </div>
        </form>
      </dialog>`;
  }

  private _renderDeleteDialog() {
    const tag = this._deleting;
    return html`
      <dialog id="delete" aria-labelledby="delete-heading" @close=${() => this._onDialogClose(this._deleteDialog)}>
        <h2 id="delete-heading">Delete tag ${tag?.name ?? ''}?</h2>
        <p>The tag is removed from ${plural(tag?.count ?? 0, 'clip')}. The clips themselves stay.</p>
        <div class="actions">
          <button type="button" autofocus @click=${() => (this._deleting = null)}>Cancel</button>
          <button type="button" class="primary" @click=${this._onDeleteConfirm}>Delete tag</button>
        </div>
      </dialog>`;
  }

  override updated(): void {
    syncDialog(this._renameDialog, this._renaming !== null);
    syncDialog(this._deleteDialog, this._deleting !== null);
  }

  private _onDialogClose(dialog: HTMLDialogElement): void {
    this._renaming = null;
    this._deleting = null;
    restoreFocus(dialog);
  }

  private _onRename(tag: TagCount): void {
    this._newName = tag.name;
    this._renaming = tag;
  }

  private _onRenameSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const to = this._newName.trim();
    if (this._renaming && to && to !== this._renaming.name) emit(this, 'tag-rename', { from: this._renaming.name, to });
    this._renaming = null;
  }

  private _onDeleteConfirm(): void {
    if (this._deleting) emit(this, 'tag-delete', { name: this._deleting.name });
    this._deleting = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tag-sidebar': TagSidebar;
  }
  interface HTMLElementEventMap {
    'tag-toggle': CustomEvent<{ name: string }>;
    'tag-rename': CustomEvent<{ from: string; to: string }>;
    'tag-delete': CustomEvent<{ name: string }>;
  }
}
