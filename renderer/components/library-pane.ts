import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ClipPatch, ClipSummary, SearchResult } from '../../electron/api.js';
import { ApiError, errorMessage } from '../api-client.js';
import { baseStyles } from '../base-styles.js';
import { emit } from '../events.js';
import { plural } from '../../electron/shared/date-format.js';
import { patchFor } from '../shortcuts.js';
import type { Command } from '../shortcuts.js';
import { stepFrom } from '../list-step.js';
import './clip-list.js';
import './list-toolbar.js';
import { NO_FILTERS } from './list-toolbar.js';
import type { ListFilters } from './list-toolbar.js';
import './search-help.js';
import './trash-view.js';

/**
 * The library as a list: its clips with sort and filters, the search results while there is a query,
 * or the trash; with what to say when there is nothing to list. The parent fetches; this only shows.
 *
 * @fires library-rows-visible - these rows of the library list are on screen, or next to the clip `j`/`k` opened, and need data
 *   ({ first, last })
 * @fires clip-activate - from the list, or a key moved the active row ({ index })
 * @fires clip-open - from the list, or a key opened the active row, or the next or previous clip while reading ({ id, index })
 * @fires clip-pick - from the list, or `x` picked or unpicked the active row ({ id })
 * @fires picks-clear - forget the picked clips ({})
 * @fires row-update - a key asks to star, archive or mark read the active row's clip, or undo that ({ clip, patch })
 * @fires row-trash - a key asks to move the active row's clip to the trash ({ clip })
 * @fires filters-change - from the toolbar ({ filters })
 * @fires clip-restore - from the trash ({ id })
 * @fires trash-empty - from the trash ({})
 */
