import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReadState, SortKey } from '../../electron/api.js';
import { emit } from '../events.js';
import { plural } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';

export interface ListFilters {
  sort: SortKey;
  descending: boolean;
  starred: boolean;
  annotated: boolean;
  /** Only clips in this read state; null for all. */
  readState: ReadState | null;
}

export const NO_FILTERS: ListFilters = { sort: 'clippedAt', descending: true, starred: false, annotated: false, readState: null };

const SORT_LABELS: Record<SortKey, string> = { clippedAt: 'Date clipped', publishedAt: 'Date published', title: 'Title' };
const STATE_LABELS: Record<ReadState | 'all', string> = { all: 'All', unread: 'Unread', read: 'Read', archived: 'Archived' };

/**
 * Sort order and the read-state, starred and annotated filters above the library list.
 *
 * @fires filters-change - new sort or filters ({ filters })
 */
@customElement('list-toolbar')
export class ListToolbar extends LitElement {
  static override styles = [baseStyles, css`
    :host {
      display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center;
      padding: 0.5rem 1rem; border-bottom: 1px solid var(--border); font-size: 0.9rem;
    }
    .count { flex: 1; color: var(--muted); white-space: nowrap; }
    select, button {
      font: inherit; color: var(--text); background: var(--surface-raised);
      border: 1px solid var(--border); border-radius: 0.35rem; padding: 0.2rem 0.5rem; cursor: pointer;
    }
    button[aria-pressed='true'] { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
  `];

  @property({ attribute: false }) filters: ListFilters = NO_FILTERS;
  @property({ type: Number }) total = 0;

  override render() {
    const { sort, descending, starred, annotated, readState } = this.filters;
    return html`
      <span class="count" role="status">${plural(this.total, 'clip')}</span>
      <label>Sort by
        <select @change=${this._onSort}>
          ${Object.entries(SORT_LABELS).map(([key, label]) => html`<option value=${key} ?selected=${key === sort}>${label}</option>`)}
        </select>
      </label>
      <button title="Sort order" @click=${() => this._set({ descending: !descending })}>
        ${sort === 'title' ? (descending ? 'Z–A' : 'A–Z') : (descending ? 'Newest first' : 'Oldest first')}
      </button>
      <label>Show
        <select @change=${this._onState}>
          ${Object.entries(STATE_LABELS).map(([key, label]) =>
            html`<option value=${key} ?selected=${key === (readState ?? 'all')}>${label}</option>`)}
        </select>
      </label>
      <button aria-pressed=${starred} @click=${() => this._set({ starred: !starred })}>★ Starred</button>
      <button aria-pressed=${annotated} @click=${() => this._set({ annotated: !annotated })}>Annotated</button>`;
  }

  private _onSort(event: Event): void {
    const sort = (event.target as HTMLSelectElement).value as SortKey;
    // Dates read best newest first, titles A to Z.
    this._set({ sort, descending: sort !== 'title' });
  }

  private _onState(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this._set({ readState: value === 'all' ? null : (value as ReadState) });
  }

  private _set(change: Partial<ListFilters>): void {
    emit(this, 'filters-change', { filters: { ...this.filters, ...change } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'list-toolbar': ListToolbar;
  }
  interface HTMLElementEventMap {
    'filters-change': CustomEvent<{ filters: ListFilters }>;
  }
}
