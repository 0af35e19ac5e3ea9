import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogStatus, FetchStatus, TagCount } from '../../electron/api.js';
import { baseStyles } from '../base-styles.js';
import type { FetchProgress } from '../controllers/picture-fetch-controller.js';
import { emit } from '../events.js';
import { plural } from '../../electron/shared/date-format.js';
import './missing-pictures.js';
import './tag-sidebar.js';

/**
 * The window's side panel: the views (all clips, trash), the tags, and what the library is doing or
 * could do in the background (its index rebuilt; articles of imported addresses fetched; pictures not kept).
 *
 * @fires view-show - show the library or the trash ({ view })
 * @fires fetching-pause, fetching-resume - pause or resume fetching imported addresses' articles ({})
 * @fires tag-toggle, tag-rename, tag-delete - from the tags
 * @fires pictures-fetch-all - from the missing pictures
 */
@customElement('library-nav')
export class LibraryNav extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .views { display: grid; gap: 0.15rem; }
    button { font: inherit; color: var(--text); cursor: pointer; }
    .views button { text-align: left; border: 0; background: none; padding: 0.35rem 0.8rem; border-radius: 0.35rem; }
    .views button[aria-current='page'] { background: var(--selected); font-weight: 600; }
    .fetching, .rebuilding { margin-top: 0.75rem; font-size: 0.85rem; color: var(--muted); }
    .fetching progress, .rebuilding progress { width: 100%; }
    .fetching button { background: none; border: 1px solid var(--border); border-radius: 0.35rem; padding: 0.2rem 0.6rem; }
  `];

  @property() view: 'library' | 'trash' = 'library';
  /** Whether a clip is open (then neither view is the current page). */
  @property({ type: Boolean }) reading = false;
  @property({ attribute: false }) tags: readonly TagCount[] = [];
  @property({ attribute: false }) selectedTags: readonly string[] = [];
  @property({ type: Number }) clipsMissingPictures = 0;
  @property({ attribute: false }) pictureProgress: FetchProgress | null = null;
  @property({ attribute: false }) fetching: FetchStatus | null = null;
  @property({ attribute: false }) catalog: CatalogStatus | null = null;

  override render() {
    return html`
      <div class="views">
        <button aria-current=${this.view === 'library' && !this.reading ? 'page' : nothing}
          @click=${() => emit(this, 'view-show', { view: 'library' })}>All clips</button>
        <button aria-current=${this.view === 'trash' ? 'page' : nothing}
          @click=${() => emit(this, 'view-show', { view: 'trash' })}>Trash</button>
      </div>
      ${this._renderRebuild()}
      <tag-sidebar .tags=${this.tags} .selected=${this.selectedTags}></tag-sidebar>
      ${this._renderFetching()}
      <missing-pictures .clips=${this.clipsMissingPictures} .progress=${this.pictureProgress}></missing-pictures>`;
  }

  /** How far the rebuild of the library's index got, while it runs: the list and search show what is done. */
  private _renderRebuild() {
    const status = this.catalog;
    if (!status?.rebuilding) return nothing;
    const { listing, indexed, total } = status;
    const label = listing ? `${count(indexed)} clips listed` : `${count(indexed)} of ${count(total)}`;
    return html`
      <div class="rebuilding" role="status">
        <progress value=${listing ? nothing : indexed} max=${listing ? nothing : total}
          aria-label="Rebuilding the library index"></progress>
        <p>Rebuilding the library index: ${label}</p>
      </div>`;
  }

  /** How the fetching of imported addresses' articles stands, while any wait. */
  private _renderFetching() {
    const status = this.fetching;
    if (!status || status.pending === 0) return nothing;
    const { pending, failed, running, paused, run } = status;
    const waiting = pending - failed;
    const done = run.fetched + run.failed;
    const label = paused
      ? `Fetching paused: ${plural(waiting, 'article')} to fetch`
      : running ? `Fetching articles: ${done} of ${done + waiting}` : `${plural(waiting, 'article')} to fetch later`;
    return html`
      <div class="fetching" role="status">
        ${running ? html`<progress value=${done} max=${done + waiting} aria-label="Fetching articles"></progress>` : nothing}
        <p>${label}${failed > 0 ? html`; ${plural(failed, 'article')} could not be fetched` : nothing}</p>
        ${running || paused ? html`<button @click=${() => emit(this, paused ? 'fetching-resume' : 'fetching-pause', {})}>
          ${paused ? 'Resume' : 'Pause'}</button>` : nothing}
      </div>`;
  }
}

/** A count as people read it in their language (4,500). */
function count(value: number): string {
  return value.toLocaleString();
}

declare global {
  interface HTMLElementTagNameMap {
    'library-nav': LibraryNav;
  }
  interface HTMLElementEventMap {
    'view-show': CustomEvent<{ view: 'library' | 'trash' }>;
    'fetching-pause': CustomEvent<Record<string, never>>;
    'fetching-resume': CustomEvent<Record<string, never>>;
  }
}
