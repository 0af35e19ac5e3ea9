import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../base-styles.js';
import type { FetchProgress } from '../controllers/picture-fetch-controller.js';
import { emit } from '../events.js';
import { plural } from '../../electron/shared/date-format.js';

/**
 * Offers to fetch the pictures that clips show but the library does not keep (their fetch failed, or
 * they were clipped before pictures were kept), and shows how far that has come.
 *
 * @fires pictures-fetch-all - fetch the missing pictures of every clip ({})
 */
@customElement('missing-pictures')
export class MissingPictures extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; margin-top: 0.75rem; font-size: 0.85rem; color: var(--muted); }
    button { font: inherit; color: var(--text); background: none; border: 1px solid var(--border); border-radius: 0.35rem;
      padding: 0.25rem 0.6rem; cursor: pointer; text-align: left; }
    progress { width: 100%; }
  `];

  /** Clips that miss pictures. */
  @property({ type: Number }) clips = 0;
  @property({ attribute: false }) progress: FetchProgress | null = null;

  override render() {
    if (this.progress) {
      const { done, total } = this.progress;
      return html`<p role="status"><progress value=${done} max=${total} aria-label="Fetching pictures"></progress>
        Fetching pictures: ${done} of ${plural(total, 'clip')}…</p>`;
    }
    if (this.clips === 0) return nothing;
    return html`<button title="Fetch the pictures that could not be kept offline when these clips were made"
      @click=${() => emit(this, 'pictures-fetch-all', {})}>Fetch missing pictures (${plural(this.clips, 'clip')})</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'missing-pictures': MissingPictures;
  }
  interface HTMLElementEventMap {
    'pictures-fetch-all': CustomEvent<Record<string, never>>;
  }
}
