import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SyncSettingsInput, SyncSettingsView, SyncStatus } from '../../electron/api.js';
import { formatDateTime, plural } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import type { SyncWork } from '../controllers/sync-controller.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';
import { emit } from '../events.js';

/** The form as typed; the password and passphrase live here only until the dialog closes. */
interface Draft {
  url: string;
  database: string;
  user: string;
  password: string;
  passphrase: string;
  enabled: boolean;
}

const NEW_DRAFT: Draft = { url: '', database: 'clipdesk', user: '', password: '', passphrase: '', enabled: true };

const WORKING: Record<Exclude<SyncWork, null>, string> = {
  test: 'Asking the server…', save: 'Checking the server and saving…', sync: 'Syncing…',
};

/**
 * The sync settings: the CouchDB server, database and account, an optional end-to-end encryption
 * passphrase, on or off; test the connection, save, or sync now. The parent does the work and passes
 * back what came of it. Empty password or passphrase fields keep what is kept: they are never shown.
 *
 * @fires sync-test - test these settings ({ input })
 * @fires sync-save - keep these settings ({ input })
 * @fires sync-now - run a round now ({})
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('sync-dialog')
export class SyncDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    dialog { width: min(34rem, 94vw); }
    form { display: grid; gap: 0.65rem; }
    label { display: grid; gap: 0.2rem; }
    input { font: inherit; }
    input:not([type='checkbox']) { width: 100%; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.65rem; }
    .toggle { display: flex; gap: 0.5rem; align-items: center; }
    .hint { color: var(--muted); font-size: 0.88rem; margin: 0; }
    #sync-about { margin-bottom: 0.9rem; }
    .status { margin: 0.75rem 0 0; font-size: 0.9rem; }
    .message { margin: 0.75rem 0 0; }
    .error { margin: 0.75rem 0 0; color: var(--danger); font-weight: 600; }
    .actions { justify-content: space-between; flex-wrap: wrap; }
    .actions div { display: flex; gap: 0.5rem; }
  `];

  @property({ type: Boolean }) open = false;
  /** The kept settings (never the password or key); null when sync was never set up. */
  @property({ attribute: false }) settings: SyncSettingsView | null = null;
  @property({ attribute: false }) status: SyncStatus | null = null;
  @property({ attribute: false }) work: SyncWork = null;
  @property() message = '';
  @property() error = '';

  @state() private _draft: Draft = NEW_DRAFT;
  /** What is missing from the form, said before the server is asked anything. */
  @state() private _problem = '';

  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    const draft = this._draft;
    const kept = this.settings;
    const work = this.work;
    const error = this._problem || this.error;
    return html`
      <dialog aria-labelledby="sync-heading" aria-describedby="sync-about" @close=${this._onClose}>
        <h2 id="sync-heading">Sync settings</h2>
        <p class="hint" id="sync-about">Keep this library in step with your other computers through a CouchDB server you run.</p>
        <form id="sync-form" novalidate @submit=${this._onSubmit}>
          <label>Server address <input type="url" name="url" autofocus required autocomplete="url" spellcheck="false"
            placeholder="https://couch.example.org" .value=${draft.url} @input=${this._onInput}></label>
          <label>Database <input type="text" name="database" required spellcheck="false" autocomplete="off"
            .value=${draft.database} @input=${this._onInput}></label>
          <div class="pair">
            <label>User <input type="text" name="user" autocomplete="username" spellcheck="false"
              .value=${draft.user} @input=${this._onInput}></label>
            <label>Password <input type="password" name="password" autocomplete="current-password"
              aria-describedby=${kept ? 'sync-password-hint' : nothing}
              placeholder=${kept?.hasPassword ? 'kept' : ''} .value=${draft.password} @input=${this._onInput}></label>
          </div>
          ${kept ? html`<p class="hint" id="sync-password-hint">The password and key are kept in ${kept.passwordKeptIn}.</p>` : nothing}
          <label>Encryption passphrase (optional) <input type="password" name="passphrase" autocomplete="new-password"
            aria-describedby="sync-passphrase-hint" placeholder=${kept?.encrypted ? 'kept' : ''}
            .value=${draft.passphrase} @input=${this._onInput}></label>
          <p class="hint" id="sync-passphrase-hint">${kept?.encrypted
            ? 'This library syncs end-to-end encrypted: leave the passphrase empty to keep it. '
            : ''}Every computer needs the same passphrase; the server then only sees ciphertext.</p>
          <label class="toggle"><input type="checkbox" role="switch" name="enabled" .checked=${draft.enabled}
            @change=${this._onInput}> Sync this library</label>
        </form>
        ${this._renderStatus()}
        ${work ? html`<p class="message" role="status"><progress aria-label=${WORKING[work]}></progress> ${WORKING[work]}</p>`
          : html`<p class="message" role="status">${this.message}</p>`}
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
        <div class="actions">
          <div>
            <button type="button" ?disabled=${work !== null} @click=${this._onTest}>Test connection</button>
            ${kept?.enabled ? html`<button type="button" ?disabled=${work !== null}
              @click=${() => emit(this, 'sync-now', {})}>Sync now</button>` : nothing}
          </div>
          <div>
            <button type="submit" form="sync-form" class="primary" ?disabled=${work !== null}>Save</button>
            <button type="button" @click=${() => this._dialog.close()}>Cancel</button>
          </div>
        </div>
      </dialog>`;
  }

  /** How the kept settings are doing: the indicator's news, with the whole error. */
  private _renderStatus() {
    const status = this.status;
    if (!this.settings || !status?.server) return nothing;
    const parts = [`Syncs with ${status.server}${status.encrypted ? ', end-to-end encrypted' : ''}`];
    if (status.state === 'off') parts.push('turned off');
    parts.push(status.lastSyncedAt ? `last synced ${formatDateTime(status.lastSyncedAt)}` : 'not synced yet');
    if (status.pending > 0) parts.push(`${plural(status.pending, 'change')} waiting`);
    return html`<p class="status">${parts.join('; ')}.${status.error ? html` Last round: ${status.error}` : nothing}</p>`;
  }

  /** Opening starts the form from the kept settings, with no secret in it. */
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      const kept = this.settings;
      this._draft = kept ? { ...NEW_DRAFT, url: kept.url, database: kept.database, user: kept.user, enabled: kept.enabled } : NEW_DRAFT;
      this._problem = '';
    }
  }

  override updated(): void {
    syncDialog(this._dialog, this.open);
  }

  /** What the core takes (an empty password or passphrase means "keep the one kept"); null, said why, when incomplete. */
  private _input(): SyncSettingsInput | null {
    const { url, database, user, password, passphrase, enabled } = this._draft;
    this._problem = !url.trim() ? 'Give the server address, e.g. https://couch.example.org.'
      : !database.trim() ? 'Give the name of the database on the server, e.g. clipdesk.' : '';
    if (this._problem) return null;
    return {
      url: url.trim(), database: database.trim(), user: user.trim(), enabled,
      password: password === '' ? undefined : password,
      passphrase: passphrase === '' ? undefined : passphrase,
    };
  }

  private _onInput(event: Event): void {
    const field = event.target as HTMLInputElement;
    const value = field.type === 'checkbox' ? field.checked : field.value;
    this._draft = { ...this._draft, [field.name]: value };
  }

  private _onTest(): void {
    const input = this._input();
    if (input) emit(this, 'sync-test', { input });
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this._input();
    if (input) emit(this, 'sync-save', { input });
  }

  private _onClose(): void {
    this._draft = NEW_DRAFT; // the secrets typed go with the dialog
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-dialog': SyncDialog;
  }
  interface HTMLElementEventMap {
    'sync-test': CustomEvent<{ input: SyncSettingsInput }>;
    'sync-save': CustomEvent<{ input: SyncSettingsInput }>;
  }
}
