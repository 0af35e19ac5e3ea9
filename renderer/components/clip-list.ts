import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ClipSummary, Snippet } from '../../electron/api.js';
import { emit } from '../events.js';
import { displayDate, plural } from '../../electron/shared/date-format.js';
import { renderSnippet } from '../snippet.js';
import { baseStyles } from '../base-styles.js';

const ROW_HEIGHT = 112;
const OVERSCAN = 8;

/**
 * A virtualized listbox of clips: only the rows on screen (plus a few either side) exist in the DOM,
 * each absolutely placed in a spacer as tall as the whole list, so a list of any length scrolls smoothly.
 * Rows not loaded yet render as placeholders; the parent fetches them when told they are visible.
 *
 * @fires clip-activate - the keyboard or mouse moved to a row ({ index })
 * @fires clip-open - a row was chosen with Enter or a click ({ id, index })
 * @fires clip-pick - a row was picked or unpicked with Ctrl/Cmd+click ({ id })
 * @fires rows-visible - these rows are on screen and need data ({ first, last })
 */
@customElement('clip-list')
export class ClipList extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; min-height: 0; }
    .viewport { height: 100%; overflow-y: auto; position: relative; }
    .viewport:focus-visible { outline-offset: -3px; }
    .spacer { position: relative; }
    [role='option'] {
      position: absolute; left: 0; right: 0; height: ${ROW_HEIGHT}px; overflow: hidden;
      padding: 0.6rem 1rem; border-bottom: 1px solid var(--border); cursor: pointer;
    }
    [role='option']:hover { background: var(--surface); }
    [aria-selected='true'] { background: var(--selected); box-shadow: inset 4px 0 var(--accent); }
    [aria-checked='true'] .title::before { content: '✓ '; color: var(--accent); }
    [aria-checked='true'] { background: var(--surface); }
    .title { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .meta { color: var(--muted); font-size: 0.85rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .star { color: var(--star); }
    .tag {
      display: inline-block; font-size: 0.75rem; padding: 0 0.4rem; margin-right: 0.25rem;
      border-radius: 0.6rem; border: 1px solid var(--border);
    }
    .excerpt { font-size: 0.88rem; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    mark { background: var(--hl-yellow); color: var(--hl-text); }
    .placeholder { color: var(--muted); }
    /* The tag chips are for the eye; screen readers get the tags as text in the row's description. */
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `];

  @property({ attribute: false }) items: readonly (ClipSummary | undefined)[] = [];
  @property({ type: Number }) activeIndex = -1;
  @property() label = 'Clips';
  /** The clips picked (Ctrl/Cmd+click, `x`) to act on together, such as an export. */
  @property({ attribute: false }) picked: ReadonlySet<string> = new Set();
  /** Search snippets by clip id, shown instead of the excerpt. */
  @property({ attribute: false }) snippets: ReadonlyMap<string, Snippet> | null = null;

  @state() private _scrollTop = 0;
  @state() private _height = 600;
  @query('.viewport') private _viewport!: HTMLElement;
  private readonly _resize = new ResizeObserver(([entry]) => {
    const hidden = this._height === 0;
    this._height = entry?.contentRect.height ?? this._height;
    // Back in view after a clip was read: `j`/`k` may have moved the active row meanwhile.
    if (hidden && this._height > 0) this._scrollToActive();
  });

  override render() {
    const first = Math.max(0, Math.floor(this._scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.items.length - 1, Math.ceil((this._scrollTop + this._height) / ROW_HEIGHT) + OVERSCAN);
    const rows = [];
    for (let index = first; index <= last; index++) rows.push(this._renderRow(index));
    return html`
      <div class="viewport" role="listbox" tabindex="0" aria-label=${this.label}
        aria-activedescendant=${this.activeIndex >= 0 ? `row-${this.activeIndex}` : nothing}
        @scroll=${this._onScroll} @keydown=${this._onKeydown}>
        <div class="spacer" role="none" style=${styleMap({ height: `${this.items.length * ROW_HEIGHT}px` })}>${rows}</div>
      </div>`;
  }

  private _renderRow(index: number) {
    const clip = this.items[index];
    const position = styleMap({ top: `${index * ROW_HEIGHT}px` });
    const selected = index === this.activeIndex;
    if (!clip) {
      return html`<div role="option" id="row-${index}" aria-selected=${selected} aria-setsize=${this.items.length}
        aria-posinset=${index + 1} style=${position} class="placeholder">Loading…</div>`;
    }
    const snippet = this.snippets?.get(clip.id);
    return html`
      <div role="option" id="row-${index}" aria-selected=${selected} aria-setsize=${this.items.length}
        aria-posinset=${index + 1} style=${position} aria-checked=${this.picked.size > 0 ? this.picked.has(clip.id) : nothing}
        data-clip-id=${clip.id} @click=${(event: MouseEvent) => this._onRowClick(event, index, clip.id)}>
        <div class="title">${clip.title}</div>
        <div class="meta">
          ${[clip.source, displayDate(clip)].filter(Boolean).join(' · ')}
          ${clip.starred ? html` · <span class="star">★ Starred</span>` : nothing}
          ${clip.annotationCount ? ` · ${plural(clip.annotationCount, 'highlight')}` : nothing}
          ${clip.tags.length ? html`<span class="visually-hidden"> · Tags: ${clip.tags.join(', ')}</span>` : nothing}
        </div>
        <div aria-hidden="true">${clip.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</div>
        <div class="excerpt">${snippet ? renderSnippet(snippet) : clip.excerpt}</div>
      </div>`;
  }

  override firstUpdated(): void {
    this._resize.observe(this._viewport);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('activeIndex')) this._scrollToActive();
    const first = Math.floor(this._scrollTop / ROW_HEIGHT);
    const last = Math.ceil((this._scrollTop + this._height) / ROW_HEIGHT);
    emit(this, 'rows-visible', { first: Math.max(0, first - OVERSCAN), last: last + OVERSCAN });
  }

  /** Puts keyboard focus on the list (the active row is announced through aria-activedescendant). */
  override focus(): void {
    this._viewport?.focus();
  }

  private _scrollToActive(): void {
    if (this.activeIndex < 0 || !this._viewport) return;
    const top = this.activeIndex * ROW_HEIGHT;
    if (top < this._viewport.scrollTop) this._viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this._viewport.scrollTop + this._height) this._viewport.scrollTop = top + ROW_HEIGHT - this._height;
  }

  private _onScroll(): void {
    this._scrollTop = this._viewport.scrollTop;
  }

  private _onRowClick(event: MouseEvent, index: number, id: string): void {
    emit(this, 'clip-activate', { index });
    if (event.ctrlKey || event.metaKey) emit(this, 'clip-pick', { id });
    else emit(this, 'clip-open', { id, index });
  }

  private _onKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const page = Math.max(1, Math.floor(this._height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: page, PageUp: -page };
    const count = this.items.length;
    let index: number | undefined;
    if (event.key in moves) index = Math.min(count - 1, Math.max(0, this.activeIndex + (moves[event.key] ?? 0)));
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = count - 1;
    else if (event.key === 'Enter') {
      const clip = this.items[this.activeIndex];
      if (clip) emit(this, 'clip-open', { id: clip.id, index: this.activeIndex });
    } else return;
    event.preventDefault();
    if (index !== undefined && count > 0) emit(this, 'clip-activate', { index });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clip-list': ClipList;
  }
  interface HTMLElementEventMap {
    'clip-activate': CustomEvent<{ index: number }>;
    'clip-open': CustomEvent<{ id: string; index: number }>;
    'clip-pick': CustomEvent<{ id: string }>;
    'rows-visible': CustomEvent<{ first: number; last: number }>;
  }
}
