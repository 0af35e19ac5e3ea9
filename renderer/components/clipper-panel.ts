import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ClipperInfo } from '../../electron/api.js';
import { baseStyles } from '../base-styles.js';

/**
 * Offers the browser bookmarklet: a link to drag to the bookmarks bar, and a button that copies it.
 * The link carries this install's clipper token, which is why it is only ever shown inside the app.
 * (Clicking it here does nothing: the app's CSP blocks javascript: URLs.)
 */
@customElement('clipper-panel')
export class ClipperPanel extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; border-top: 1px solid var(--border); padding-top: 0.6rem; }
    h3 { font-size: 1rem; margin: 0 0 0.3rem; }
    p { margin: 0 0 0.5rem; color: var(--muted); font-size: 0.9rem; }
    .row { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
    a {
      padding: 0.3rem 0.7rem; border: 1px dashed var(--accent); border-radius: 0.35rem;
      color: var(--accent); font-weight: 600; text-decoration: none; cursor: grab;
    }
    button {
      font: inherit; padding: 0.3rem 0.8rem; border-radius: 0.35rem; border: 1px solid var(--border);
      background: var(--surface); color: var(--text); cursor: pointer;
    }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `];

  @property({ attribute: false }) info: ClipperInfo | null = null;

  @state() private _copied = false;

  override render() {
    if (!this.info) return html``;
    return html`
      <h3>Clip from your browser</h3>
      <p>Drag this button to your browser's bookmarks bar, then click it on any article to clip it (and your selection, as a highlight).</p>
      <div class="row">
        <a href=${this.info.bookmarklet} draggable="true" @click=${(event: Event) => event.preventDefault()}>Clip to Clipdesk</a>
        <button type="button" @click=${this._onCopy}>${this._copied ? 'Copied' : 'Copy bookmarklet'}</button>
        <span role="status" class="visually-hidden">${this._copied ? 'Bookmarklet copied to the clipboard' : ''}</span>
      </div>`;
  }

  private async _onCopy(): Promise<void> {
    if (!this.info) return;
    await navigator.clipboard.writeText(this.info.bookmarklet);
    this._copied = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clipper-panel': ClipperPanel;
  }
}
