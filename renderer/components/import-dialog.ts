import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ClipperInfo, ImportInput } from '../../electron/api.js';
import { emit } from '../events.js';
import './clipper-panel.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';

/**
 * Clips a web page by address, or pasted HTML or text (HTML is recognised by its leading `<`).
 * The parent runs the import and passes back `pending` and `error`.
 *
 * @fires import-submit - import this ({ input })
 * @fires library-import-open - import another app's export instead ({})
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('import-dialog')
export class ImportDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    form { display: grid; gap: 0.8rem; }
    label { display: grid; gap: 0.3rem; font-weight: 600; }
    .check { display: flex; gap: 0.4rem; align-items: center; font-weight: normal; }
    input[type='url'], textarea {
      font: inherit; font-weight: normal; padding: 0.4rem 0.6rem;
      border: 1px solid var(--border); border-radius: 0.35rem; background: var(--bg); color: var(--text);
    }
    textarea { min-height: 9rem; resize: vertical; font-family: ui-monospace, monospace; font-size: 0.85rem; }
    .hint { margin: 0; color: var(--muted); font-size: 0.9rem; }
    .error { margin: 0; color: var(--danger); font-weight: 600; }
    .status { display: flex; gap: 0.6rem; align-items: center; color: var(--muted); }
  `];

  @property({ type: Boolean }) open = false;
  @property({ type: Boolean }) pending = false;
  @property() error = '';
  @property({ attribute: false }) clipper: ClipperInfo | null = null;

  @state() private _problem = '';
  @query('form') private _form!: HTMLFormElement;
  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    const message = this._problem || this.error;
    return html`
      <dialog aria-labelledby="import-heading" @close=${this._onClose}>
        <h2 id="import-heading">Add clip</h2>
        <form novalidate @submit=${this._onSubmit} aria-busy=${this.pending}>
          <label>Web address
            <input type="url" name="url" placeholder="https://…" autocomplete="off" autofocus>
          </label>
          <label>Or paste HTML or text
            <textarea name="body"></textarea>
          </label>
          <label class="check"><input type="checkbox" name="markdown"> The pasted text is Markdown</label>
          <p class="hint">You can also drop a .html, .txt or .md file, or a link, onto the window. Coming from Pocket,
            Instapaper, Omnivore or another app?
            <button type="button" @click=${() => emit(this, 'library-import-open', {})}>Import from another app…</button></p>
          ${this.clipper ? html`<clipper-panel .info=${this.clipper}></clipper-panel>` : nothing}
          ${this.pending ? html`<p class="status" role="status"><progress aria-label="Importing"></progress> Clipping…</p>` : nothing}
          ${message ? html`<p class="error" role="alert">${message}</p>` : nothing}
          <div class="actions">
            <button type="button" @click=${() => this._dialog.close()}>Cancel</button>
            <button type="submit" class="primary" ?disabled=${this.pending}>Clip</button>
          </div>
        </form>
      </dialog>`;
  }

  override updated(changed: Map<string, unknown>): void {
    // A fresh dialog each time it opens: no stale text or message from the last clip.
    if (changed.has('open') && this.open) {
      this._form.reset();
      this._problem = '';
    }
    syncDialog(this._dialog, this.open);
  }

  private _onClose(): void {
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(this._form);
    const url = String(data.get('url') ?? '').trim();
    const body = String(data.get('body') ?? '').trim();
    this._problem = '';
    if (url && !/^https?:\/\/\S+$/i.test(url)) {
      this._problem = 'Enter a web address that starts with http:// or https://.';
    } else if (!url && !body) {
      this._problem = 'Enter a web address, or paste HTML or text.';
    } else {
      emit(this, 'import-submit', { input: toInput(url, body, data.get('markdown') === 'on') });
    }
  }
}

function toInput(url: string, body: string, markdown: boolean): ImportInput {
  if (!body) return { kind: 'url', url };
  const source = url ? { url } : {};
  return body.startsWith('<') ? { kind: 'html', html: body, ...source } : { kind: 'text', text: body, markdown, ...source };
}

declare global {
  interface HTMLElementTagNameMap {
    'import-dialog': ImportDialog;
  }
  interface HTMLElementEventMap {
    'library-import-open': CustomEvent<Record<string, never>>;
    'import-submit': CustomEvent<{ input: ImportInput }>;
  }
}
