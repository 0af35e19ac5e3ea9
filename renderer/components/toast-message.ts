import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { baseStyles } from '../base-styles.js';

const SHOW_MS = 8000;

/**
 * A short message at the bottom of the window with an optional action ("Undo"). It stays while the
 * pointer or focus is on it, so the action is not snatched away mid-reach.
 *
 * @fires toast-action - the action button was pressed ({})
 * @fires toast-dismiss - the message timed out or was closed ({})
 */
@customElement('toast-message')
export class ToastMessage extends LitElement {
  static override styles = [baseStyles, css`
    :host { position: fixed; bottom: 1.25rem; left: 50%; transform: translateX(-50%); z-index: 20; }
    .toast { display: flex; gap: 0.75rem; align-items: center; padding: 0.6rem 0.8rem 0.6rem 1rem; border-radius: 0.5rem;
      background: var(--text); color: var(--bg); box-shadow: var(--shadow); }
    .toast.error { background: var(--danger); color: var(--bg); }
    button {
      font: inherit; font-weight: 600; background: none; color: inherit;
      border: 1px solid currentColor; border-radius: 0.3rem; padding: 0.15rem 0.7rem; cursor: pointer;
    }
    :focus-visible { outline-offset: 2px; }
  `];

  @property() message = '';
  @property() action = '';
  @property({ type: Boolean }) error = false;

  private _timer: ReturnType<typeof setTimeout> | undefined;

  override render() {
    if (!this.message) return html`<div role="status"></div>`;
    return html`
      <div class="toast ${this.error ? 'error' : ''}" role=${this.error ? 'alert' : 'status'}
        @pointerenter=${this._hold} @focusin=${this._hold} @pointerleave=${this._arm} @focusout=${this._arm}>
        <span>${this.message}</span>
        ${this.action ? html`<button @click=${() => emit(this, 'toast-action', {})}>${this.action}</button>` : nothing}
        <button aria-label="Dismiss" @click=${() => emit(this, 'toast-dismiss', {})}>✕</button>
      </div>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('message')) this._arm();
  }

  private _hold(): void {
    clearTimeout(this._timer);
  }

  private _arm(): void {
    clearTimeout(this._timer);
    if (this.message) this._timer = setTimeout(() => emit(this, 'toast-dismiss', {}), SHOW_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'toast-message': ToastMessage;
  }
  interface HTMLElementEventMap {
    'toast-action': CustomEvent<Record<string, never>>;
    'toast-dismiss': CustomEvent<Record<string, never>>;
  }
}
