import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '../events.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';

const SHORTCUTS: [keys: string[], action: string][] = [
  [['/', 'Ctrl F'], 'Search'],
  [['j', '↓'], 'Next clip'],
  [['k', '↑'], 'Previous clip'],
  [['j', 'k'], 'While reading: open the next or previous clip of the list'],
  [['Enter'], 'Open the clip'],
  [['Escape'], 'Close a dialog, or go back to the list'],
  [['t'], 'Add a tag to the open clip'],
  [['h'], 'Highlight the selected text'],
  [['s'], 'Star or unstar'],
  [['m'], 'Mark read or unread'],
  [['x', 'Ctrl/Cmd click'], 'Pick the clip, or unpick it (Export… takes the picked clips)'],
  [['e'], 'Archive, or bring back from the archive'],
  [['Delete'], 'Move to trash'],
  [['?'], 'This list'],
];

/**
 * The keyboard shortcuts, opened with `?`.
 *
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('shortcuts-dialog')
export class ShortcutsDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--border); }
    kbd {
      font-family: ui-monospace, monospace; padding: 0.05rem 0.4rem;
      border: 1px solid var(--border); border-radius: 0.25rem; background: var(--surface);
    }
    p { color: var(--muted); font-size: 0.9rem; }
    button { margin-top: 1rem; }
  `];

  @property({ type: Boolean }) open = false;

  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    return html`
      <dialog aria-labelledby="shortcuts-heading" @close=${this._onClose}>
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <table>
          <thead><tr><th scope="col">Keys</th><th scope="col">Action</th></tr></thead>
          <tbody>
            ${SHORTCUTS.map(([keys, action]) => html`<tr><td>${keyChoices(keys)}</td><td>${action}</td></tr>`)}
          </tbody>
        </table>
        <p>Single-key shortcuts do nothing while you type in a field.</p>
        <button autofocus @click=${() => this._dialog.close()}>Close</button>
      </dialog>`;
  }

  override updated(): void {
    syncDialog(this._dialog, this.open);
  }

  private _onClose(): void {
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }
}

function keyChoices(keys: readonly string[]) {
  return keys.map((key, i) => html`${i ? ' or ' : ''}<kbd>${key}</kbd>`);
}

declare global {
  interface HTMLElementTagNameMap {
    'shortcuts-dialog': ShortcutsDialog;
  }
}
