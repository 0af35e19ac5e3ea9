import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SyncStatus } from '../../electron/api.js';
import { formatAgo, formatDateTime, plural } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import { emit } from '../events.js';

/**
 * How sync stands, always in view at the foot of the side panel: off, synced some time ago, syncing,
 * changes waiting, or what went wrong in words (in full in its tooltip and in the settings it opens).
 *
 * @fires sync-settings-open - the indicator was pressed: open the sync settings ({})
 * @fires sync-now - run a round now ({})
 */
@customElement('sync-indicator')
export class SyncIndicator extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: flex; gap: 0.3rem; align-items: stretch; font-size: 0.85rem; }
    button {
      font: inherit; color: var(--text); cursor: pointer; background: none; border: 1px solid var(--border); border-radius: 0.35rem;
    }
    .state {
      flex: 1; min-width: 0; display: flex; gap: 0.4rem; align-items: center; text-align: left; padding: 0.3rem 0.6rem;
    }
    .state span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .state.error { color: var(--danger); border-color: var(--danger); font-weight: 600; }
    .state.off { color: var(--muted); }
    .now { padding: 0.2rem 0.55rem; }
  `];

  @property({ attribute: false }) status: SyncStatus | null = null;

  override render() {
    const status = this.status;
    const kind = status?.state ?? 'off';
    return html`
      <button class="state ${kind}" title=${this._details(status)} @click=${() => emit(this, 'sync-settings-open', {})}>
        <span aria-hidden="true">${kind === 'error' ? '⚠' : '⇅'}</span><span>${this._label(status)}</span>
      </button>
      ${status && status.state !== 'off' ? html`<button class="now" aria-label="Sync now" title="Sync now"
        ?disabled=${status.state === 'syncing'} @click=${() => emit(this, 'sync-now', {})}>⟳</button>` : nothing}`;
  }

  /** What the button says, shortest first: the sidebar is narrow. */
  private _label(status: SyncStatus | null): string {
    if (!status || status.state === 'off') return 'Sync off';
    if (status.state === 'syncing') return 'Syncing…';
    if (status.state === 'error') return `Sync failed: ${status.error ?? 'see the sync settings'}`;
    if (status.pending > 0) return `${plural(status.pending, 'change')} to sync`;
    return status.lastSyncedAt ? `Synced ${formatAgo(status.lastSyncedAt)}` : 'Not synced yet';
  }

  /** The tooltip: where to, whether encrypted, when exactly, and the whole error. */
  private _details(status: SyncStatus | null): string {
    if (!status?.server) return 'Sync is not set up: open the sync settings';
    const lines = [`Syncs with ${status.server}${status.encrypted ? ', end-to-end encrypted' : ''}`];
    if (status.state === 'off') lines.push('Turned off');
    if (status.lastSyncedAt) lines.push(`Last synced ${formatDateTime(status.lastSyncedAt)}`);
    if (status.pending > 0) lines.push(`${plural(status.pending, 'change')} waiting to be sent`);
    if (status.error) lines.push(status.error);
    return lines.join('\n');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-indicator': SyncIndicator;
  }
  interface HTMLElementEventMap {
    'sync-settings-open': CustomEvent<Record<string, never>>;
    'sync-now': CustomEvent<Record<string, never>>;
  }
}