@customElement('library-pane')
export class LibraryPane extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .pane { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .pane[hidden] { display: none; }
    clip-list { flex: 1; }
    trash-view { flex: 1; min-height: 0; }
    .status-line { padding: 0.5rem 1rem; border-bottom: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; margin: 0; }
    .picked button {
      font: inherit; margin-left: 0.5rem; padding: 0.1rem 0.6rem; border: 1px solid var(--border); border-radius: 0.35rem;
      background: var(--surface-raised); color: var(--text); cursor: pointer;
    }
    .problem { padding: 0.75rem 1rem; margin: 0; color: var(--danger); font-weight: 600; }
    .empty { padding: 1rem 1.25rem; margin: 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `];

  @property() view: 'library' | 'trash' = 'library';
  @property() query = '';
  @property({ attribute: false }) filters: ListFilters = NO_FILTERS;
  @property({ attribute: false }) tagFilter: readonly string[] = [];
  @property({ attribute: false }) items: readonly (ClipSummary | undefined)[] = [];
  @property({ type: Number }) total = 0;
  /** False until the list's first page arrives, so "no clips" is not said too early. */
  @property({ type: Boolean }) loaded = false;
  @property() listError = '';
  /** Null while the search runs. */
  @property({ attribute: false }) searchResult: SearchResult | null = null;
  @property({ attribute: false }) searchError: unknown = undefined;
  @property({ attribute: false }) trashed: readonly ClipSummary[] = [];
  @property({ attribute: false }) trashError: unknown = undefined;
  @property({ type: Number }) activeIndex = -1;
  @property({ attribute: false }) picked: ReadonlySet<string> = new Set();

  override render() {
    return html`
      <div class="pane" ?hidden=${this.view !== 'library'}>${this.query.trim() ? this._renderSearch() : this._renderList()}</div>
      ${this.view === 'trash' ? this._renderTrash() : nothing}`;
  }

  private _renderList() {
    const empty = this.loaded && this.total === 0;
    const { starred, annotated, readState } = this.filters;
    const filtered = this.tagFilter.length > 0 || starred || annotated || readState !== null;
    const tags = this.tagFilter.length ? ` (tags: ${this.tagFilter.join(', ')})` : '';
    return html`
      <h1 class="visually-hidden">Library</h1>
      <list-toolbar .filters=${this.filters} .total=${this.total}></list-toolbar>
      ${this.listError ? html`<p class="problem" role="alert">${this.listError}</p>` : nothing}
      ${empty && !filtered ? html`
        <p class="empty">Your library is empty. Press <strong>Add clip</strong>, or drop a web link or a .html, .txt or .md file
          onto the window.</p>
        <search-help></search-help>` : nothing}
      ${empty && filtered ? html`<p class="empty">No clips match these filters${tags}.</p>` : nothing}
      ${this._renderPicked()}
      <clip-list label="Clips" .items=${this.items} .activeIndex=${this.activeIndex} .picked=${this.picked}
        @rows-visible=${this._onRowsVisible}></clip-list>`;
  }

  private _renderSearch() {
    const result = this.searchResult;
    const error = this.searchError;
    const snippets = new Map(result?.hits.map((hit) => [hit.clip.id, hit.snippet]));
    return html`
      <h1 class="visually-hidden">Search results</h1>
      ${error
        ? html`<p class="problem" role="alert">${searchProblem(error)}</p>`
        : html`<p class="status-line" role="status">${result ? searchSummary(result) : 'Searching…'}</p>`}
      ${result && result.total === 0 && !error
        ? html`<search-help heading="No clips match" message="Try fewer words, or these forms:"></search-help>` : nothing}
      ${this._renderPicked()}
      <clip-list label="Search results" .items=${error ? [] : (result?.hits.map((hit) => hit.clip) ?? [])} .snippets=${snippets}
        .activeIndex=${this.activeIndex} .picked=${this.picked}></clip-list>`;
  }

  private _renderPicked() {
    if (this.picked.size === 0) return nothing;
    return html`<p class="status-line picked" role="status">${plural(this.picked.size, 'clip')} picked (Export… takes them)
      <button @click=${() => emit(this, 'picks-clear', {})}>Clear</button></p>`;
  }

  private _renderTrash() {
    return html`
      <h1 class="visually-hidden">Trash</h1>
      ${this.trashError ? html`<p class="problem" role="alert">${errorMessage(this.trashError)}</p>` : nothing}
      <trash-view .clips=${this.trashed}></trash-view>`;
  }

  /** Puts keyboard focus on the list shown (the library's or the search results). */
  focusList(): void {
    this.renderRoot.querySelector('clip-list')?.focus();
  }

  /** Carries out a keyboard command on the active row; false when it does not apply, so the key keeps its meaning. */
  perform(command: Command): boolean {
    // The Trash view hides the list: its active row is not what `s`, Delete or Enter should act on.
    if (this.view !== 'library') return false;
    const rows = this._rows();
    const clip = rows[this.activeIndex];
    switch (command) {
      case 'next': case 'previous': case 'down': case 'up': {
        if (rows.length === 0) return true;
        const by = command === 'next' || command === 'down' ? 1 : -1;
        emit(this, 'clip-activate', { index: Math.min(rows.length - 1, Math.max(0, this.activeIndex + by)) });
        this.focusList();
        return true;
      }
      case 'open':
        if (clip) emit(this, 'clip-open', { id: clip.id, index: this.activeIndex });
        return clip !== undefined;
      case 'trash':
        if (clip) emit(this, 'row-trash', { clip });
        return clip !== undefined;
      case 'pick':
        if (clip) emit(this, 'clip-pick', { id: clip.id });
        return clip !== undefined;
      default: {
        const patch = clip ? patchFor(command, clip) : null;
        if (clip && patch) emit(this, 'row-update', { clip, patch });
        return patch !== null;
      }
    }
  }

  /**
   * Opens the clip after (`by` 1) or before (-1) the open one in this list, the `j`/`k` of the reader,
   * and makes its row the active one; false past either end.
   */
  step(openId: string, by: 1 | -1): boolean {
    if (this.view !== 'library') return false;
    const rows = this._rows();
    const index = stepFrom(rows.map((clip) => clip?.id), openId, this.activeIndex, by);
    if (index === null) return false;
    emit(this, 'clip-activate', { index });
    const clip = rows[index];
    // A row of the library list not loaded yet: it is asked for, and the next press opens it.
    if (clip) emit(this, 'clip-open', { id: clip.id, index });
    // The pages around it, so the next press finds its clip loaded (search hits come all at once).
    if (!this.query.trim()) emit(this, 'library-rows-visible', { first: Math.max(0, index - 1), last: index + 1 });
    return true;
  }

  /** The rows shown: the search hits while there is a query, else the library list. */
  private _rows(): readonly (ClipSummary | undefined)[] {
    return this.query.trim() ? (this.searchResult?.hits.map((hit) => hit.clip) ?? []) : this.items;
  }

  private _onRowsVisible(event: CustomEvent<{ first: number; last: number }>): void {
    emit(this, 'library-rows-visible', event.detail);
  }
}

function searchProblem(error: unknown): string {
  return error instanceof ApiError && error.code === 'BAD_QUERY' ? `Cannot read this query: ${error.message}` : errorMessage(error);
}

function searchSummary(result: SearchResult): string {
  const shown = result.hits.length < result.total ? ` (showing the best ${result.hits.length})` : '';
  const count = result.totalIsLowerBound ? `More than ${result.total.toLocaleString('en')} clips` : plural(result.total, 'clip');
  return `${count} found${shown}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'library-pane': LibraryPane;
  }
  interface HTMLElementEventMap {
    'library-rows-visible': CustomEvent<{ first: number; last: number }>;
    'row-update': CustomEvent<{ clip: ClipSummary; patch: ClipPatch }>;
    'row-trash': CustomEvent<{ clip: ClipSummary }>;
    'picks-clear': CustomEvent<Record<string, never>>;
  }
}
